// Load script: drives the real bot through the fake Discord with `/ask` from many distinct
// members, and a bare discord.js client the same way, side by side in one run. The bot and the
// bare client each run in a child process of their own (the bot as `npm start` runs it: compiled,
// with its node flags; the bare client under tsx), so neither shares its event loop with
// the fake Discord and the load, which run here. Phases: a burst dispatched at once, a closed
// loop of virtual users against both (in rounds, alternating which goes first), and fixed open-
// loop rates. Prints, per phase: sent, answered, lost, answered twice, throughput and latency
// from dispatch to the first callback; then PASS/FAIL lines, exiting 1 on any FAIL.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../src/bootstrap.js';
import { HELP_OPTION, readCommandLine } from '../src/cli/commandLine.js';
import { RELATED_SHOWN } from '../src/discord/render.js';
import { questionOf, readQuestionSet } from '../test/eval/questionSet.js';
import { ms } from './format.js';
import { LoadDriver, type PhaseResult, type Question, untilIdle, untilQuiet } from './loadPhases.js';
import { startTarget, type Target, type TargetOptions } from './loadTargets.js';
import { percentiles } from './percentiles.js';
import { seededRandom } from './random.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The seed article's question sets, written apart from its knowledge: a realistic mix. */
const QUESTION_SETS = ['holdout', 'fresh', 'blind', 'blind2'];
/** The target: the bot serves at least this share of the bare client's closed-loop rate. */
const MIN_RATIO = 0.6;
/** The warm-up asks every question twice (the engine caches its typo corrections), within 10 s. */
const WARM_UP_PASSES = 2;
const WARM_UP_MAX_MS = 10_000;
const READY_TIMEOUT_MS = 30_000;

const USAGE = `usage: npm run bench:load -- [options]
  --seconds N       closed loop: seconds per round (default 5)
  --rounds N        closed loop: rounds, bot and bare client each (default 3)
  --users N         closed loop: virtual users (default 32)
  --burst N         interactions dispatched at once (default 500)
  --rates LIST      open-loop rates per second, comma-separated (default 50,200,500)
  --rate-seconds N  seconds per open-loop rate (default 5)
  --bot-entry FILE  run this entry under tsx instead (default: what npm start runs, dist/main.js)
  --profile DIR     write the CPU profiles (--cpu-prof) of the bot and the bare client to DIR
                    (bot.cpuprofile, bare.cpuprofile) when they exit`;

const commandLine = readCommandLine(
  'bench:load',
  {
    args: process.argv.slice(2),
    options: {
      ...HELP_OPTION,
      seconds: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      users: { type: 'string', default: '32' },
      burst: { type: 'string', default: '500' },
      rates: { type: 'string', default: '50,200,500' },
      'rate-seconds': { type: 'string', default: '5' },
      'bot-entry': { type: 'string' },
      profile: { type: 'string' },
    },
  },
  USAGE,
);
if (typeof commandLine === 'number') process.exit(commandLine);
const flags = commandLine.values;

/** A positive whole number from a flag, or exit 2 naming the flag. */
function count(flag: string, value: string): number {
  const parsed = Number(value);
  if (Number.isInteger(parsed) && parsed > 0) return parsed;
  process.stderr.write(`bench:load: --${flag} must be a positive whole number, not "${value}".\n${USAGE}\n`);
  process.exit(2);
}

const settings = {
  seconds: count('seconds', flags.seconds),
  rounds: count('rounds', flags.rounds),
  users: count('users', flags.users),
  burst: count('burst', flags.burst),
  rates: flags.rates.split(',').map((rate) => count('rates', rate.trim())),
  rateSeconds: count('rate-seconds', flags['rate-seconds']),
};
const targetOptions: TargetOptions = {
  ...(flags['bot-entry'] ? { botEntry: flags['bot-entry'] } : {}),
  ...(flags.profile ? { profileDir: path.resolve(flags.profile) } : {}),
};

