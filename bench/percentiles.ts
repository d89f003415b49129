/** p50, p99 and max of timings (ms), each an observed sample: the nearest-rank method. */
export function percentiles(samples: ArrayLike<number>): { p50: number; p99: number; max: number } {
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}
