import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/bootstrap.js';
import { readQuestionSet, score } from './questionSet.js';
import { DEV_SET_FILE, skipWithout } from './shared.js';

const engine = loadEngine();
const ask = (question: string) => engine.ask(question);
const fixture = (name: string) =>
  readQuestionSet(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));

const dev = readQuestionSet(DEV_SET_FILE);

describe('quality on question sets', () => {
  // The shared dev set sits beside the repository (as in CI, where it must be there).
  it('scores at least 95% overall and 90% of refusals on the dev set', (context) => {
    skipWithout(
      context,
      dev !== null || Boolean(process.env.CI),
      `the dev set is not at ${DEV_SET_FILE}; the held-out sets still run`,
    );
    expect(dev, `missing ${DEV_SET_FILE}`).not.toBeNull();
    const result = score(dev ?? [], ask);
    expect(result.overall, result.failures.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(result.refusals).toBeGreaterThanOrEqual(0.9);
  });

  // Built to tempt a bluff (swapped roles, false premises, what the article does not say,
  // lists): a wrong answer there is one a member would believe. Floors are the scores measured
  // when they were set; wrong answers may not grow.
  const trustDevFile = path.join(path.dirname(DEV_SET_FILE), 'trust-dev.jsonl');
  const trustDev = readQuestionSet(trustDevFile);
  it('keeps its score and its wrong answers on the shared trust set', (context) => {
    skipWithout(
      context,
      trustDev !== null || Boolean(process.env.CI),
      `the trust set is not at ${trustDevFile}`,
    );
    expect(trustDev, `missing ${trustDevFile}`).not.toBeNull();
    const result = score(trustDev ?? [], ask);
    expect(result.overall, result.failures.join('\n')).toBe(1);
    expect(result.wrong, result.failures.join('\n')).toBe(0);
  });

  it.each([
    // Written from the article alone, scored 65.0% (17 wrong answers) before the trust work.
    ['trust.jsonl', 80, 0.91, 1],
    // The same, by another helper after the first round: 73.3% (8 wrong) when written.
    ['trust-c.jsonl', 60, 0.85, 7],
    // The same, held out: used to measure, not to improve (five of its failures were read once,
    // in the first round); 56.7% (16 wrong) before the trust work.
    ['trust-blind.jsonl', 60, 0.8, 4],
    // The same, held out since it was written: 71.7% (6 wrong) then.
    ['trust-blind2.jsonl', 60, 0.71, 6],
  ])('keeps its score and its wrong answers on the trust set %s', (name, size, floor, wrongMost) => {
    const set = fixture(name);
    expect(set).toHaveLength(size);
    const result = score(set ?? [], ask);
    expect(result.overall, result.failures.join('\n')).toBeGreaterThanOrEqual(floor);
    expect(result.wrong, result.failures.join('\n')).toBeLessThanOrEqual(wrongMost);
  });

  // Sets written apart from the knowledge and from the dev set, a guard against tuning to one
  // set. Floors are the scores measured when they were set, less some room: lower one only
  // with a reason.
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
