// Scale: the engine over 1, 10, 100 articles (the seed, the practice articles, generated copies):
// build time, memory after the build, warm latency per question.
import type { Engine } from '../src/core/engine.js';
import { createQuestionIndex } from '../src/core/questionIndex.js';
import type { KnowledgeBase } from '../src/core/types.js';
import { delta, latency, mb, ms } from './format.js';
import { percentiles } from './percentiles.js';
import { type Memory, median, memory, timeMs, type WarmOptions, warm } from './timing.js';

export interface ScaleOptions {
  readonly sizes: readonly number[];
  /** The knowledge of a size (articles, or facts). */
  readonly make: (size: number) => KnowledgeBase;
  /** Fresh builds to time at a size (the median is reported). */
  readonly builds: (articles: number) => number;
  readonly warm: Omit<WarmOptions, 'seed'>;
  readonly gc: (() => void) | null;
}

export interface ScaleRow {
  readonly articles: number;
  readonly facts: number;
  readonly builds: readonly number[];
  /** Before the articles were made, and after the last build (the engine alive). */
  readonly before: Memory;
  readonly after: Memory;
  readonly samples: readonly number[];
  readonly reps: number;
  /** Autocomplete over every known question: one half-typed question of every few, once each. */
  readonly autocomplete: readonly number[];
  /** Building the autocomplete index, once: the bot builds it at start too. */
  readonly indexMs: number;
  /** The process's peak RSS so far, in bytes: sizes grow, so it is this size's peak. */
  readonly peakRss: number;
}

/** Known questions autocompleted at each size, spread over all of them. */
const AUTOCOMPLETE_SAMPLE = 400;

/** Autocomplete timed as Discord asks it: a fresh index over every fact, half-typed questions. */
function timeAutocomplete(engine: Engine): { samples: number[]; indexMs: number } {
  const built = timeMs(() => createQuestionIndex({ ...engine.knowledge, facts: engine.facts }));
  const index = built.value;
  const step = Math.max(1, Math.floor(index.entries.length / AUTOCOMPLETE_SAMPLE));
  const samples: number[] = [];
  for (let i = 0; i < index.entries.length; i += step) {
    const text = index.entries[i]?.text ?? '';
    const typed = text.slice(0, Math.ceil(text.length / 2));
    const start = process.hrtime.bigint();
    index.suggest(typed, i % 2 === 0 ? 'fr' : 'en');
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { samples, indexMs: built.ms };
}

const SCALE_TITLE =
  'scale: the seed, the practice articles and generated copies of them (other names and numbers)';

/**
 * One size after the other, each engine dropped before the next size is built. The build is the
 * bot's (`startEngine`): it may use a worker thread beside the main one, and is timed until done.
 */
export async function measureScale(
  build: (knowledge: KnowledgeBase) => Promise<Engine>,
  questions: readonly string[],
  options: ScaleOptions,
): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const [i, articles] of options.sizes.entries()) {
    const before = memory(options.gc);
    const knowledge = options.make(articles);
    const builds: number[] = [];
    let engine: Engine | null = null;
    for (let n = 0; n < Math.max(1, options.builds(articles)); n++) {
      const start = performance.now();
      engine = await build(knowledge);
      builds.push(performance.now() - start);
    }
    if (!engine) throw new Error('scale: no engine was built');
    const after = memory(options.gc);
    const ask = engine.ask;
    const { samples, reps } = warm((question) => ask(question), questions, { ...options.warm, seed: 10 + i });
    const { samples: autocomplete, indexMs } = timeAutocomplete(engine);
    const peakRss = process.resourceUsage().maxRSS * 1024;
    rows.push({
      articles,
      facts: engine.facts.length,
      builds,
      before,
      after,
      samples,
      reps,
      autocomplete,
      indexMs,
      peakRss,
    });
  }
  return rows;
}

/** The p99 of warm latency at a size, or null when that size was not measured. */
export function p99At(rows: readonly ScaleRow[], articles: number): number | null {
  const found = rows.find((row) => row.articles === articles);
  return found ? percentiles(found.samples).p99 : null;
}

