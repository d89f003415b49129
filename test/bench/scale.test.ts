import { describe, expect, it } from 'vitest';
import { type ScaleRow, targetLines } from '../../bench/scale.js';

const memory = { rss: 0, heapUsed: 0 } as unknown as ScaleRow['before'];
const row = (articles: number, facts: number, builds: number[]): ScaleRow => ({
  articles,
  facts,
  builds,
  before: memory,
  after: memory,
  samples: [0.5],
  reps: 1,
  autocomplete: [1],
  indexMs: 10,
  peakRss: 100 * 1024 * 1024,
});
const TARGETS = { extraBuildMs: 5_000, p99Ms: 5, autocompleteP99Ms: 10, peakRssBytes: 600 * 1024 * 1024 };

describe('the scale curve’s growth line', () => {
  it('compares first builds: later builds of one knowledge find its words in the caches', () => {
    // 100 articles: a first build of 300 ms, then 150 ms twice; 1,000 articles, built once, 3.3 s.
    const rows = [row(1, 39, [40, 30, 30]), row(100, 1_600, [300, 150, 150]), row(1_000, 16_000, [3_300])];
    const { lines, ok } = targetLines(rows, TARGETS);
    expect(lines[0]).toMatch(/^PASS {2}first build per fact at 1000 1\.10x/);
    expect(ok).toBe(true);
  });

  it('fails when the first build per fact grows worse than linearly', () => {
    const rows = [row(1, 39, [40]), row(100, 1_600, [300]), row(1_000, 16_000, [4_800])];
    expect(targetLines(rows, TARGETS).lines[0]).toMatch(/^FAIL {2}first build per fact at 1000 1\.60x/);
  });
});
