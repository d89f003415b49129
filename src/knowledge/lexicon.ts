import englishWords from 'an-array-of-english-words';
import frenchWords from 'an-array-of-french-words';
import type { Lexicon } from '../core/analyse.js';
import { foldText } from '../core/text.js';

const PLAIN = /^[a-z]+$/;
let cached: Lexicon | null = null;

/**
 * The real words of English and French (accents folded), from two word-list packages. The
 * engine uses it to leave real words alone when it corrects typos, and to weigh them.
 */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const words = new Set<string>();
  // Most entries are plain lower-case ASCII already: fold only the others (a start-up saving).
  for (const list of [englishWords, frenchWords]) {
    for (const word of list) words.add(PLAIN.test(word) ? word : foldText(word));
  }
  cached = words;
  return words;
}
