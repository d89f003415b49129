// Reads FreeDict's dictd dictionaries (fra-eng, eng-fra) and turns them into the bridge's
// French–English word pairs: the part of scripts/build-bridge.ts that tests can call.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { foldText, QUESTION_WORDS, STOPWORDS, tableOf } from '../src/core/text.js';
import type { Language } from '../src/core/types.js';
import { BRIDGE_WORD, readBridgePairs } from '../src/knowledge/bridge.js';

/** dictd writes offsets and lengths in base 64 with this alphabet, most significant digit first. */
const DICTD_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Index entries for the dictionary's own description (00databaseinfo, 00databaseshort …). */
const METADATA = '00database';

/** One article of a dictd dictionary, as its index names it. */
export interface DictdEntry {
  readonly headword: string;
  readonly text: string;
}

/** A dictionary's articles and its one-line description (00databaseshort). */
export interface Dictd {
  readonly short: string;
  readonly entries: readonly DictdEntry[];
}

export function decodeDictdNumber(digits: string): number {
  let value = 0;
  for (const digit of digits) {
    const place = DICTD_DIGITS.indexOf(digit);
    if (place < 0) throw new Error(`"${digits}" is not a dictd base-64 number`);
    value = value * 64 + place;
  }
  return value;
}

/**
 * Reads a dictd dictionary: its `.index` (headword, offset, length, tab-separated) and its data,
 * a `.dict.dz` (dictzip, which gzip reads) or a plain `.dict`.
 */
export function readDictd(indexFile: string, dataFile: string): Dictd {
  const raw = readFileSync(dataFile);
  const data = dataFile.endsWith('.dz') ? gunzipSync(raw) : raw;
  let short = '';
  const entries: DictdEntry[] = [];
  readFileSync(indexFile, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line === '') return;
      const [headword = '', offset = '', length = '', ...rest] = line.split('\t');
      const where = `${indexFile}: line ${i + 1}`;
      if (length === '' || rest.length > 1) throw new Error(`${where}: expected headword, offset, length`);
      const start = decodeDictdNumber(offset);
      const end = start + decodeDictdNumber(length);
      if (end > data.length) throw new Error(`${where}: "${headword}" ends past the end of ${dataFile}`);
      const text = data.subarray(start, end).toString('utf8');
      if (headword === `${METADATA}short`) short = text.trim();
      else if (!headword.startsWith(METADATA)) entries.push({ headword, text });
    });
  return { short, entries };
}

/** A dictionary article: its headword as printed, its grammar label, its senses in order. */
export interface Article {
  readonly headword: string;
  /** `n, masc`, `v`, `prep` …, or null when the article has none. */
  readonly grammar: string | null;
  /** Each sense's translations, as printed (notes and all). */
  readonly senses: readonly (readonly string[])[];
}

// "chemin /ʃəmɛ̃/ <n, masc>": the headword, its pronunciation, its grammar label.
const HEAD_LINE = /^(.*?)(?:\s+\/[^/]*\/)?(?:\s+<([^>]*)>)?\s*$/u;
const SENSE_NUMBER = /^\d+\.\s+/;
// Notes inside translations: "ash (tree)", "[cul] éclair", and the odd bracket left alone.
const NOTES = /\([^)]*\)|\[[^\]]*\]|[[\]]/g;

/** Splits an article's text into its headword, grammar label and senses. */
export function parseArticle(text: string): Article {
  const [head = '', ...body] = text.split('\n');
  const [, headword = '', grammar = null] = HEAD_LINE.exec(head.trim()) ?? [];
  const senses: string[][] = [];
  for (const line of body) {
    if (line.trim() === '') continue;
    const sense = SENSE_NUMBER.test(line) || senses.length === 0 ? [] : (senses.pop() ?? []);
    sense.push(
      ...line
        .replace(SENSE_NUMBER, '')
        .replace(NOTES, ' ')
        .split(/[,;]/)
        .map((term) => term.trim().replace(/\s+/g, ' '))
        .filter((term) => term !== ''),
    );
    senses.push(sense);
  }
  return { headword: headword.trim(), grammar, senses };
}

