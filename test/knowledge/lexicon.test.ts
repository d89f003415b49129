import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BilingualLexicon,
  packWords,
  readLexicon,
  WordList,
  writePackedLexicon,
} from '../../src/knowledge/lexicon.js';

describe('WordList', () => {
  it('keeps folded, sorted, unique words and finds each by bisection', () => {
    const list = WordList.of(['zèbre', 'arbre', 'Été', 'arbre', 'hors-jeu', 'zebre']);
    expect(packWords(['zèbre', 'arbre', 'arbre'])).toBe('arbre\nzebre');
    expect(list.size).toBe(4);
    for (const word of ['arbre', 'ete', 'hors-jeu', 'zebre']) expect(list.has(word)).toBe(true);
    for (const word of ['', 'arb', 'arbres', 'zèbre', 'hors', 'zz', 'a']) expect(list.has(word)).toBe(false);
  });

  it('reads back exactly what was packed, an empty list included', () => {
    expect(new WordList('').size).toBe(0);
    expect(new WordList('').has('a')).toBe(false);
    const packed = packWords(['b', 'a', 'c']);
    expect(new WordList(packed).size).toBe(3);
    expect(new WordList(packed).has('c')).toBe(true);
  });
});

describe('BilingualLexicon', () => {
  it('answers a word asked again, in either language and after many others, as its lists do', () => {
    const fr = WordList.of(['chat', 'pain', 'mot']);
    const en = WordList.of(['cat', 'pain', 'word']);
    const lexicon = new BilingualLexicon({ fr, en });
    const words = ['chat', 'cat', 'pain', 'mot', 'word', 'chien', 'dog'];
    const expected = (word: string) => ({
      fr: fr.has(word),
      en: en.has(word),
      any: fr.has(word) || en.has(word),
    });
    const asked = (word: string) => ({
      fr: lexicon.has(word, 'fr'),
      en: lexicon.has(word, 'en'),
      any: lexicon.has(word),
    });
    for (const word of words) expect(lexicon.has(word, 'en')).toBe(en.has(word));
    for (const word of words) expect(asked(word)).toEqual(expected(word));
    // Past the bound of remembered words, old ones are still answered right.
    for (let i = 0; i < 50_000; i++) lexicon.has(`mot${i}`, i % 2 === 0 ? 'fr' : 'en');
    for (const word of words) expect(asked(word)).toEqual(expected(word));
  });
});

describe('the packed word lists the build writes', () => {
  const packedDir = mkdtempSync(path.join(tmpdir(), 'lexicon-'));
  const emptyDir = mkdtempSync(path.join(tmpdir(), 'no-lexicon-'));
  afterAll(() => {
    rmSync(packedDir, { recursive: true, force: true });
    rmSync(emptyDir, { recursive: true, force: true });
  });

  it('tell real words from typos exactly as the lists read from their packages do', () => {
    writePackedLexicon(packedDir);
    const fromPackages = readLexicon(emptyDir);
    const fromPacked = readLexicon(packedDir);
    expect(fromPacked.size).toBe(fromPackages.size);
    expect(fromPacked.size).toBeGreaterThan(570_000);
    for (const language of ['en', 'fr'] as const) {
      const text = readFileSync(path.join(packedDir, `${language}.txt`), 'latin1');
      const words = text.split('\n');
      expect(packWords(words)).toBe(text); // sorted, unique, folded
      const sample = words.filter((_, i) => i % 101 === 0);
      for (const word of sample) {
        expect(fromPacked.has(word, language)).toBe(true);
        expect(fromPackages.has(word, language)).toBe(true);
        // A typo of it: both lists must say the same, whatever that is.
        const typo = `${word}q`;
        expect(fromPacked.has(typo, language)).toBe(fromPackages.has(typo, language));
      }
    }
    expect(fromPacked.has('investissement', 'fr')).toBe(true);
    expect(fromPacked.has('investisement', 'fr')).toBe(false);
    expect(fromPacked.has('donnees', 'fr')).toBe(true);
  });
});
