// How the bench times and weighs: shuffled repetitions, one clock read per call, memory after a
// full collection. Shared by every section of bench.ts.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { MinimalAnswer } from './baseline.js';
import { percentiles } from './percentiles.js';
import { seededRandom } from './random.js';

export type Ask = (question: string) => MinimalAnswer;

export interface Memory {
  readonly rss: number;
  readonly heapUsed: number;
}

/** The indexes of `n` questions, each `reps` times, in a shuffled order. */
export function schedule(n: number, reps: number, seed: number): Uint32Array {
  const order = new Uint32Array(n * reps);
  for (let i = 0; i < order.length; i++) order[i] = i % n;
  const next = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const tmp = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = tmp;
  }
  return order;
}

/** Times every call of `ask` on the questions in `order`, in milliseconds. */
export function timeEach(ask: Ask, questions: readonly string[], order: Uint32Array, into: number[]): void {
  for (const index of order) {
    const question = questions[index] ?? '';
    const start = process.hrtime.bigint();
    ask(question);
    into.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}

export function timeMs<T>(run: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = run();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

export function median(values: readonly number[]): number {
  return percentiles(values).p50;
}

export interface WarmOptions {
  readonly seed: number;
  /** Rounds over every question before the clock counts. */
  readonly warmupReps: number;
  /** Repetitions of every question wanted… */
  readonly reps: number;
  /** …cut to fit this wall-clock budget, estimated from the warm-up… */
  readonly budgetMs: number;
  /** …but never below this many (nor above `reps`), for a p99 worth reading. */
  readonly minReps?: number;
}

/**
 * Warm latency: a warm-up, then every question `reps` times in a shuffled order. The time a
 * round takes is estimated from the second half of the warm-up, the first holding the first
 * (cold) answers.
 */
export function warm(
  ask: Ask,
  questions: readonly string[],
  options: WarmOptions,
): { samples: number[]; reps: number } {
  const warmup: number[] = [];
  timeEach(ask, questions, schedule(questions.length, options.warmupReps, options.seed), warmup);
  const warmHalf = warmup.slice(Math.floor(warmup.length / 2));
  const mean = warmHalf.reduce((sum, value) => sum + value, 0) / Math.max(1, warmHalf.length);
  const affordable = Math.floor(options.budgetMs / Math.max(1e-6, mean * questions.length));
  const reps = Math.min(options.reps, Math.max(1, options.minReps ?? 1, affordable));
  const samples: number[] = [];
  timeEach(ask, questions, schedule(questions.length, reps, options.seed + 1), samples);
  return { samples, reps };
}

/** `global.gc` when node runs with --expose-gc, else the same function obtained through V8 flags. */
export function findGc(): { gc: (() => void) | null; how: string } {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return { gc: exposed, how: 'after global.gc()' };
  try {
    v8.setFlagsFromString('--expose-gc');
    const fromContext: unknown = runInNewContext('gc');
    if (typeof fromContext === 'function')
      return { gc: fromContext as () => void, how: 'after gc (via v8 flag)' };
  } catch {
    // Not available: memory is then read without a collection first.
  }
  return { gc: null, how: 'no gc available (figures include garbage)' };
}

export function memory(gc: (() => void) | null): Memory {
  if (gc) {
    gc();
    gc();
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}
