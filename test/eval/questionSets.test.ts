import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/bootstrap.js';
import { readQuestionSet, score } from './questionSet.js';

const engine = loadEngine();
const ask = (question: string) => engine.ask(question);
const fixture = (name: string) =>
  readQuestionSet(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));

const devFile = fileURLToPath(new URL('../../../shared/eval/dev.jsonl', import.meta.url));
const dev = readQuestionSet(devFile);

describe('quality on question sets', () => {
  // The shared dev set sits beside the repository (as in CI); without it there is nothing to score.
  it.skipIf(dev === null && !process.env.CI)(
    'scores at least 95% overall and 90% of refusals on the dev set',
    () => {
      expect(dev, `missing ${devFile}`).not.toBeNull();
      const result = score(dev ?? [], ask);
      expect(result.overall, result.failures.join('\n')).toBeGreaterThanOrEqual(0.95);
      expect(result.refusals).toBeGreaterThanOrEqual(0.9);
    },
  );

  // Sets written apart from the knowledge and from the dev set, a guard against tuning to one
  // set. Floors are the scores measured when they were set, less some room: lower one only
  // with a reason.
  // Built to tempt a bluff (swapped roles, false premises, what the article does not say,
  // lists): a wrong answer there is one a member would believe. Floors are the scores measured
  // when they were set; wrong answers may not grow.
  const trustDevFile = fileURLToPath(new URL('../../../shared/eval/trust-dev.jsonl', import.meta.url));
  const trustDev = readQuestionSet(trustDevFile);
  it.skipIf(trustDev === null && !process.env.CI)(
    'keeps its score and its few wrong answers on the shared trust set',
    () => {
      expect(trustDev, `missing ${trustDevFile}`).not.toBeNull();
      const result = score(trustDev ?? [], ask);
      expect(result.overall, result.failures.join('\n')).toBeGreaterThanOrEqual(0.95);
      expect(result.wrong, result.failures.join('\n')).toBeLessThanOrEqual(1);
    },
  );

  it.each([
    // Written from the article alone, scored 65.0% (17 wrong answers) before the trust work.
    ['trust.jsonl', 80, 0.83, 6],
    // The same, held out: never looked at while improving the engine; 56.7% (16 wrong) before.
    ['trust-blind.jsonl', 60, 0.7, 8],
  ])('keeps its score and its wrong answers on the trust set %s', (name, size, floor, wrongMost) => {
    const set = fixture(name);
    expect(set).toHaveLength(size);
    const result = score(set ?? [], ask);
    expect(result.overall, result.failures.join('\n')).toBeGreaterThanOrEqual(floor);
    expect(result.wrong, result.failures.join('\n')).toBeLessThanOrEqual(wrongMost);
  });

  it.each([
    ['holdout.jsonl', 130, 0.85, 0.8],
    ['fresh.jsonl', 100, 0.8, 0.8],
    // Written from the article alone: its author saw neither the knowledge nor the dev set.
    ['blind.jsonl', 120, 0.82, 0.75],
    // The same, by another helper, after the first round of fixes: 81% when written.
    ['blind2.jsonl', 100, 0.85, 0.75],
  ])('keeps its score on the held-out set %s', (name, size, floor, refusalFloor) => {
    const set = fixture(name);
    expect(set).toHaveLength(size);
    const result = score(set ?? [], ask);
    expect(result.overall, result.failures.join('\n')).toBeGreaterThanOrEqual(floor);
    expect(result.refusals).toBeGreaterThanOrEqual(refusalFloor);
  });
});
