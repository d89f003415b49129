import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitUserText, LIMITS } from '../../src/discord/render.js';
import { checkQuestion, createQuestionContext, questionCase } from '../properties/questionProperty.js';
import { engine } from './harness.js';

const context = createQuestionContext(engine());
/** The floor the hardening issue sets; `npm run fuzz` runs the same property ten times as often. */
const RUNS = 10_000;

describe('a Discord surface, on any question', () => {
  it(`answers or refuses ${RUNS} generated questions within Discord's limits, pinging nobody, quoting verbatim`, () => {
    let checked = 0;
    fc.assert(
      fc.property(questionCase(context.knowledge), (input) => {
        checkQuestion(input, context);
        checked += 1;
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBe(RUNS);
  });
});

describe('the Discord renderer', () => {
  it('gives up a lone mark whose escape does not fit, rather than leave half of it', () => {
    // Found by the property below (seed 814309002): "\\[" is two characters for a budget of one.
    expect(fitUserText('[', 1)).toBe('');
    expect(fitUserText('[', 2)).toBe('\\[');
  });

  it('fits escaped user text in any budget without a dangling escape or half an emoji', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.integer({ min: 1, max: LIMITS.title }),
        (text, max) => {
          const fitted = fitUserText(text, max);
          expect(fitted.length).toBeLessThanOrEqual(max);
          expect(fitted).not.toMatch(/[\uD800-\uDBFF]$/);
          expect(fitted).not.toMatch(/(^|[^\\])\\…$/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
