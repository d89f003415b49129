import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lexicon } from '../core/analyse.js';
import { foldText } from '../core/text.js';
import type { Language } from '../core/types.js';

const require = createRequire(import.meta.url);
/**
 * Where the build (scripts/build.mjs) writes the lists already folded, sorted and packed (see
 * `packWords`), next to the compiled module: reading them makes no array of 574,134 strings to
 * parse and sort, so the bot neither peaks nor keeps that garbage. Under tsx there is none, and the lists are packed at load.
 */
export const PACKED_DIR = fileURLToPath(new URL('./words/', import.meta.url));
const WORD_LISTS: Record<Language, string> = {
  en: 'an-array-of-english-words',
  fr: 'an-array-of-french-words',
};
const LANGUAGES = Object.keys(WORD_LISTS) as Language[];
const PLAIN = /^[a-z]+$/;

/** Words per block of the packed text: a search bisects over blocks, then reads one block's words in turn. */
const BLOCK = 32;
/** Opens a block, whose first word is written whole. */
const BLOCK_START = '\0';
/** Any other word starts with the character whose code is 1 + the letters it shares with the word before. */
const MAX_SHARED = 30;
/** The codes below this one mark where a word starts; no packed word holds one. */
const FIRST_LETTER = 0x20;

/**
 * The real words of English and French (accents folded), from two word-list packages. The
 * engine uses it to leave real words alone when it corrects typos.
 *
 * The lists hold about 600,000 words. They are kept as one sorted, front-coded string (each word
 * written as the number of letters it shares with the one before, then the rest), searched by
 * bisection over blocks of 32 words: about 2 MB for both lists, where the words one a line take
 * 6.4 MB and a Set of strings a hundred or so.
 */
export class WordList implements Lexicon {
  private words: number | undefined;

  /**
   * From the packed text (what `packWords` writes). Nothing else is kept: a search finds the
   * block around a point of the text, so there is no array of offsets.
   */
  constructor(private readonly text: string) {}

  static of(words: Iterable<string>): WordList {
    return new WordList(packWords(words));
  }

  /** How many words the list holds (counted when first asked: only tests and reports ask). */
  get size(): number {
    if (this.words === undefined) {
      let count = 0;
      for (let at = 0; at < this.text.length; at++) if (this.text.charCodeAt(at) < FIRST_LETTER) count++;
      this.words = count;
    }
    return this.words;
  }

  /** Every word, in order, written out. */
  list(): string[] {
    const { text } = this;
    const words: string[] = [];
    let word = '';
    for (let at = 0; at < text.length; ) {
      const end = wordEnd(text, at + 1);
      const shared = text[at] === BLOCK_START ? 0 : text.charCodeAt(at) - 1;
      word = word.slice(0, shared) + text.slice(at + 1, end);
      words.push(word);
      at = end;
    }
    return words;
  }

  has(word: string): boolean {
    const { text } = this;
    if (text === '') return false;
    // The last block whose first word is not after `word`: `low` starts one, and no block
    // starting at `high` or after can be it.
    let low = 0;
    let high = text.length;
    const first = compareWord(text, 1, word);
    if (first === 0) return true;
    if (first > 0) return false;
    for (;;) {
      let block = text.lastIndexOf(BLOCK_START, (low + high) >>> 1);
      if (block <= low) block = text.indexOf(BLOCK_START, low + 1);
      if (block === -1 || block >= high) break;
      const order = compareWord(text, block + 1, word);
      if (order === 0) return true;
      if (order < 0) low = block;
      else high = block;
    }
    return blockHas(text, low, word);
  }
}

/** Where the word written from `at` ends: at the next word's mark, or the end of the text. */
function wordEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && text.charCodeAt(end) >= FIRST_LETTER) end++;
  return end;
}

/** The word written whole from `at`, against `word`: negative before it, 0 the same, positive after. */
function compareWord(text: string, at: number, word: string): number {
  const end = wordEnd(text, at);
  for (let i = 0; at + i < end; i++) {
    if (i === word.length) return 1;
    const difference = text.charCodeAt(at + i) - word.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return end - at - word.length;
}

/**
 * Whether the block starting at `block` holds `word`, reading its words in order without
 * writing any out: `matched` is how many letters of `word` the word just read starts with.
 */
function blockHas(text: string, block: number, word: string): boolean {
  let at = block;
  let matched = 0;
  let shared = 0;
  while (at < text.length) {
    const end = wordEnd(text, at + 1);
    // A word sharing more than `matched` letters with the one before agrees with it where that
    // one sorted before `word`: so does it, and it is skipped. One sharing fewer starts with
    // `shared` letters of `word` and is compared from there (it sorts after `word`, unless
    // MAX_SHARED cut what it shares).
    if (shared < matched) matched = shared;
    if (shared === matched) {
      let i = at + 1;
      while (i < end && matched < word.length && text.charCodeAt(i) === word.charCodeAt(matched)) {
        i++;
        matched++;
      }
      if (i === end && matched === word.length) return true;
      if (i < end && (matched === word.length || text.charCodeAt(i) > word.charCodeAt(matched))) return false;
    }
    at = end;
    if (at === text.length || text[at] === BLOCK_START) return false;
    shared = text.charCodeAt(at) - 1;
  }
  return false;
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

/**
 * Folded, sorted, unique words, front-coded: blocks of BLOCK words, each opened by BLOCK_START
 * and its first word whole; every other word is the character of code 1 + the letters it shares
 * with the one before (at most MAX_SHARED), then the rest of it.
 */
export function packWords(words: Iterable<string>): string {
  const folded = [...words].map((word) => (PLAIN.test(word) ? word : checkedFold(word)));
  // Sorting first makes duplicates neighbours: dropping them then is cheaper than a Set.
  const sorted = folded.sort().filter((word, i, all) => word !== '' && (i === 0 || word !== all[i - 1]));
  const packed: string[] = [];
  sorted.forEach((word, i) => {
    if (i % BLOCK === 0) {
      packed.push(BLOCK_START, word);
      return;
    }
    const before = sorted[i - 1] as string;
    let shared = 0;
    while (shared < MAX_SHARED && word[shared] === before[shared]) shared++;
    packed.push(String.fromCharCode(1 + shared), word.slice(shared));
  });
  return packed.join('');
}

/** A word folded, refused if it holds a character that marks where a packed word starts. */
function checkedFold(word: string): string {
  const folded = foldText(word);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the marks, on purpose
  if (/[\x00-\x1f]/.test(folded))
    throw new Error(`packWords: ${JSON.stringify(word)} holds a control character`);
  return folded;
}

const packedFile = (dir: string, language: Language) => path.join(dir, `${language}.txt`);

/** A package's list as it ships: one JSON array of strings. */
function packageWords(language: Language): string[] {
  return JSON.parse(readFileSync(require.resolve(WORD_LISTS[language]), 'utf8')) as string[];
}

function readWordList(language: Language, packedDir: string): WordList {
  const packed = packedFile(packedDir, language);
  // Plain ASCII: read as latin1, it is a one-byte string from the start.
  if (!existsSync(packed)) return WordList.of(packageWords(language));
  const text = readFileSync(packed, 'latin1');
  if (text !== '' && text[0] !== BLOCK_START) {
    throw new Error(`${packed}: not a packed word list; \`npm run build\` writes it again`);
  }
  return new WordList(text);
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
