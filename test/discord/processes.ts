// The bot's own scripts run as child processes, as a reader runs them, for the end-to-end tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * The scripts exactly as a reader runs them (`npm start`, `npm run deploy-commands`), with
 * only the variables the README names and a stdin that is not a terminal.
 */
export function npm(script: string[], env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn('npm', ['run', '--silent', ...script], {
    cwd: process.cwd(),
    // Blank, not absent: dotenv never overrides a variable that is set, so a developer's own
    // .env cannot change what these tests run with.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DISCORD_TOKEN: '',
      DISCORD_CLIENT_ID: '',
      DISCORD_GUILD_ID: '',
      DISCORD_API_URL: '',
      LOG_LEVEL: '',
      LOG_FORMAT: '',
      DATA_DIR: '',
      KNOWLEDGE_DIR: '',
      COOLDOWN_QUESTIONS: '',
      COOLDOWN_SECONDS: '',
      METRICS_PORT: '',
      METRICS_HOST: '',
      INTERACTIONS_PORT: '',
      INTERACTIONS_HOST: '',
      DISCORD_PUBLIC_KEY: '',
      QUESTION_LOG: '',
      QUESTION_LOG_DAYS: '',
      QUESTION_LOG_DMS: '',
      SHARD_COUNT: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return Object.assign(child, { output: () => output });
}

export async function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const timer = setTimeout(() => {
    if (groupAlive(child) && child.pid) process.kill(-child.pid, 'SIGKILL');
  }, timeoutMs);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  return code as number | null;
}

export function groupAlive(child: ChildProcess): boolean {
  try {
    if (child.pid) process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}
