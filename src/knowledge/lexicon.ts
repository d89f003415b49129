import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Lexicon } from '../core/analyse.js';
import { foldText } from '../core/text.js';

const require = createRequire(import.meta.url);
const WORD_LISTS = ['an-array-of-english-words', 'an-array-of-french-words'];
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

let cached: WordList | null = null;

/** Reads the word lists once (not through the module cache, so that the raw arrays can be freed). */
export function loadLexicon(): WordList {
  if (cached) return cached;
  const folded: string[] = [];
  for (const name of WORD_LISTS) {
    const words = JSON.parse(readFileSync(require.resolve(name), 'utf8')) as string[];
    for (const word of words) folded.push(PLAIN.test(word) ? word : foldText(word));
  }
  cached = new WordList(folded);
  return cached;
}
