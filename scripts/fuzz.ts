// Fuzz: the question property of `npm test` (test/properties/questionProperty.ts) over many more
// generated questions, each asked the way Discord surfaces ask (askAbout) and rendered as their
// reply (renderAnswer). Prints what was tried and how long each question took; exits 1 with
// fast-check's counterexample when one fails.
//   npm run fuzz -- --runs 200000 --seed 42
//   npm run fuzz -- --seed 42 --path "1234:0:1"   (replays a failure fast-check reported)
import fc from 'fast-check';
import { percentiles } from '../bench/percentiles.js';
import { loadEngine } from '../src/bootstrap.js';
import { HELP_OPTION, readCommandLine } from '../src/cli/commandLine.js';
import {
  answerCase,
  checkAnswer,
  createQuestionContext,
  type GeneratedCase,
  questionCase,
  SHAPES,
} from '../test/properties/questionProperty.js';

const DEFAULT_RUNS = 100_000;
/** A counterexample can be a million characters long: its lines are cut for the terminal. */
const MAX_REPORT_LINE = 2000;

const USAGE = 'usage: npm run fuzz -- [--runs N] [--seed N] [--path PATH]';

function options() {
  const commandLine = readCommandLine(
    'fuzz',
    {
      args: process.argv.slice(2),
      options: {
        ...HELP_OPTION,
        runs: { type: 'string' },
        seed: { type: 'string' },
        path: { type: 'string' },
      },
    },
    USAGE,
  );
  if (typeof commandLine === 'number') process.exit(commandLine);
  const { values } = commandLine;
  const runs = Number(values.runs ?? DEFAULT_RUNS);
  const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    console.error(
      'fuzz: --runs takes a whole number from 1, --seed a whole number (e.g. --runs 200000 --seed 42)',
    );
    process.exit(2);
  }
  return { runs, seed, path: values.path };
}

const { runs, seed, path } = options();
const context = createQuestionContext(loadEngine());
const outcomes = new Map<string, number>();
const shapes = new Map<string, number>();
const timings: number[] = [];
let longest = 0;
let slowest = { ms: 0, shape: '', length: 0 };
// fast-check runs the property again while shrinking a failure: those runs are not counted.
let failed = false;

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

function property(input: GeneratedCase): void {
  let ms = 0;
  let result: ReturnType<typeof answerCase>;
  try {
    const start = process.hrtime.bigint();
    result = answerCase(input, context);
    ms = Number(process.hrtime.bigint() - start) / 1e6;
    checkAnswer(input, result, context);
  } catch (error) {
    failed = true;
    throw error;
  }
  if (failed) return;
  timings.push(ms);
  longest = Math.max(longest, input.question.length);
  if (ms > slowest.ms) slowest = { ms, shape: input.shape, length: input.question.length };
  count(shapes, input.shape);
  count(outcomes, result.answer.answered ? 'answered' : `refused, ${result.answer.reason}`);
}

const started = process.hrtime.bigint();
const details = fc.check(fc.property(questionCase(context.knowledge), property), {
  numRuns: runs,
  seed,
  ...(path ? { path } : {}),
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const share = (n: number) => `${n} (${((100 * n) / Math.max(1, timings.length)).toFixed(1)}%)`;
const { p50, p99, max } = percentiles(timings);
const order = [
  'answered',
  'refused, empty',
  'refused, unknown-entity',
  'refused, not-in-article',
  'refused, missing-answer-type',
  'refused, entity-mismatch',
];
const width = Math.max(...order.map((outcome) => outcome.length)) + 2;
const lines = [
  `fuzz: ${timings.length.toLocaleString('en')} generated questions through askAbout + renderAnswer, seed ${seed}`,
  ...[...outcomes]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([outcome, n]) => `  ${outcome.padEnd(width)}${share(n)}`),
  `  ${'failures'.padEnd(width)}${details.failed ? 1 : 0}`,
  `shapes: ${SHAPES.map((shape) => `${shape} ${shapes.get(shape) ?? 0}`).join(', ')}`,
  `per question ms p50 / p99 / max: ${p50.toFixed(3)} / ${p99.toFixed(3)} / ${max.toFixed(1)}` +
    ` (slowest: ${slowest.shape}, ${slowest.length.toLocaleString('en')} characters)`,
  `longest input: ${longest.toLocaleString('en')} characters`,
  `elapsed: ${seconds.toFixed(1)} s`,
];
console.log(lines.join('\n'));

if (details.failed) {
  const report = fc
    .defaultReportMessage(details)
    ?.split('\n')
    .map((line) =>
      line.length > MAX_REPORT_LINE
        ? `${line.slice(0, MAX_REPORT_LINE)}… (${line.length - MAX_REPORT_LINE} more characters)`
        : line,
    )
    .join('\n');
  const error =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  console.error(`\n${report}\n\nError: ${error.slice(0, MAX_REPORT_LINE)}`);
  if (details.counterexamplePath) {
    console.error(`\nreplay: npm run fuzz -- --seed ${seed} --path "${details.counterexamplePath}"`);
  }
  process.exit(1);
}