/** The seed article's questions, in French and English, shuffled the same way every run. */
function readQuestions(): Question[] {
  const questions = QUESTION_SETS.flatMap(
    (name) => readQuestionSet(path.join(REPO, 'test/fixtures', `${name}.jsonl`)) ?? [],
  ).map((item) => ({ text: questionOf(item), language: item.lang }));
  const random = seededRandom(12);
  for (let i = questions.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [questions[i], questions[j]] = [questions[j] as Question, questions[i] as Question];
  }
  return questions;
}

/** The driver, once the target answers and has run a short warm-up (not reported). */
async function warmedUp(target: Target, questions: readonly Question[]): Promise<LoadDriver> {
  const driver = new LoadDriver(target, questions);
  if (!(await driver.answering(READY_TIMEOUT_MS))) {
    throw new Error(`the ${target.name} connected but answered nothing within ${READY_TIMEOUT_MS / 1000} s`);
  }
  await driver.closedLoop(settings.users, WARM_UP_MAX_MS, WARM_UP_PASSES * questions.length);
  await driver.finish('warm-up');
  return driver;
}

const line = (r: PhaseResult) => {
  const { p50, p99, max } = percentiles(r.latencies);
  const cells = [r.sent, r.answered, r.lost, r.twice, r.wrong, r.deferred, Math.round(r.throughput)];
  const cpu = [r.cpu.target, r.cpu.load].map((v) => (v === null ? 'n/a' : v.toFixed(2)).padStart(9));
  return `${r.target.padEnd(5)} ${r.phase.padEnd(22)} ${cells.map((c) => String(c).padStart(9)).join('')}${[p50, p99, max].map((v) => ms(v).padStart(9)).join('')}${cpu.join('')}`;
};
const HEADER = `${'target'.padEnd(5)} ${'phase'.padEnd(22)}${['sent', 'answered', 'lost', 'twice', 'wrong', 'deferred', 'per s', 'p50 ms', 'p99 ms', 'max ms', 'cpu ms', 'load cpu'].map((h) => h.padStart(9)).join('')}`;

const median = (values: readonly number[]) => percentiles(values).p50;

/** Passes over the questions when timing the engine alone; the first warms it (typo corrections). */
const ENGINE_PASSES = 3;

/**
 * The engine's CPU per question with nothing remembered (ms, median of the passes after the
 * first), asked as /ask asks it. After the warm-up the bot answers every closed-loop /ask from
 * its memory of recent answers (src/discord/rememberedAnswers.ts), so its CPU per /ask above
 * holds no search: a bot whose members never repeat a question would spend this much more.
 * Measured here, once the targets have stopped, on the knowledge the bot serves.
 */
function engineCpuMs(questions: readonly Question[]): number {
  const engine = loadEngine();
  const passes: number[] = [];
  for (let pass = 0; pass < ENGINE_PASSES; pass++) {
    const start = process.cpuUsage();
    for (const { text, language } of questions) {
      engine.ask(text, { fallbackLanguage: language, maxSuggestions: RELATED_SHOWN });
    }
    const used = process.cpuUsage(start);
    passes.push((used.user + used.system) / 1000 / questions.length);
  }
  return median(passes.slice(1));
}

async function run(): Promise<number> {
  const questions = readQuestions();
  process.stdout.write(
    `Load: ${questions.length} questions from test/fixtures (${QUESTION_SETS.join(', ')}), each /ask from a new member.\n` +
      `Bot (as npm start runs it) and bare client in child processes; the fake Discord and the load in this one.\n` +
      `Latency: dispatch to first callback, of the answered. cpu ms: the target's CPU per interaction; load cpu: this process's.\n`,
  );
  const [bot, bare] = await Promise.all([
    startTarget('bot', targetOptions),
    startTarget('bare', targetOptions),
  ]);
  const results: PhaseResult[] = [];
  let errors: string[] = [];
  try {
    const [botDriver, bareDriver] = [await warmedUp(bot, questions), await warmedUp(bare, questions)];
    const phase = async (driver: LoadDriver, name: string, load: () => Promise<unknown>) => {
      await untilIdle([bot, bare]);
      await load();
      const result = await driver.finish(name);
      results.push(result);
      process.stdout.write(`${line(result)}\n`);
    };
    process.stdout.write(`${HEADER}\n`);
    await phase(botDriver, `burst of ${settings.burst}`, () => botDriver.burst(settings.burst));
    const closed = `closed loop ${settings.users}`;
    for (let round = 0; round < settings.rounds; round++) {
      const order = round % 2 === 0 ? [botDriver, bareDriver] : [bareDriver, botDriver];
      for (const driver of order) {
        await phase(driver, closed, () => driver.closedLoop(settings.users, settings.seconds * 1000));
      }
    }
    for (const rate of settings.rates) {
      await phase(botDriver, `${rate}/s for ${settings.rateSeconds} s`, () =>
        botDriver.openLoop(rate, settings.rateSeconds * 1000),
      );
    }
    await Promise.all([untilQuiet(bot), untilQuiet(bare)]);
    errors = [...bot.output.errors]; // A request cut short by the stop below is no error of the bot's.
  } finally {
    await Promise.all([bot.stop(), bare.stop()]);
  }
  return verdict(results, bot, errors, engineCpuMs(questions));
}

