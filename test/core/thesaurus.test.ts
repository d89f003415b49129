import { describe, expect, it } from 'vitest';
import { stemKeys } from '../../src/core/analyse.js';
import { StemThesaurus, thesaurusLines } from '../../src/core/thesaurus.js';

const built = (en: Array<[string, string]>, fr: Array<[string, string]> = []) =>
  new StemThesaurus({
    en: `# comment\n${thesaurusLines(en, 'en').join('\n')}\n`,
    fr: thesaurusLines(fr, 'fr').join('\n'),
  });

describe('StemThesaurus', () => {
  it('gives a word, in any of its forms, the stems of the words that may stand for it', () => {
    const thesaurus = built([
      ['blaze', 'fire'],
      ['blaze', 'flame'],
      ['house', 'home'],
    ]);
    const fire = stemKeys('fire', undefined, 'en');
    expect(thesaurus.keysOf('blazes', 'en')).toEqual([...fire, ...stemKeys('flame', undefined, 'en')]);
    expect(thesaurus.keysOf('houses', 'en')).toEqual(stemKeys('home', undefined, 'en'));
    // One way only, as the pairs are given; and no word of the other language.
    expect(thesaurus.keysOf('fire', 'en')).toEqual([]);
    expect(thesaurus.keysOf('blaze', 'fr')).toEqual([]);
  });

  it('reads French words by their accented stems, and leaves a word’s own stem out of its synonyms', () => {
    const thesaurus = built(
      [],
      [
        ['facture', 'note'],
        ['rénover', 'rénovation'],
        ['rénover', 'moderniser'],
      ],
    );
    expect(thesaurus.keysOf('factures', 'fr')).toEqual(stemKeys('note', undefined, 'fr'));
    expect(thesaurus.keysOf('renove', 'fr')).toEqual(stemKeys('moderniser', 'moderniser', 'fr'));
  });

  it('keeps the first synonyms of a word, up to a bound', () => {
    const many = Array.from(
      { length: 20 },
      (_, i) => ['word', `synonym${'abcdefghijklmnopqrst'[i]}`] as [string, string],
    );
    expect(built(many).keysOf('word', 'en')).toHaveLength(8);
  });

  it('names the language and line of a text not in the built form', () => {
    expect(() => new StemThesaurus({ en: 'b\tc\na\tc\n', fr: '' })).toThrow(
      /\(en\), line 2: "a\\tc" is not after "b"/,
    );
    expect(() => new StemThesaurus({ en: '', fr: '# x\nnotab\n' })).toThrow(
      /\(fr\), line 2: "notab" is not "stem<TAB>stems"/,
    );
  });
});
