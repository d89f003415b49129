import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stemKeys } from '../../src/core/analyse.js';
import { WordBridge } from '../../src/core/bridge.js';
import { foldText, STOPWORDS } from '../../src/core/text.js';
import {
  BRIDGE_FILE,
  COMMON_FILE,
  loadBridgePairs,
  loadCheckedPairs,
  PIVOT_FILE,
  parseBridgePairs,
  readBridgePairs,
} from '../../src/knowledge/bridge.js';
import { loadLexicon } from '../../src/knowledge/lexicon.js';

describe('the bridge word list', () => {
  const pairs = loadBridgePairs();
  const translations = (side: 0 | 1, word: string) =>
    pairs.filter((pair) => pair[side] === word).map((pair) => pair[1 - side]);

  it('is read once', () => {
    expect(loadBridgePairs()).toBe(pairs);
  });

  it('holds thousands of pairs', () => {
    // 11,037 pairs when built from FreeDict fra-eng 0.4.1 and eng-fra 0.1.6 (11,031 once the six of "si" went).
    expect(pairs.length).toBeGreaterThan(8000);
  });

  it('translates common words both ways', () => {
    expect(translations(0, 'maison')).toContain('house');
    expect(translations(0, 'prix')).toContain('price');
    expect(translations(0, 'chemin')).toEqual(expect.arrayContaining(['path', 'road']));
    expect(translations(0, 'ville')).toEqual(expect.arrayContaining(['city', 'town']));
    expect(translations(0, 'investir')).toContain('invest');
    expect(translations(1, 'water')).toContain('eau');
    expect(translations(1, 'cloud')).toContain('nuage');
    expect(translations(1, 'country')).toContain('pays');
    expect(translations(1, 'government')).toContain('gouvernement');
    expect(translations(1, 'japanese')).toContain('japonais');
  });

  it('keeps the French accents', () => {
    expect(translations(1, 'week')).toContain('semaine');
    expect(translations(1, 'research')).toContain('recherche');
    expect(translations(1, 'december')).toContain('décembre');
  });

  it('holds one lower-case word a side, no digit, no space, sorted and each pair once, in each file', () => {
    const linesOf = (file: string) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('#'));
    const freedict = linesOf(BRIDGE_FILE);
    const pivot = linesOf(PIVOT_FILE);
    const common = linesOf(COMMON_FILE);
    expect(freedict.length + pivot.length + common.length).toBe(pairs.length);
    for (const lines of [freedict, pivot, common]) {
      expect(lines.filter((line) => !/^\p{Ll}{2,}\t\p{Ll}{2,}$/u.test(line))).toEqual([]);
      expect(lines).toEqual([...new Set(lines)].sort());
    }
    // The pivot list and the common words add pairs: none a list before them already gives.
    expect(pivot.filter((line) => freedict.includes(line))).toEqual([]);
    expect(common.filter((line) => freedict.includes(line) || pivot.includes(line))).toEqual([]);
  });

  it("reads FreeDict's pairs first, then the pivot pairs, then the common words'", () => {
    const freedict = readBridgePairs(BRIDGE_FILE);
    const pivot = readBridgePairs(PIVOT_FILE);
    expect(pairs.slice(0, freedict.length)).toEqual(freedict);
    expect(pairs.slice(freedict.length, freedict.length + pivot.length)).toEqual(pivot);
    expect(pairs.slice(freedict.length + pivot.length)).toEqual(readBridgePairs(COMMON_FILE));
  });

  it('pairs, in the common words, real words of both languages that the other lists leave out', () => {
    const lexicon = loadLexicon();
    const common = readBridgePairs(COMMON_FILE);
    expect(
      common.filter(([fr, en]) => !lexicon.has(foldText(fr), 'fr') || !lexicon.has(foldText(en), 'en')),
    ).toEqual([]);
    expect(translations(0, 'usine')).toEqual(expect.arrayContaining(['factory', 'plant']));
    expect(translations(0, 'entreprise')).toContain('company');
  });

  it('bridges the words of a vote, a merger and its funding, which the dictionaries leave out', () => {
    // "What percentage of the members voted against the merger?" found neither "voté" nor
    // "fusion"; "the regional grant" no "subventions"; "consultation" no "concertation".
    const bridge = new WordBridge(pairs, loadCheckedPairs());
    const finds = (word: string, language: 'fr' | 'en', other: string) =>
      bridge
        .keysOf(foldText(word), language)
        .some((key) => stemKeys(foldText(other), other, language === 'fr' ? 'en' : 'fr').includes(key));
    expect(finds('voted', 'en', 'voté')).toBe(true);
    expect(finds('merger', 'en', 'fusion')).toBe(true);
    expect(finds('grant', 'en', 'subventions')).toBe(true);
    expect(finds('consultation', 'en', 'concertation')).toBe(true);
    expect(finds('site', 'en', 'emplacement')).toBe(true);
    expect(finds('organisme', 'fr', 'body')).toBe(true);
  });

  it('adds the pivot pairs FreeDict lacks, and no word past six translations', () => {
    // 2,253 pairs when built from the packages its README.md names.
    const pivot = readBridgePairs(PIVOT_FILE);
    expect(pivot.length).toBeGreaterThan(1500);
    expect(translations(0, 'travail')).toEqual(expect.arrayContaining(['work', 'labour']));
    expect(translations(1, 'recovery')).toEqual(
      expect.arrayContaining(['relance', 'reprise', 'récupération']),
    );
    const counts = [new Map<string, number>(), new Map<string, number>()] as const;
    for (const pair of pairs)
      for (const side of [0, 1] as const)
        counts[side].set(pair[side], (counts[side].get(pair[side]) ?? 0) + 1);
    const crowded = [...pivot, ...readBridgePairs(COMMON_FILE)].filter(
      ([fr, en]) => (counts[0].get(fr) ?? 0) > 6 || (counts[1].get(en) ?? 0) > 6,
    );
    expect(crowded).toEqual([]);
  });

  it('keeps every hand-checked pair in the engine, past the six translations a word', () => {
    // "flood" has six dictionary senses ("abreuver"…) before "crue", and "ride" three with two
    // stems each ("chevaucher": chevauch, chevaucher): a cap of six stems lost "trajet".
    const bridge = new WordBridge(pairs, loadCheckedPairs());
    const lost = readBridgePairs(COMMON_FILE).filter(
      ([fr, en]) =>
        !bridge
          .keysOf(foldText(fr), 'fr')
          .some((key) => stemKeys(foldText(en), undefined, 'en').includes(key)) ||
        !bridge
          .keysOf(foldText(en), 'en')
          .some((key) => stemKeys(foldText(fr), undefined, 'fr').includes(key)),
    );
    expect(lost).toEqual([]);
  });

  it('makes no mayor a council nor a departure a county: stems shared with "mairie", "département"', () => {
    const bridge = new WordBridge(pairs, loadCheckedPairs());
    expect(bridge.keysOf('maire', 'fr')).toContain(stemKeys('mayor', undefined, 'en')[0]);
    expect(bridge.keysOf('maire', 'fr')).not.toContain(stemKeys('council', undefined, 'en')[0]);
    expect(bridge.keysOf('depart', 'fr')).not.toContain(stemKeys('county', undefined, 'en')[0]);
  });

  it('bridges no function word and no word to itself', () => {
    const functional = pairs.filter(([fr, en]) => STOPWORDS.has(foldText(fr)) || STOPWORDS.has(foldText(en)));
    expect(functional).toEqual([]);
    expect(pairs.filter(([fr, en]) => foldText(fr) === foldText(en))).toEqual([]);
  });
});