const COLUMNS = [10, 7, 20, 10, 18, 18, 14, 28] as const;
const line = (cells: readonly string[]) =>
  cells.map((text, i) => (i < COLUMNS.length ? text.padEnd(COLUMNS[i] ?? 0) : text)).join('');

export function scaleLines(rows: readonly ScaleRow[], questions: number, title = SCALE_TITLE): string[] {
  return [
    title,
    line([
      'articles',
      'facts',
      'build ms (median)',
      'index ms',
      'heap MB (delta)',
      'rss MB (delta)',
      'peak rss MB',
      'warm ms p50 / p99 / max',
      'autocomplete ms p50 / p99 / max',
    ]),
    ...rows.map((row) =>
      line([
        String(row.articles),
        String(row.facts),
        `${ms(median(row.builds))} (of ${row.builds.length})`,
        ms(row.indexMs),
        `${mb(row.after.heapUsed)} (${delta(row.after.heapUsed - row.before.heapUsed)})`,
        `${mb(row.after.rss)} (${delta(row.after.rss - row.before.rss)})`,
        mb(row.peakRss),
        `${latency(row.samples)} (x${row.reps})`,
        latency(row.autocomplete),
      ]),
    ),
    `  facts: reviewed facts and uncurated sentences; index: the autocomplete index, built once; delta: the articles and the engine, over what the process held before;` +
      ` warm: the ${questions} dev and practice questions, shuffled, after warm-up`,
  ];
}

/** Building may cost this much more per fact at the largest size than at the one before. */
const LINEAR_SLACK = 1.5;

export interface ScaleTargets {
  /** Start-up at the largest size, over that with the smallest. */
  readonly extraBuildMs: number;
  readonly p99Ms: number;
  readonly autocompleteP99Ms: number;
  readonly peakRssBytes: number;
}

/**
 * Whether the cost grows linearly and the largest size meets the targets: build time per fact
 * within LINEAR_SLACK of the size before it, start-up, question and autocomplete p99, peak RSS.
 */
export function targetLines(
  rows: readonly ScaleRow[],
  targets: ScaleTargets,
): { lines: string[]; ok: boolean } {
  const first = rows[0];
  const [before, last] = rows.slice(-2);
  if (!first || !before || !last) return { lines: ['SKIP  growth: fewer than two sizes measured'], ok: true };
  // Each size's first build, as a start is: the builds after it find the stems and texts of the
  // same knowledge in the caches the first one filled, and the largest size is built once.
  const perFact = (row: ScaleRow) => (row.builds[0] ?? 0) / Math.max(1, row.facts);
  const ratio = perFact(last) / perFact(before);
  // Start-up is what the bot builds before it answers: the engine, then the autocomplete index.
  const startUp = (row: ScaleRow) => median(row.builds) + row.indexMs;
  const extra = startUp(last) - startUp(first);
  const p99 = percentiles(last.samples).p99;
  const autocomplete = percentiles(last.autocomplete).p99;
  const checks: Array<[boolean, string]> = [
    [
      ratio <= LINEAR_SLACK,
      `first build per fact at ${last.articles} ${ratio.toFixed(2)}x that at ${before.articles} (linear: <= ${LINEAR_SLACK}x)`,
    ],
    [
      extra <= targets.extraBuildMs,
      `start-up (engine and autocomplete index) at ${last.articles} ${ms(extra)} ms more than at ${first.articles} (<= ${targets.extraBuildMs} ms)`,
    ],
    [p99 <= targets.p99Ms, `per-question p99 at ${last.articles} ${ms(p99)} ms (<= ${targets.p99Ms} ms)`],
    [
      autocomplete <= targets.autocompleteP99Ms,
      `autocomplete p99 at ${last.articles} ${ms(autocomplete)} ms (<= ${targets.autocompleteP99Ms} ms)`,
    ],
    [
      last.peakRss <= targets.peakRssBytes,
      `peak RSS at ${last.articles} ${mb(last.peakRss)} MB (<= ${mb(targets.peakRssBytes)} MB)`,
    ],
  ];
  return {
    ok: checks.every(([ok]) => ok),
    lines: checks.map(([ok, text]) => `${ok ? 'PASS' : 'FAIL'}  ${text}`),
  };
}
