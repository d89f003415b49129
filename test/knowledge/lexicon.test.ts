import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(new WordList(packWords(['zèbre', 'arbre', 'arbre'])).list()).toEqual(['arbre', 'zebre']);
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

  it('writes each word as the letters it shares with the one before, then the rest, in blocks of 32', () => {
    expect(packWords(['arbres', 'arbre', 'arc', 'b'])).toBe('\0arbre\u0006s\u0003c\u0001b');
    const words = Array.from({ length: 70 }, (_, i) => `mot${String(i).padStart(2, '0')}`);
    const packed = packWords(words);
    // Three blocks: 32, 32 and 6 words, each opened by a word written whole.
    expect(
      packed
        .split('\0')
        .slice(1)
        .map((block) => block.slice(0, 5)),
    ).toEqual(['mot00', 'mot32', 'mot64']);
    const list = new WordList(packed);
    expect(list.list()).toEqual(words);
    for (const word of words) expect(list.has(word)).toBe(true);
    for (const word of ['mot', 'mot0', 'mot000', 'mot70', 'mot315', 'mos99', 'mou', 'a', 'zz']) {
      expect(list.has(word)).toBe(false);
    }
  });

  it('finds a word after one sharing more letters than the packing writes down', () => {
    const long = 'a'.repeat(40);
    const words = [`${long}b`, `${long}c`, `${long}cd`, `${long}e`, 'b'];
    const list = WordList.of(words);
    expect(list.list()).toEqual(words);
    for (const word of words) expect(list.has(word)).toBe(true);
    for (const word of [long, `${long}d`, `${long}cc`, `${long}f`, 'a'.repeat(31)])
      expect(list.has(word)).toBe(false);
  });

  it('refuses a word holding a character that marks where words start', () => {
    expect(() => packWords(['ok', 'mau\u0001vais'])).toThrow(/mau.u0001vais/);
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
      const words = new WordList(text).list();
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

  it('refuses a list written another way (one word a line, by an older build), naming the file', () => {
    const oldDir = mkdtempSync(path.join(tmpdir(), 'old-lexicon-'));
    try {
      for (const language of ['en', 'fr'])
        writeFileSync(path.join(oldDir, `${language}.txt`), 'arbre\nzebre', 'latin1');
      expect(() => readLexicon(oldDir)).toThrow(`${path.join(oldDir, 'en.txt')}: not a packed word list`);
    } finally {
      rmSync(oldDir, { recursive: true, force: true });
    }
  });
});