describe('reading a bridge file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bridge-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is named when it is missing, with how to rebuild it', () => {
    const missing = path.join(dir, 'missing.tsv');
    expect(() => readBridgePairs(missing)).toThrow(`${missing} (ENOENT)`);
    expect(() => readBridgePairs(missing)).toThrow('src/knowledge/freedict/README.md');
  });

  it('is named with its bad lines when malformed', () => {
    const file = path.join(dir, 'bad.tsv');
    writeFileSync(file, '# comment\nmaison\thouse\nmaison house\nprix\tPrice\neau\twater\textra\nx\ty\n');
    expect(() => readBridgePairs(file)).toThrow(
      new RegExp(`${file} is malformed[^]*line 3: "maison house"[^]*line 4[^]*line 5[^]*line 6`),
    );
  });

  it('shows five bad lines and counts the others', () => {
    const text = Array.from({ length: 8 }, (_, i) => `word ${i}`).join('\n');
    expect(() => parseBridgePairs(text, 'many.tsv')).toThrow('(and 3 more)');
  });

  it('is refused when it holds no pair', () => {
    expect(() => parseBridgePairs('# only a comment\n', 'empty.tsv')).toThrow('empty.tsv holds no pairs');
  });

  it('skips comment lines and reads the pairs in order', () => {
    const read = parseBridgePairs('# header\nchemin\tpath\nchemin\troad\nroute\troad\n', 'ok.tsv');
    expect(read).toEqual([
      ['chemin', 'path'],
      ['chemin', 'road'],
      ['route', 'road'],
    ]);
  });
});
