import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Lexicon } from '../core/analyse.js';
import { foldText } from '../core/text.js';
import type { Language } from '../core/types.js';

const require = createRequire(import.meta.url);
const WORD_LISTS: Record<Language, string> = {
  en: 'an-array-of-english-words',
  fr: 'an-array-of-french-words',
};
const PLAIN = /^[a-z]+$/;

/**
 * The real words of English and French (accents folded), from two word-list packages. The
 * engine uses it to leave real words alone when it corrects typos.
 *
 * The lists hold about 600,000 words; kept as one sorted string searched by bisection, they
 * take a few megabytes instead of the hundred or so that a Set of strings costs.
 */
export class WordList implements Lexicon {
  private readonly text: string;
  private readonly starts: Uint32Array;

  constructor(words: Iterable<string>) {
    // Sorting first makes duplicates neighbours: dropping them then is cheaper than a Set.
    const sorted = [...words].sort().filter((word, i, all) => i === 0 || word !== all[i - 1]);
    this.text = sorted.join('\n');
    this.starts = new Uint32Array(sorted.length + 1);
    let offset = 0;
    sorted.forEach((word, i) => {
      this.starts[i] = offset;
      offset += word.length + 1;
    });
    this.starts[sorted.length] = offset;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  has(word: string): boolean {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const candidate = this.text.slice(this.starts[middle], (this.starts[middle + 1] ?? 0) - 1);
      if (candidate === word) return true;
      if (candidate < word) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}

/** One word list per language. */
export class BilingualLexicon implements Lexicon {
  constructor(private readonly lists: Record<Language, WordList>) {}

  get size(): number {
    return this.lists.fr.size + this.lists.en.size;
  }

  has(word: string, language?: Language): boolean {
    if (language) return this.lists[language].has(word);
    return this.lists.fr.has(word) || this.lists.en.has(word);
  }
}

let cached: BilingualLexicon | null = null;

function readWordList(name: string): WordList {
  const words = JSON.parse(readFileSync(require.resolve(name), 'utf8')) as string[];
  return new WordList(words.map((word) => (PLAIN.test(word) ? word : foldText(word))));
}

/** Reads the word lists once (not through the module cache, so that the raw arrays can be freed). */
export function loadLexicon(): BilingualLexicon {
  cached ??= new BilingualLexicon({ en: readWordList(WORD_LISTS.en), fr: readWordList(WORD_LISTS.fr) });
  return cached;
}
