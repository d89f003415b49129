// What the load script (bench/load.ts) drives: the bot, started as `npm start` starts it
// (dist/main.js with its node flags, configured by the environment), or the bare client of bench/bare-client.mjs (plain node). Each
// runs in a child process of its own, connected to a fake Discord of its own (a dispatch goes to
// every connected client, so two clients on one fake would both answer).
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntentsBitField } from 'discord.js';
import { GATEWAY_INTENTS, PARTIALS } from '../src/discord/bot.js';
import { type AnyJson, type FakeDiscord, startFakeDiscord } from '../test/discord/fakeDiscord.js';
import { FAKE_APP_ID, FAKE_BOT, nextId } from '../test/discord/payloads.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Shaped like a real bot token, so the bot's configuration accepts it; only the fake sees it. */
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.x1Y2z3W4v5U6t7S8r9Q0p1O2n3M4l5K6j7I8h9';
/** What the bare client answers each command with. */
const BARE_REPLY = 'ok';
/** The word lists take seconds to load, longer on a busy machine. */
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 8_000;

export type TargetName = 'bot' | 'bare';

export interface TargetOptions {
  /** An entry point to run with `node --import tsx` instead of what `npm start` runs. */
  readonly botEntry?: string;
  /** A folder for the CPU profiles (`--cpu-prof`) of the bot and the bare client, written when they exit. */
  readonly profileDir?: string;
}

export interface Target {
  readonly name: TargetName;
  readonly fake: FakeDiscord;
  readonly guildId: string;
  readonly channelId: string;
  /** Whether a reply (a callback's `data`, or an edit's body) is this target's answer, not a notice. */
  isAnswer(message: AnyJson): boolean;
  /** Lines the child wrote to stdout (the bot's log), and the error lines among them. */
  readonly output: { lines: number; errors: string[]; warnings: string[] };
  /** CPU time the child has used so far (ms, all its threads), null where /proc cannot tell. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

/**
 * Every setting .env.example documents, blank (its default) unless set here, so that a local
 * .env or the shell changes nothing: default cooldown, question log on, JSON logs at info.
 */
function botEnvironment(fake: FakeDiscord, dataDir: string): NodeJS.ProcessEnv {
  const documented = readFileSync(path.join(REPO, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z_\d]*)=/gm);
  return {
    ...process.env,
    ...Object.fromEntries([...documented].map((match) => [match[1], ''])),
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
  };
}

function spawnChild(name: TargetName, fake: FakeDiscord, dataDir: string, options: TargetOptions) {
  const profile = options.profileDir
    ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir, '--cpu-prof-name', `${name}.cpuprofile`]
    : [];
  const env =
    name === 'bot'
      ? botEnvironment(fake, dataDir)
      : {
          ...process.env,
          DISCORD_TOKEN: TOKEN,
          DISCORD_API_URL: fake.apiUrl,
          BARE_REPLY,
          BARE_INTENTS: String(new IntentsBitField([...GATEWAY_INTENTS]).bitfield),
          BARE_PARTIALS: JSON.stringify(PARTIALS),
        };
  const args =
    name === 'bot'
      ? options.botEntry
        ? ['--import', 'tsx', options.botEntry]
        : startArguments()
      : ['bench/bare-client.mjs'];
  return spawn(process.execPath, [...profile, ...args], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * The node arguments `npm start` runs the bot with (its flags and dist/main.js), read from
 * package.json, after building dist/ the way `npm start` does when src/ changed: the bot is
 * measured as a user starts it, in its own node process, so /proc reads the bot and not npm.
 */
function startArguments(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const steps = (manifest.scripts.start ?? '').split('&&').map((step) => step.trim());
  const last = steps.pop()?.split(/\s+/) ?? [];
  if (last[0] !== 'node')
    throw new Error(`npm start does not end with a node command: ${manifest.scripts.start}`);
  for (const step of steps) execSync(step, { cwd: REPO, stdio: 'inherit' });
  return last.slice(1);
}

/** Clock ticks a second in /proc/<pid>/stat: 100 on every Linux Node runs on. */
const TICKS_PER_SECOND = 100;

/** User and system CPU time of a process, from /proc (Linux); null elsewhere or once it has gone. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** An error line of the bot's log, short: its message and its error's. */
function describeLogLine(line: string): string {
  try {
    const { msg, err } = JSON.parse(line) as { msg?: string; err?: { message?: string } };
    return `${msg ?? ''}${err?.message ? `: ${err.message}` : ''}`;
  } catch {
    return line.slice(0, 200);
  }
}

/** Counts stdout lines and keeps the error lines (pino level 50 and up) and stderr's tail. */
function watchOutput(child: ChildProcess) {
  const output = { lines: 0, errors: [] as string[], warnings: [] as string[] };
  let partial = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    output.lines += lines.length;
    for (const line of lines) {
      if (/"level":(5|6)\d/.test(line)) output.errors.push(describeLogLine(line));
      else if (/"level":4\d/.test(line)) output.warnings.push(describeLogLine(line));
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  return { output, stderr: () => stderr };
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts a fake Discord with one guild and the target connected to it. */
export async function startTarget(name: TargetName, options: TargetOptions = {}): Promise<Target> {
  const guildId = nextId();
  const channelId = nextId();
  const fake = await startFakeDiscord({
    applicationId: FAKE_APP_ID,
    botUser: FAKE_BOT,
    guilds: [{ id: guildId, name: 'Load', channels: [{ id: channelId, type: 0 }], preferred_locale: 'fr' }],
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), `load-${name}-`));
  const child = spawnChild(name, fake, dataDir, options);
  const { output, stderr } = watchOutput(child);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
    }
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const early = exited(child).then((code) => {
    throw new Error(`the ${name} exited (code ${code}) before connecting:\n${stderr()}`);
  });
  try {
    await Promise.race([fake.waitForReady(START_TIMEOUT_MS), early]);
  } catch (error) {
    await stop();
    throw error;
  }
  early.catch(() => {}); // A later exit is the run's failure, seen as lost interactions.
  const isAnswer =
    name === 'bot'
      ? (message: AnyJson) => Array.isArray(message?.embeds) && message.embeds.length > 0
      : (message: AnyJson) => message?.content === BARE_REPLY;
  const cpuMs = () => cpuMsOf(child.pid);
  return { name, fake, guildId, channelId, isAnswer, output, cpuMs, stop };
}
