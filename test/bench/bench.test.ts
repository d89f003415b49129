import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../cli/runScript.js';

const noShared = mkdtempSync(path.join(tmpdir(), 'no-shared-'));
afterAll(() => rmSync(noShared, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('runs node with the flags npm start gives the bot: its start-up and memory are the ones measured', () => {
    const { start, bench } = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
    const node = /&& (node [^&]*) dist\/main\.js$/.exec(start)?.[1];
    expect(node).toMatch(/^node --/);
    expect(bench).toBe(`${node} --import tsx bench/bench.ts`);
  });
});

// The figures depend on the machine: only what was run and what was skipped is checked.
describe('npm run bench without ../shared', { timeout: 240_000 }, () => {
  it('runs everything the repository holds and says it skipped the dev set, and why', () => {
    const { status, stdout, stderr } = runScript(
      'bench/bench.ts',
      [],
      '',
      { SHARED_DIR: noShared, BENCH_REPS: '1', BENCH_BUILDS: '1' },
      230_000,
    );
    expect(status, stderr).toBe(0);
    expect(stdout).toMatch(/^bench: 0 dev \+ 450 held-out questions/);
    expect(stdout).toMatch(/^dev +skipped \(no dev set\)/m);
    for (const set of ['holdout', 'fresh', 'blind', 'blind2'])
      expect(stdout).toMatch(new RegExp(`^${set} overall +\\d+\\.\\d% \\(\\d+/\\d+\\)`, 'm'));
    for (const measure of [
      'warm ms p50 / p99 / max',
      'cold ms p50 / p99 / max',
      'autocomplete ms p50 / p99 / max',
      'Discord render ms p50 / p99 / max',
      '1M-char question ms p50 / p99 / max',
      'rss MB after build (step delta)',
    ])
      expect(stdout).toMatch(new RegExp(`^${measure.replace(/[()/+]/g, '\\$&')} +\\d`, 'm'));
    expect(stdout).toContain(
      `SKIP  dev accuracy: no dev set at ${path.join(noShared, 'eval', 'dev.jsonl')} (it comes with ../shared, beside the repository)`,
    );
    for (const set of ['holdout', 'trust', 'practice-fr', 'practice-en'])
      expect(stdout).toMatch(
        new RegExp(`^${set} +(\\d+\\.\\d% \\(\\d+/\\d+\\)|-) .*other article \\d+$`, 'm'),
      );
    expect(stdout).toMatch(/^answers citing the wrong article: \d+ \(3 articles, every set\)/m);
    for (const articles of [1, 10, 100])
      expect(stdout).toMatch(new RegExp(`^${articles} +\\d+ +\\d[\\d.]* \\(of 1\\) +\\d`, 'm'));
    expect(stdout).toMatch(/^(PASS|FAIL) {2}per-question p99 at 10 articles \d[\d.]* ms < 1 ms$/m);
    expect(stdout).toMatch(/^(PASS|FAIL) {2}overall/m);
  });
});
