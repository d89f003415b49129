import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a script of the project the way npm does, through tsx, with no terminal attached. */
export function runScript(
  script: string,
  args: string[],
  input?: string,
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 60_000,
) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    input: input ?? '',
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, DISCORD_TOKEN: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
