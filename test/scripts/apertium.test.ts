import { describe, expect, it } from 'vitest';
import {
  ANY_POS,
  type Attested,
  attest,
  compose,
  dictionaryTranslations,
  expandSection,
  lemmaOf,
  type PivotRules,
  parseAtt,
  reversed,
  selectPairs,
  translationsOf,
  unionOf,
} from '../../scripts/apertium.js';
import { isFunctionGrammar, parseArticle, singleWord } from '../../scripts/freedict.js';

/** lt-print's text for a transducer spelling each entry symbol by symbol, ε where a side is shorter. */
function att(entries: ReadonlyArray<readonly [string[], string[]]>, more = ''): string {
  const lines: string[] = [];
  let next = 1;
  for (const [input, output] of entries) {
    let from = 0;
    for (let i = 0; i < Math.max(input.length, output.length); i++) {
      lines.push(`${from}\t${next}\t${input[i] ?? 'ε'}\t${output[i] ?? 'ε'}\t0.000000\t`);
      from = next++;
    }
    lines.push(`${from}\t0.000000`);
  }
  return `${lines.join('\n')}\n${more}`;
}
const spell = (word: string, ...tags: string[]) => [...word, ...tags.map((tag) => `<${tag}>`)];

describe('reading lt-print text', () => {
  it('expands each entry of letters and tags, ε written as nothing', () => {
    const text = att([
      [spell('usine', 'n', 'f'), spell('fábrica', 'n', 'f')],
      [spell('ouvrir', 'vblex'), spell('abrir', 'vblex')],
    ]);
    const [section] = parseAtt(text);
    expect(section === undefined ? [] : expandSection(section)).toEqual([
      ['usine<n><f>', 'fábrica<n><f>'],
      ['ouvrir<vblex>', 'abrir<vblex>'],
    ]);
  });

  it('reads each section apart, and leaves phrases, names and loops', () => {
    const text = att(
      [
        [spell('chemin de fer', 'n'), spell('ferrocarril', 'n')],
        [spell('Paris', 'np'), spell('París', 'np')],
        [spell('gare', 'n'), spell('estación', 'n')],
      ],
      // A second section: a pattern looping on "a" (state 1 to itself), as lt-print prints them.
      '--\n0\t1\ta\ta\t0.000000\t\n1\t1\ta\ta\t0.000000\t\n1\t2\t<n>\t<n>\t0.000000\t\n2\t0.000000\n',
    );
    const sections = parseAtt(text);
    expect(sections).toHaveLength(2);
    expect(sections.flatMap(expandSection)).toEqual([
      ['gare<n>', 'estación<n>'],
      ['a<n>', 'a<n>'],
    ]);
  });

  it('names a line that is neither an arc nor a final state', () => {
    expect(() => parseAtt('0\t1\ta\n')).toThrow('line 1: not an lt-print arc nor final state');
  });

  it('reads a side as its lemma and first tag', () => {
    expect(lemmaOf('usine<n><f>')).toEqual({ lemma: 'usine', pos: 'n' });
    expect(lemmaOf('usine')).toBeNull();
    expect(lemmaOf('<n>')).toBeNull();
  });
});

describe('composing through a pivot', () => {
  const frEs = translationsOf([
    ['usine<n><f>', 'fábrica<n><f>'],
    ['chantier<n><m>', 'obra<n><f>'],
    ['ouvrir<vblex>', 'abrir<vblex>'],
    // Different parts of speech, a phrase, a name and a function word's tag are left.
    ['ouvert<adj>', 'abrir<vblex>'],
    ['Thiers<np>', 'Thiers<np>'],
    ['de<pr>', 'de<pr>'],
  ]);
  const esEn = translationsOf([
    ['fábrica<n>', 'factory<n>'],
    ['fábrica<n>', 'plant<n>'],
    ['obra<n>', 'work<n>'],
    ['abrir<vblex>', 'open<vblex>'],
  ]);

  it('keeps single lower-case content words with the same part of speech on both sides', () => {
    expect([...frEs.keys()]).toEqual(['usine<n>', 'chantier<n>', 'ouvrir<vblex>']);
  });

  it('reaches English through the pivot word, the part of speech kept', () => {
    const pairs = compose(frEs, esEn);
    expect([...pairs.keys()]).toEqual(['usine\tfactory', 'usine\tplant', 'chantier\twork', 'ouvrir\topen']);
    expect([...(pairs.get('usine\tplant') ?? [])]).toEqual(['fábrica']);
    // A verb does not reach a noun spelled the same.
    const nouns = translationsOf([['abrir<n>', 'opening<n>']]);
    expect([...compose(frEs, nouns).keys()]).toEqual([]);
  });

  it('reads a dictionary backwards and merges two', () => {
    const enEs = translationsOf([['plant<n>', 'planta<n>']]);
    const back = reversed(enEs);
    expect([...back]).toEqual([['planta<n>', new Set(['plant'])]]);
    expect([...unionOf(esEn, back).keys()]).toEqual(['fábrica<n>', 'obra<n>', 'abrir<vblex>', 'planta<n>']);
  });

  it('names the pivots that reach each pair, most first', () => {
    const spa = new Map([
      ['usine\tplant', new Set(['fábrica'])],
      ['usine\tfactory', new Set(['fábrica'])],
    ]);
    const cat = new Map([['usine\tfactory', new Set(['fàbrica'])]]);
    expect(attest({ spa, cat })).toEqual([
      { fr: 'usine', en: 'factory', pivots: ['cat', 'spa'] },
      { fr: 'usine', en: 'plant', pivots: ['spa'] },
    ]);
  });
});

