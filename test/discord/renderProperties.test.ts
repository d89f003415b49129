import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQuestionIndex } from '../../src/core/questionIndex.js';
import { SURFACES } from '../../src/discord/customIds.js';
import { fitUserText, LIMITS, renderAnswer, unescapeMarkdown } from '../../src/discord/render.js';
import { engine } from './harness.js';
import { assertWithinLimits } from './limits.js';

const knowledge = engine().knowledge;
const context = { knowledge, questions: createQuestionIndex(knowledge) };
const article = knowledge.sources.map((source) => source.text).join('\n');

// Long, hostile text: markdown, Discord mentions and timestamps, RTL and zero-width characters,
// emoji, and words of the article so that some of it is answered.
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    '**gras**',
    '# titre',
    '- liste',
    '1. un',
    '[lien](https://example.com)',
    '```js\ncode\n```',
    '@everyone',
    '@here',
    '<@123456789012345678>',
    '<@&123456789012345678>',
    '<t:1700000000:R>',
    '<:emoji:123456789012345678>',
    '\u202e',
    '\u200b',
    '\\',
    '😀👩‍👩‍👧',
    'Microsoft',
    'Kishida',
    'combien',
    'investir',
    'Japon',
  ),
);
const longQuestion = fc.array(piece, { maxLength: 120 }).map((pieces) => pieces.join(' ').slice(0, 4000));

describe('the Discord renderer, on any question', () => {
  it('stays within Discord’s limits, pings nobody and quotes the article verbatim', () => {
    fc.assert(
      fc.property(
        longQuestion,
        fc.constantFrom(...SURFACES),
        fc.boolean(),
        (question, surface, ephemeral) => {
          const answer = engine().ask(question, { maxSuggestions: 5 });
          const payload = renderAnswer(answer, { surface, ephemeral }, context);
          assertWithinLimits(payload);
          expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
          if (answer.answered) {
            // Each field shows its citation's quote, which is verbatim in the article.
            const fields = payload.embeds[0]?.fields ?? [];
            expect(fields.length).toBeGreaterThan(0);
            answer.citations.slice(0, fields.length).forEach((citation, i) => {
              expect(article).toContain(citation.quote);
              expect(unescapeMarkdown(fields[i]?.value ?? '')).toBe(`> ${citation.quote}`);
            });
          }
        },
      ),
      { numRuns: 400 },
    );
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
