import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/bootstrap.js';
import { tokenise } from '../../src/core/text.js';

const engine = loadEngine();
const article = engine.knowledge.sources[0]?.text ?? '';
const articleWords = tokenise(article).map((token) => token.raw);

// Questions nobody thought of: any Unicode, words of the article shuffled with noise, Discord syntax.
const question = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...articleWords),
        fc.constantFrom(
          '?',
          '!',
          '@everyone',
          '<@123>',
          '<#1>',
          '**',
          '`',
          '\u200b',
          '\u202e',
          '😀',
          'combien',
          'how much',
        ),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 40 },
    )
    .map((words) => words.join(' ')),
);

describe('the engine, on any input', () => {
  it('returns a well-formed Answer whose quotes are verbatim from the article', () => {
    fc.assert(
      fc.property(
        question,
        fc.constantFrom('fr', 'en') as fc.Arbitrary<'fr' | 'en'>,
        (text, fallbackLanguage) => {
          const answer = engine.ask(text, { fallbackLanguage });
          expect(answer.question).toBe(text);
          expect(['fr', 'en']).toContain(answer.language);
          expect(answer.confidence).toBeGreaterThanOrEqual(0);
          expect(answer.confidence).toBeLessThanOrEqual(1);
          expect(answer.text.length).toBeGreaterThan(0);
          expect(answer.suggestions.length).toBeLessThanOrEqual(5);
          if (answer.answered) {
            expect(answer.reason).toBeNull();
            expect(answer.citations.length).toBeGreaterThan(0);
            for (const citation of answer.citations) expect(article).toContain(citation.quote);
          } else {
            expect(answer.reason).not.toBeNull();
            expect(answer.citations).toEqual([]);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives the same answer to the same question (no hidden state)', () => {
    fc.assert(
      fc.property(question, (text) => {
        expect(engine.ask(text)).toEqual(engine.ask(text));
      }),
      { numRuns: 300 },
    );
  });
});