describe('composing through a FreeDict dictionary', () => {
  const read = (...texts: string[]) =>
    dictionaryTranslations(
      texts.map((text) => parseArticle(text)),
      (term) => singleWord(term, 'pivot'),
      isFunctionGrammar,
    );

  it('reads single lower-case words of any part of speech, names, phrases and function words left', () => {
    const frNl = read(
      'voyageur /vwajaʒœr/\nreiziger',
      'trajet /traʒɛ/\n1. tocht, reis\n2. weg van A',
      'Paris\nParijs',
      'avec <prep>\nmet',
    );
    expect([...frNl]).toEqual([
      [`voyageur<${ANY_POS}>`, new Set(['reiziger'])],
      [`trajet<${ANY_POS}>`, new Set(['tocht', 'reis'])],
    ]);
  });

  it('reaches English through the pivot word, and backwards', () => {
    const frNl = read('trajet\ntocht');
    const enNl = read('trip\ntocht', 'journey\nreis, tocht');
    expect([...compose(frNl, reversed(enNl))]).toEqual([
      ['trajet\ttrip', new Set(['tocht'])],
      ['trajet\tjourney', new Set(['tocht'])],
    ]);
  });
});

describe('choosing the pairs to add', () => {
  const REAL = new Set(['usine', 'plant', 'factory', 'mill', 'works', 'train', 'trajet', 'trip', 'rare']);
  const rules = (cap = 6, minPivots = 2): PivotRules => ({
    minPivots,
    cap,
    isWord: (word) => REAL.has(word),
    isFunctionWord: (word) => word === 'dans' || word === 'the',
  });
  const both = ['cat', 'spa'];
  const attested: Attested[] = [
    { fr: 'usine', en: 'factory', pivots: both },
    { fr: 'usine', en: 'plant', pivots: both },
    { fr: 'usine', en: 'works', pivots: both },
    { fr: 'trajet', en: 'trip', pivots: ['epo'] },
    { fr: 'train', en: 'train', pivots: both },
    { fr: 'dans', en: 'the', pivots: both },
    { fr: 'usine', en: 'rarely', pivots: both },
  ];

  it('adds the pairs two pivots agree on that the list lacks, and counts why the others are left', () => {
    const { lines, dropped } = selectPairs(attested, [['usine', 'factory']], rules());
    expect(lines).toEqual(['usine\tplant', 'usine\tworks']);
    expect(dropped).toEqual({
      'one pivot': 1,
      'function word': 1,
      'unknown word': 1,
      'same word': 1,
      known: 1,
      'over the cap': 0,
    });
  });

  it('takes a pair one pivot gives when told to', () => {
    expect(selectPairs(attested, [], rules(6, 1)).lines).toContain('trajet\ttrip');
  });

  it("counts the list's translations first against the cap, on both sides", () => {
    const existing = [
      ['usine', 'factory'],
      ['usine', 'mill'],
    ] as const;
    expect(selectPairs(attested, existing, rules(3)).lines).toEqual(['usine\tplant']);
    const plants = [
      ['fabrique', 'plant'],
      ['centrale', 'plant'],
    ] as const;
    expect(selectPairs(attested, plants, rules(2)).lines).toEqual(['usine\tfactory', 'usine\tworks']);
  });
});
