// How the bench writes its figures: percentages with their counts, milliseconds, megabytes.
import { percentiles } from './percentiles.js';

export const pct = (pass: number, total: number) =>
  total === 0 ? 'n/a' : `${((100 * pass) / total).toFixed(1)}% (${pass}/${total})`;
export const ms = (value: number) =>
  value < 0.1 ? value.toFixed(4) : value < 10 ? value.toFixed(3) : value.toFixed(1);
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)}`;
export const delta = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 2 ** 20).toFixed(1)}`;
/** p50 / p99 / max of timings. */
export const latency = (samples: readonly number[]) => {
  const { p50, p99, max } = percentiles(samples);
  return `${ms(p50)} / ${ms(p99)} / ${ms(max)}`;
};
