// Scale: the engine over 1, 10, 100 articles (the seed, the practice articles, generated copies):
// build time, memory after the build, warm latency per question.
import type { Engine } from '../src/core/engine.js';
import type { KnowledgeBase } from '../src/core/types.js';
import { knowledgeWithArticles } from './articles.js';
import { delta, latency, mb, ms } from './format.js';
import { percentiles } from './percentiles.js';
import { type Memory, median, memory, timeMs, type WarmOptions, warm } from './timing.js';

export interface ScaleOptions {
  readonly sizes: readonly number[];
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
}

/** One size after the other, each engine dropped before the next size is built. */
export function measureScale(
  seed: KnowledgeBase,
  build: (knowledge: KnowledgeBase) => Engine,
  questions: readonly string[],
  options: ScaleOptions,
): ScaleRow[] {
  return options.sizes.map((articles, i) => {
    const before = memory(options.gc);
    const knowledge = knowledgeWithArticles(seed, articles);
    const builds: number[] = [];
    let engine: Engine | null = null;
    for (let n = 0; n < Math.max(1, options.builds(articles)); n++) {
      const built = timeMs(() => build(knowledge));
      builds.push(built.ms);
      engine = built.value;
    }
    if (!engine) throw new Error('scale: no engine was built');
    const after = memory(options.gc);
    const ask = engine.ask;
    const { samples, reps } = warm((question) => ask(question), questions, { ...options.warm, seed: 10 + i });
    return { articles, facts: engine.facts.length, builds, before, after, samples, reps };
  });
}

/** The p99 of warm latency at a size, or null when that size was not measured. */
export function p99At(rows: readonly ScaleRow[], articles: number): number | null {
  const found = rows.find((row) => row.articles === articles);
  return found ? percentiles(found.samples).p99 : null;
}

const COLUMNS = [10, 7, 20, 18, 18] as const;
const line = (cells: readonly string[]) =>
  cells.map((text, i) => (i < COLUMNS.length ? text.padEnd(COLUMNS[i] ?? 0) : text)).join('');

export function scaleLines(rows: readonly ScaleRow[], questions: number): string[] {
  return [
    `scale: the seed, the practice articles and generated copies of them (other names and numbers)`,
    line([
      'articles',
      'facts',
      'build ms (median)',
      'heap MB (delta)',
      'rss MB (delta)',
      'warm ms p50 / p99 / max',
    ]),
    ...rows.map((row) =>
      line([
        String(row.articles),
        String(row.facts),
        `${ms(median(row.builds))} (of ${row.builds.length})`,
        `${mb(row.after.heapUsed)} (${delta(row.after.heapUsed - row.before.heapUsed)})`,
        `${mb(row.after.rss)} (${delta(row.after.rss - row.before.rss)})`,
        `${latency(row.samples)} (x${row.reps})`,
      ]),
    ),
    `  facts: reviewed facts and uncurated sentences; delta: the articles and the engine, over what the process held before;` +
      ` warm: the ${questions} dev and practice questions, shuffled, after warm-up`,
  ];
}

/** Building may cost this much more per fact at the largest size than at the one before. */
const LINEAR_SLACK = 1.5;

/**
 * Whether the cost grows linearly: the build time per fact at the largest size within
 * LINEAR_SLACK of the size before it, and the per-question p99 at the largest size under a target.
 */
export function growthLines(
  rows: readonly ScaleRow[],
  p99TargetMs: number,
): { lines: string[]; ok: boolean } {
  const [before, last] = rows.slice(-2);
  if (!before || !last) return { lines: ['SKIP  growth: fewer than two sizes measured'], ok: true };
  const perFact = (row: ScaleRow) => median(row.builds) / Math.max(1, row.facts);
  const ratio = perFact(last) / perFact(before);
  const buildOk = ratio <= LINEAR_SLACK;
  const p99 = percentiles(last.samples).p99;
  const p99Ok = p99 <= p99TargetMs;
  return {
    ok: buildOk && p99Ok,
    lines: [
      `${buildOk ? 'PASS' : 'FAIL'}  build per fact at ${last.articles} articles ${ratio.toFixed(2)}x that at ${before.articles} (linear: <= ${LINEAR_SLACK}x)`,
      `${p99Ok ? 'PASS' : 'FAIL'}  per-question p99 at ${last.articles} articles ${ms(p99)} ms <= ${p99TargetMs} ms`,
    ],
  };
}
