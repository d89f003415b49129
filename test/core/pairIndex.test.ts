import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterPairs, PairIndex } from '../../src/core/pairIndex.js';

/** The letter pairs as two-letter strings, ends marked with "^" and "$" when padded. */
function stringPairs(text: string, padded: boolean): string[] {
  const marked = padded ? `^${text}$` : text;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < marked.length; i++) pairs.add(marked.slice(i, i + 2));
  return [...pairs];
}

const texts = fc.array(
  fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '^', '$', ' '), maxLength: 8 }),
  {
    maxLength: 30,
  },
);

describe('PairIndex', () => {
  it('counts, for each text, the distinct letter pairs it shares with a pattern, as comparing strings does', () => {
    fc.assert(
      fc.property(
        texts,
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), maxLength: 8 }),
        fc.boolean(),
        (all, pattern, padded) => {
          const index = new PairIndex(all, padded);
          const wanted = stringPairs(pattern, padded);
          const { pairs, counts } = index.shared(pattern);
          expect(pairs).toBe(wanted.length);
          const expected = new Map<number, number>();
          for (const pair of wanted)
            all.forEach((text, id) => {
              if (stringPairs(text, padded).includes(pair)) expected.set(id, (expected.get(id) ?? 0) + 1);
            });
          // The same texts, counted the same, in the same order (the typo search reads them in order).
          expect([...counts]).toEqual([...expected]);
        },
      ),
    );
  });

  it('marks the two ends of a padded text, and finds no pair in one letter', () => {
    expect(letterPairs('abab', true).size).toBe(4);
    expect(letterPairs('', true).size).toBe(1);
    expect(letterPairs('a', false).size).toBe(0);
  });
});
