import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SubstringIndex } from '../../src/core/substringIndex.js';

const word = (maxLength: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'n', 'é', '2'), maxLength });

describe('SubstringIndex', () => {
  it('returns the words that hold a piece, as testing every word does, in ascending order', () => {
    fc.assert(
      fc.property(fc.array(word(9), { maxLength: 60 }), word(5), (words, piece) => {
        const expected = words.flatMap((candidate, id) => (candidate.includes(piece) ? [id] : []));
        expect(new SubstringIndex(words).containing(piece)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns the words a typed word is inside, and nothing when one of its runs is in no word', () => {
    const index = new SubstringIndex(['investissement', 'vestiaire', 'vent', 'invest']);
    expect(index.containing('vest')).toEqual([0, 1, 3]);
    expect(index.containing('vesx')).toEqual([]);
    expect(index.containing('ve')).toEqual([0, 1, 2, 3]);
  });
});
