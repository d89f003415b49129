// Idle memory, side by side in one run: the bot as a user starts it (`npm start`, the seed
// article) and a bare discord.js client with the same intents and partials run with plain
// `node`, both logged in to the same fake Discord. Each one's RSS is read from /proc once both
// are ready and have settled; the line FAIL says the bot holds more than 1.3 times the bare
// client's. Usage: npx tsx bench/idle.ts [--rounds N] [--settle SECONDS]
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { IntentsBitField } from 'discord.js';
import { GATEWAY_INTENTS, PARTIALS } from '../src/discord/bot.js';
import { type FakeDiscord, startFakeDiscord } from '../test/discord/fakeDiscord.js';
import { FAKE_APP_ID, FAKE_BOT, nextId } from '../test/discord/payloads.js';
import { median } from './timing.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BARE_CLIENT = path.join(ROOT, 'bench', 'bare-client.mjs');
/** The bound: the idle bot within 1.3 times the bare client's RSS. */
export const MAX_RATIO = 1.3;
/** Shaped like a real bot token; the fake accepts any. */
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.x1Y2z3W4v5U6t7S8r9Q0p1O2n3M4l5K6j7I8h9';
const READY_TIMEOUT_MS = 90_000;
const SAMPLES = 5;
const SAMPLE_EVERY_MS = 500;

interface Started {
  readonly child: ChildProcess;
  output(): string;
}

/** A child in its own process group (so the whole group can be stopped), its output kept. */
function start(command: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

async function waitForOutput(started: Started, text: string, name: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(
        `${name} did not say "${text}" (exit code ${started.child.exitCode}):\n${started.output()}`,
      );
    }
    await sleep(100);
  }
}

async function stop(started: Started): Promise<void> {
  const { child } = started;
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // The group is already gone.
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), 8000);
  await exited;
  clearTimeout(timer);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ProcessInfo {
  readonly pid: number;
  readonly depth: number;
  readonly argv: readonly string[];
}

/** `pid` and every process below it, read from /proc, with their depth under `pid`. */
function processTree(pid: number): ProcessInfo[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces: the parent id follows the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // It exited while being read.
    }
  }
  const tree: ProcessInfo[] = [];
  const visit = (at: number, depth: number) => {
    let argv: string[] = [];
    try {
      argv = readFileSync(`/proc/${at}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      return;
    }
    tree.push({ pid: at, depth, argv });
    for (const child of children.get(at) ?? []) visit(child, depth + 1);
  };
  visit(pid, 0);
  return tree;
}

/** VmRSS of a process, in bytes (0 when it has gone). */
function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The node process that runs the bot's entry (`src/main.ts` under tsx, `dist/main.js` compiled):
 * the deepest one below npm whose arguments name it, since tsx's own launcher names it too.
 */
function botProcess(tree: readonly ProcessInfo[]): ProcessInfo {
  const runs = tree.filter(({ argv }) => argv.some((arg) => /(^|\/)main\.(ts|js)$/.test(arg)));
  const found = runs.sort((a, b) => b.depth - a.depth)[0];
  if (!found) throw new Error(`no process of npm start runs main.ts or main.js:\n${describeTree(tree)}`);
  return found;
}

function describeTree(tree: readonly ProcessInfo[]): string {
  return tree
    .map(({ pid, depth, argv }) => `${'  '.repeat(depth)}${pid} ${argv.join(' ').slice(0, 140)}`)
    .join('\n');
}

interface Round {
  readonly bot: number;
  /** Every process `npm start` left running, npm itself aside (tsx's launcher and esbuild, a shell). */
  readonly botTree: number;
  readonly bare: number;
  readonly tree: string;
}

/** Samples RSS a few times once settled and keeps the median: one sample may catch a GC mid-way. */
async function sampleRss(read: () => number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    samples.push(read());
    await sleep(SAMPLE_EVERY_MS);
  }
  return median(samples);
}

async function measureRound(fake: FakeDiscord, settleMs: number): Promise<Round> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'idle-bench-'));
  // Blank, not absent: dotenv never overrides a variable that is set, so a developer's own .env
  // cannot change what the bot runs with.
  const blank = Object.fromEntries(
    ['DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'LOG_LEVEL', 'LOG_FORMAT', 'KNOWLEDGE_DIR', 'METRICS_PORT'].map(
      (name) => [name, ''],
    ),
  );
  const bot = start('npm', ['start', '--silent'], {
    ...blank,
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: dataDir,
  });
  const bare = start(process.execPath, [BARE_CLIENT], {
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    BARE_INTENTS: String(new IntentsBitField([...GATEWAY_INTENTS]).bitfield),
    BARE_PARTIALS: JSON.stringify(PARTIALS),
  });
  try {
    await Promise.all([
      waitForOutput(bot, 'connected to Discord', 'npm start'),
      waitForOutput(bare, 'ready', 'the bare client'),
    ]);
    await sleep(settleMs);
    const tree = processTree(bot.child.pid as number);
    const main = botProcess(tree);
    const others = tree.filter(({ depth }) => depth > 0);
    const [botRss, treeRss, bareRss] = await Promise.all([
      sampleRss(() => rssOf(main.pid)),
      sampleRss(() => others.reduce((sum, { pid }) => sum + rssOf(pid), 0)),
      sampleRss(() => rssOf(bare.child.pid as number)),
    ]);
    return { bot: botRss, botTree: treeRss, bare: bareRss, tree: describeTree(tree) };
  } finally {
    await Promise.all([stop(bot), stop(bare)]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { rounds: { type: 'string', default: '1' }, settle: { type: 'string', default: '5' } },
  });
  const rounds = Number(values.rounds);
  const settleMs = Number(values.settle) * 1000;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: a whole number, 1 or more');
  if (!(settleMs >= 0)) throw new Error('--settle: a number of seconds');

  const fake = await startFakeDiscord({
    applicationId: FAKE_APP_ID,
    botUser: FAKE_BOT,
    guilds: [{ id: nextId(), name: 'Newsroom', channels: [{ id: nextId(), type: 0 }] }],
  });
  const results: Round[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const round = await measureRound(fake, settleMs);
      if (i === 0) process.stdout.write(`npm start ran:\n${round.tree}\n\n`);
      results.push(round);
      process.stdout.write(
        `round ${i + 1}: bot ${mb(round.bot)} (npm start's processes ${mb(round.botTree)}), ` +
          `bare client ${mb(round.bare)}, ratio ${(round.bot / round.bare).toFixed(2)}\n`,
      );
    }
  } finally {
    await fake.close();
  }
  const ratios = results.map((r) => r.bot / r.bare);
  const spread = (values: number[], format: (v: number) => string) =>
    `${format(Math.min(...values))} … ${format(Math.max(...values))} (median ${format(median(values))})`;
  process.stdout.write(
    `\nidle RSS after ${settleMs / 1000} s, ${rounds} round(s), node ${process.version}:\n` +
      `  bot (npm start, 1 article)   ${spread(
        results.map((r) => r.bot),
        mb,
      )}\n` +
      `  bare discord.js client      ${spread(
        results.map((r) => r.bare),
        mb,
      )}\n` +
      `  ratio                       ${spread(ratios, (v) => v.toFixed(2))}\n`,
  );
  const worst = Math.max(...ratios);
  const verdict = worst <= MAX_RATIO ? 'PASS' : 'FAIL';
  process.stdout.write(`${verdict}: worst ratio ${worst.toFixed(2)}, bound ${MAX_RATIO}\n`);
  return verdict === 'PASS' ? 0 : 1;
}

process.exitCode = await main();