/** Each distinct line once, with how many times it came, the commonest first. */
function countLines(lines: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const text of lines) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([text, times]) => `\n    ${times} × ${text}`)
    .join('');
}

/** The PASS/FAIL lines; 1 when any fails. */
function verdict(
  results: readonly PhaseResult[],
  bot: Target,
  errors: readonly string[],
  engineMs: number,
): number {
  const closedLoop = (target: string) =>
    results.filter((r) => r.target === target && r.phase.startsWith('closed'));
  const closed = (target: string) => closedLoop(target).map((r) => r.throughput);
  const [botRates, bareRates] = [closed('bot'), closed('bare')];
  const cpu = (target: string) => median(closedLoop(target).flatMap((r) => r.cpu.target ?? []));
  const ratio = median(botRates) / median(bareRates);
  const perRound = botRates.map((rate, i) => rate / (bareRates[i] ?? Number.NaN));
  const spread = `rounds ${perRound.map((r) => r.toFixed(2)).join(', ')}`;
  const sent = results.reduce((sum, r) => sum + r.sent, 0);
  const sum = (key: 'lost' | 'twice' | 'wrong') => results.reduce((total, r) => total + r[key], 0);
  const checks: Array<[boolean, string]> = [
    [
      ratio >= MIN_RATIO,
      `closed loop of ${settings.users}: bot ${botRates.map(Math.round).join(' / ')} per s, bare client ${bareRates.map(Math.round).join(' / ')} per s; ratio of medians ${ratio.toFixed(2)} (${spread}), target ≥ ${MIN_RATIO}`,
    ],
    [
      sum('lost') === 0,
      `lost (no callback within 3 s, or deferred and not answered within 30 s): ${sum('lost')} of ${sent}`,
    ],
    [sum('twice') === 0, `answered twice: ${sum('twice')} of ${sent}`],
    [sum('wrong') === 0, `answered with a notice instead of an answer: ${sum('wrong')} of ${sent}`],
    [errors.length === 0, `bot log errors: ${errors.length}${countLines(errors)}`],
  ];
  // CPU per interaction depends less on what else the machine runs than throughput does.
  process.stdout.write(
    `\nclosed loop, CPU per interaction (median of rounds): bot ${cpu('bot').toFixed(2)} ms, bare client ${cpu('bare').toFixed(2)} ms (ratio bare/bot ${(cpu('bare') / cpu('bot')).toFixed(2)})` +
      `\nthe engine alone, nothing remembered: ${engineMs.toFixed(2)} ms CPU per question (after the warm-up the bot answered every closed-loop /ask from its memory of recent answers: a question never asked before costs this much more)`,
  );
  process.stdout.write(
    `\nbot log lines: ${bot.output.lines} for ${results.filter((r) => r.target === 'bot').reduce((total, r) => total + r.sent, 0)} interactions measured; warnings: ${bot.output.warnings.length}${countLines(bot.output.warnings)}\n`,
  );
  for (const [ok, text] of checks) process.stdout.write(`${ok ? 'PASS' : 'FAIL'} ${text}\n`);
  return checks.every(([ok]) => ok) ? 0 : 1;
}

process.exitCode = await run();
