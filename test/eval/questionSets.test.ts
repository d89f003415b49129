import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/bootstrap.js';
import { readQuestionSet, score } from './questionSet.js';

const engine = loadEngine();
const ask = (question: string) => engine.ask(question);

const devFile = fileURLToPath(new URL('../../../shared/eval/dev.jsonl', import.meta.url));
const dev = readQuestionSet(devFile);
const holdout = readQuestionSet(fileURLToPath(new URL('../fixtures/holdout.jsonl', import.meta.url)));

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

  // Questions written apart from the knowledge and from the dev set: a guard against tuning to one set.
  it('keeps its score on the held-out set', () => {
    expect(holdout?.length).toBeGreaterThan(100);
    const result = score(holdout ?? [], ask);
    expect(result.overall, result.failures.join('\n')).toBeGreaterThanOrEqual(HOLDOUT_FLOOR);
    expect(result.refusals).toBeGreaterThanOrEqual(HOLDOUT_FLOOR);
  });
});

/** Measured at the time of writing, less a little room: lower it only with a reason. */
const HOLDOUT_FLOOR = 0.8;
