import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decodeDictdNumber,
  mergePairs,
  type PairRules,
  pairsOf,
  parseArticle,
  readDictd,
  singleWord,
} from '../../scripts/freedict.js';
import type { Language } from '../../src/core/types.js';

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const encode = (value: number): string =>
  value < 64 ? (DIGITS[value] ?? '') : encode(Math.floor(value / 64)) + (DIGITS[value % 64] ?? '');

/** Writes a dictd dictionary as Debian ships it: a gzip-compatible .dict.dz and its .index. */
function writeDictd(dir: string, articles: Record<string, string>): { index: string; data: string } {
  let offset = 0;
  const index: string[] = [];
  const chunks: Buffer[] = [];
  for (const [headword, text] of Object.entries(articles)) {
    const bytes = Buffer.from(text, 'utf8');
    index.push(`${headword}\t${encode(offset)}\t${encode(bytes.length)}`);
    chunks.push(bytes);
    offset += bytes.length;
  }
  const files = {
    index: path.join(dir, 'freedict-fra-eng.index'),
    data: path.join(dir, 'freedict-fra-eng.dict.dz'),
  };
  writeFileSync(files.index, `${index.join('\n')}\n`);
  writeFileSync(files.data, gzipSync(Buffer.concat(chunks)));
  return files;
}

// A stand-in for the word lists: real words are those the test names.
const REAL = new Set(['maison', 'house', 'home', 'chemin', 'path', 'road', 'route', 'track', 'voie']);
const rules = (cap = 6): PairRules => ({ cap, isWord: (word: string, _side: Language) => REAL.has(word) });

describe('reading a dictd dictionary', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'freedict-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('decodes dictd base-64 numbers, most significant digit first', () => {
    expect(decodeDictdNumber('A')).toBe(0);
    expect(decodeDictdNumber('B')).toBe(1);
    expect(decodeDictdNumber('BA')).toBe(64);
    expect(decodeDictdNumber('8m')).toBe(60 * 64 + 38);
    expect(() => decodeDictdNumber('B-')).toThrow('"B-" is not a dictd base-64 number');
  });

  it('reads each article at its offset, and the description apart', () => {
    const files = writeDictd(dir, {
      '00databaseshort': 'French-English test dictionary ver. 1\n',
      '00databaseinfo': 'About it\n',
      maison: 'maison /mɛzɔ̃/ <n, fem>\nhouse\n',
      chemin: 'chemin /ʃəmɛ̃/ <n, masc>\npath, road\n',
    });
    expect(readDictd(files.index, files.data)).toEqual({
      short: 'French-English test dictionary ver. 1',
      entries: [
        { headword: 'maison', text: 'maison /mɛzɔ̃/ <n, fem>\nhouse\n' },
        { headword: 'chemin', text: 'chemin /ʃəmɛ̃/ <n, masc>\npath, road\n' },
      ],
    });
  });

  it('names the index line that points past the data', () => {
    const files = writeDictd(dir, { maison: 'maison\nhouse\n' });
    writeFileSync(files.index, 'maison\tA\tBA\n');
    expect(() => readDictd(files.index, files.data)).toThrow(
      `${files.index}: line 1: "maison" ends past the end`,
    );
  });
});

describe('an article', () => {
  it('gives its headword, grammar label and senses in order, notes left out', () => {
    expect(parseArticle('prix /pʀi/ <n, masc>\n1. premium, prize\n2. price\n')).toEqual({
      headword: 'prix',
      grammar: 'n, masc',
      senses: [['premium', 'prize'], ['price']],
    });
    expect(
      parseArticle('houe <n>\n1. (garden) hoe, ash (tree)\n2.  [cul] whisk; repasser]\n').senses,
    ).toEqual([
      ['hoe', 'ash'],
      ['whisk', 'repasser'],
    ]);
    expect(parseArticle('and also\net aussi\n')).toEqual({
      headword: 'and also',
      grammar: null,
      senses: [['et aussi']],
    });
  });
});

describe('a single word', () => {
  it('keeps one word of letters, its case, without "to" or the reflexive pronoun', () => {
    expect(singleWord('to invest', 'en')).toBe('invest');
    expect(singleWord('se baigner', 'fr')).toBe('baigner');
    expect(singleWord("s'élancer", 'fr')).toBe('élancer');
    expect(singleWord('Japanese', 'en')).toBe('Japanese');
  });

  it('refuses phrases, abbreviations, digits, signs and single letters', () => {
    for (const term of ['give up', 'ONU', 'TV', '10^9', 'water‐', "d'eau", 'week-end', 'x']) {
      expect(singleWord(term, 'fr'), term).toBeNull();
    }
  });
});

describe('the pairs of a dictionary', () => {
  const article = (text: string) => parseArticle(text);

  it('pairs a French headword with its translations, French first', () => {
    const { lines } = pairsOf([article('chemin <n, masc>\npath, road, route, track\n')], 'fr', rules());
    expect(lines).toEqual(['chemin\tpath', 'chemin\troad', 'chemin\troute', 'chemin\ttrack']);
  });

  it('pairs an English headword with its translations, still French first', () => {
    const { lines } = pairsOf([article('road /roud/\n1. chemin\n2. route, voie\n')], 'en', rules());
    expect(lines).toEqual(['chemin\troad', 'route\troad', 'voie\troad']);
  });

  it('keeps the first translations of a headword, over all its articles, up to the cap', () => {
    const articles = [article('maison <n>\n1. house\n2. home\n'), article('maison <adj>\nhouse, path\n')];
    const { lines, dropped } = pairsOf(articles, 'fr', rules(2));
    expect(lines).toEqual(['maison\thouse', 'maison\thome']);
    expect(dropped['over the cap']).toBe(1);
  });

  it('leaves out names, function words, words bridged to themselves and unknown words, counting why', () => {
    const articles = [
      article('Maison <n>\nHouse\n'), // a French capital: a name
      article('le <art>\nthe\n'), // a function word by its grammar label
      article('chemin <n>\npath, the, Route, chemin, give way, patth\n'),
      article('route <n>\nroute\n'),
    ];
    const { lines, dropped } = pairsOf(articles, 'fr', rules());
    expect(lines).toEqual(['chemin\tpath', 'chemin\troute']);
    expect(dropped).toEqual({
      'not a word': 1,
      'unknown word': 1,
      name: 1,
      'function word': 2,
      'same word': 2,
      'over the cap': 0,
    });
  });

  it('takes a capitalised English word the word lists lack, but no capitalised French one', () => {
    const english = pairsOf([article('japonais <adj>\nJapanese\n')], 'fr', {
      cap: 6,
      isWord: (_word, side) => side === 'fr',
    });
    expect(english.lines).toEqual(['japonais\tjapanese']);
    const french = pairsOf([article('Japan\nJapon\n')], 'en', { cap: 6, isWord: () => true });
    expect(french.lines).toEqual([]);
    expect(french.dropped.name).toBe(1);
  });

  it('merges both directions, sorted by the French word, each pair once', () => {
    const fr = pairsOf([article('route <n>\nroad, track\n')], 'fr', rules());
    const en = pairsOf([article('road\nchemin, route\n')], 'en', rules());
    expect(mergePairs(fr, en)).toEqual(['chemin\troad', 'route\troad', 'route\ttrack']);
  });
});