// The infinitive's "to" and the French reflexive pronoun: "to invest" is "invest", "se baigner" is
// "baigner", as the engine reads them (it drops "to" and "se" as function words, and "s'" as an elision).
// A pivot language's words are taken as written.
const VERB_MARK: Record<Language | 'pivot', RegExp> = { en: /^to /i, fr: /^(?:se |s['’])/i, pivot: /^(?!)/ };

/**
 * A term as one word of the bridge, its case kept (a capital tells a name), or null when it is
 * not one: several words, an abbreviation, digits or other signs, or under two letters.
 */
export function singleWord(term: string, side: Language | 'pivot'): string | null {
  const word = term.replace(VERB_MARK[side], '');
  const lower = word.toLowerCase();
  if (!BRIDGE_WORD.test(lower)) return null;
  if (word === word.toUpperCase()) return null; // ONU, TV: abbreviations
  return word;
}

/** Grammar labels of function words and numbers: articles, prepositions, pronouns, conjunctions. */
const FUNCTION_GRAMMAR = new Set(['art', 'prep', 'pron', 'conj', 'num']);
/** Whether an article's grammar label is that of a function word or a number. */
export const isFunctionGrammar = (grammar: string): boolean => FUNCTION_GRAMMAR.has(grammar);
/** Numbers written as words in either language: the engine reads them as values, not as terms. */
const NUMBER_WORDS = new Set([
  ...tableOf((rules) => rules.numberWords).keys(),
  ...tableOf((rules) => rules.scaleWords).keys(),
]);

/** A word the engine never matches as a term: a function word, a question word or a number. */
export function isFunctionWord(word: string): boolean {
  const folded = foldText(word);
  return STOPWORDS.has(folded) || QUESTION_WORDS.has(folded) || NUMBER_WORDS.has(folded);
}

/** Why a translation was left out, counted for the build's report. */
export type Dropped = 'not a word' | 'unknown word' | 'name' | 'function word' | 'same word' | 'over the cap';

export interface DirectionPairs {
  /** `french\tenglish` lines, lower-case. */
  readonly lines: readonly string[];
  readonly dropped: Readonly<Record<Dropped, number>>;
}

export interface PairRules {
  /** Translations kept per headword, first senses first. */
  readonly cap: number;
  /** Whether a lower-case word is a real word of its language: catches the dictionaries' typos. */
  readonly isWord: (word: string, side: Language) => boolean;
}

/** Why a word cannot be a side of a pair, or null when it can. */
function whyDropped(
  word: string | null,
  side: Language,
  rules: PairRules,
  functional = false,
): Dropped | null {
  if (word === null) return 'not a word';
  // French capitalises names only: "Japon" is a name, "japonais" an adjective.
  if (side === 'fr' && word !== word.toLowerCase()) return 'name';
  if (functional || isFunctionWord(word)) return 'function word';
  // Word lists hold no capitalised English ("Spanish", "December"): the dictionary's capital vouches.
  if (word === word.toLowerCase() && !rules.isWord(word, side)) return 'unknown word';
  return null;
}

/**
 * The pairs one dictionary gives, at most `rules.cap` translations a headword, first senses first.
 * A pair is left out when either side is not a single real word or is a function word, when its French
 * side is a name, or when both sides fold to the same word (nothing to bridge).
 */
export function pairsOf(articles: Iterable<Article>, from: Language, rules: PairRules): DirectionPairs {
  const to: Language = from === 'fr' ? 'en' : 'fr';
  const dropped: Record<Dropped, number> = {
    'not a word': 0,
    'unknown word': 0,
    name: 0,
    'function word': 0,
    'same word': 0,
    'over the cap': 0,
  };
  const kept = new Map<string, Set<string>>();
  for (const article of articles) {
    const translations = article.senses.flat();
    const head = singleWord(article.headword, from);
    const reason = whyDropped(
      head,
      from,
      rules,
      article.grammar !== null && isFunctionGrammar(article.grammar),
    );
    if (reason !== null || head === null) {
      dropped[reason ?? 'not a word'] += translations.length;
      continue;
    }
    const headword = head.toLowerCase();
    const ones = kept.get(headword) ?? new Set<string>();
    kept.set(headword, ones);
    for (const term of translations) {
      const word = singleWord(term, to);
      const same = word !== null && foldText(word) === foldText(headword);
      const why = whyDropped(word, to, rules) ?? (same ? 'same word' : null);
      if (why !== null || word === null) {
        dropped[why ?? 'not a word'] += 1;
        continue;
      }
      const translation = word.toLowerCase();
      if (ones.has(translation)) continue;
      if (ones.size >= rules.cap) dropped['over the cap'] += 1;
      else ones.add(translation);
    }
  }
  const lines = [...kept].flatMap(([headword, ones]) =>
    [...ones].map((one) => (from === 'fr' ? `${headword}\t${one}` : `${one}\t${headword}`)),
  );
  return { lines, dropped };
}

/** Both directions' pairs as one sorted list without duplicates (by French word, then English). */
export function mergePairs(...directions: readonly DirectionPairs[]): string[] {
  // Code-unit order, not the locale's: the file must come out the same on every machine.
  return [...new Set(directions.flatMap((direction) => direction.lines))].sort();
}

/**
 * Writes a bridge file (its `#` header, then its pairs) and reads it back through the loader, so
 * that a file the bot would refuse is not written silently. Returns what it holds, for the build's report.
 */
export function writeBridgeFile(out: string, header: readonly string[], lines: readonly string[]): string {
  writeFileSync(out, `${[...header, ...lines].join('\n')}\n`);
  const pairs = readBridgePairs(out);
  const french = new Set(pairs.map(([fr]) => fr)).size;
  const english = new Set(pairs.map(([, en]) => en)).size;
  return `${out}: ${pairs.length} pairs (${french} French words, ${english} English words), ${statSync(out).size} bytes`;
}
