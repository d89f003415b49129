import englishWords from 'an-array-of-english-words';
import frenchWords from 'an-array-of-french-words';
import snowball from 'snowball-stemmers';
import { describe, expect, it } from 'vitest';
import { STEMMERS } from '../../src/core/stemmers.js';
import { foldText } from '../../src/core/text.js';

/** Every `step`-th word of a list, as written (lower-cased) and folded, as the engine stems them. */
function sample(words: readonly string[], step: number): string[] {
  return words.filter((_, i) => i % step === 0).flatMap((word) => [word.toLowerCase(), foldText(word)]);
}

describe('the stemmers give the stems snowball-stemmers gave, so that no key of the index changes', () => {
  it('in French, for words of the word list, with and without accents and with a diaeresis', () => {
    const older = snowball.newStemmer('french');
    const words = [
      ...sample(frenchWords, 29),
      'archaïque',
      'aiguës',
      'noël',
      'naïveté',
      'œuvre',
      'état-major',
      '',
      'x'.repeat(60),
    ];
    const different = words.filter((word) => STEMMERS.fr(word) !== older.stem(word));
    expect(words.length).toBeGreaterThan(20_000);
    expect(different).toEqual([]);
  });

  it('in English, for words of the word list and odd ones', () => {
    const older = snowball.newStemmer('english');
    const words = [...sample(englishWords, 13), 'news', 'yes', 'naïve', 'café', "don't", '', 'x'.repeat(60)];
    const different = words.filter((word) => STEMMERS.en(word) !== older.stem(word));
    expect(words.length).toBeGreaterThan(20_000);
    expect(different).toEqual([]);
  });
});
