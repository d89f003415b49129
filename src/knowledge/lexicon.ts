import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lexicon } from '../core/analyse.js';
import { foldText } from '../core/text.js';
import type { Language } from '../core/types.js';

const require = createRequire(import.meta.url);
/**
 * Where the build (scripts/build.mjs) writes the lists already folded, sorted and packed, next to
 * the compiled module: reading them makes no array of 574,134 strings to parse and sort, so the
 * bot neither peaks nor keeps that garbage. Under tsx there is none, and the lists are packed at load.
 */
export const PACKED_DIR = fileURLToPath(new URL('./words/', import.meta.url));
const WORD_LISTS: Record<Language, string> = {
  en: 'an-array-of-english-words',
  fr: 'an-array-of-french-words',
};
const LANGUAGES = Object.keys(WORD_LISTS) as Language[];
const PLAIN = /^[a-z]+$/;

/**
 * The real words of English and French (accents folded), from two word-list packages. The
 * engine uses it to leave real words alone when it corrects typos.
 *
 * The lists hold about 600,000 words; kept as one sorted string searched by bisection, they
 * take a few megabytes instead of the hundred or so that a Set of strings costs.
 */
export class WordList implements Lexicon {
  readonly size: number;

  /**
   * From the packed text: sorted, unique words, one a line (what `packWords` writes). Nothing
   * else is kept: a search finds the line around a point of the text, so there is no array of
   * word offsets (2.3 MB for both lists).
   */
  constructor(private readonly text: string) {
    let lines = text === '' ? 0 : 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
    this.size = lines;
  }

  static of(words: Iterable<string>): WordList {
    return new WordList(packWords(words));
  }

  has(word: string): boolean {
    const { text } = this;
    // [low, high) always holds whole lines: low starts one, high ends one (or the text).
    let low = 0;
    let high = text.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = middle === 0 ? 0 : text.lastIndexOf('\n', middle - 1) + 1;
      const newline = text.indexOf('\n', middle);
      const end = newline === -1 ? text.length : newline;
      const candidate = text.slice(start, end);
      if (candidate === word) return true;
      if (candidate < word) low = end + 1;
      else high = start;
    }
    return false;
  }
}

/** Words whose answers a lexicon keeps, per generation: a text repeats its words, and a bisection costs a microsecond. */
const KNOWN_CACHE = 20_000;
/** The answers kept for a word, as bits: whether French was asked, its answer, the same for English. */
const ASKED: Record<Language, number> = { fr: 1, en: 4 };
const FOUND: Record<Language, number> = { fr: 2, en: 8 };

/** One word list per language. */
export class BilingualLexicon implements Lexicon {
  /** The words asked lately and those of the time before, as in the engine's other caches. */
  private known = { recent: new Map<string, number>(), older: new Map<string, number>() };

  constructor(private readonly lists: Record<Language, WordList>) {}

  get size(): number {
    return this.lists.fr.size + this.lists.en.size;
  }

  has(word: string, language?: Language): boolean {
    if (language) return this.hasIn(word, language);
    return this.hasIn(word, 'fr') || this.hasIn(word, 'en');
  }

  private hasIn(word: string, language: Language): boolean {
    let bits = this.known.recent.get(word);
    if (bits === undefined) {
      bits = this.known.older.get(word) ?? 0;
      if (this.known.recent.size >= KNOWN_CACHE) this.known = { recent: new Map(), older: this.known.recent };
      this.known.recent.set(word, bits);
    }
    if ((bits & ASKED[language]) !== 0) return (bits & FOUND[language]) !== 0;
    const found = this.lists[language].has(word);
    this.known.recent.set(word, bits | ASKED[language] | (found ? FOUND[language] : 0));
    return found;
  }
}

/** Folded, sorted, unique words, one a line. */
export function packWords(words: Iterable<string>): string {
  const folded = [...words].map((word) => (PLAIN.test(word) ? word : foldText(word)));
  // Sorting first makes duplicates neighbours: dropping them then is cheaper than a Set.
  return folded
    .sort()
    .filter((word, i, all) => i === 0 || word !== all[i - 1])
    .join('\n');
}

const packedFile = (dir: string, language: Language) => path.join(dir, `${language}.txt`);

/** A package's list as it ships: one JSON array of strings. */
function packageWords(language: Language): string[] {
  return JSON.parse(readFileSync(require.resolve(WORD_LISTS[language]), 'utf8')) as string[];
}

function readWordList(language: Language, packedDir: string): WordList {
  const packed = packedFile(packedDir, language);
  // Plain ASCII: read as latin1, it is a one-byte string from the start.
  if (existsSync(packed)) return new WordList(readFileSync(packed, 'latin1'));
  return WordList.of(packageWords(language));
}

/** Packs both lists from their packages into `dir`, for `loadLexicon` to read (the build calls it). */
export function writePackedLexicon(dir: string = PACKED_DIR): void {
  mkdirSync(dir, { recursive: true });
  for (const language of LANGUAGES) {
    const text = packWords(packageWords(language));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, on purpose
    if (/[^\x00-\x7f]/.test(text)) {
      throw new Error(
        `${WORD_LISTS[language]}: a folded word is not ASCII, so it cannot be packed as latin1`,
      );
    }
    writeFileSync(packedFile(dir, language), text, 'latin1');
  }
}

/** Reads both lists, packed by the build when it is there (test: from another folder). */
export function readLexicon(packedDir: string = PACKED_DIR): BilingualLexicon {
  return new BilingualLexicon({ en: readWordList('en', packedDir), fr: readWordList('fr', packedDir) });
}

let cached: BilingualLexicon | null = null;

/** Reads the word lists once (not through the module cache, so that the raw arrays can be freed). */
export function loadLexicon(): BilingualLexicon {
  cached ??= readLexicon();
  return cached;
}
