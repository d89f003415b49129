import type { Term } from './analyse.js';
import { foldText, wordsOf } from './text.js';

/** The time a verb's own ending places it in: "coûtait" past, "coûtera" future. */
export type Tense = 'past' | 'future';

/** A question's word that its ending places in time, with its keys. */
export interface TensedWord {
  readonly keys: readonly string[];
  readonly tense: Tense;
}

const PAST_ENDINGS = [...wordsOf('pastEndings')];
const FUTURE_ENDINGS = [...wordsOf('futureEndings')];
const TENSELESS_ENDINGS = [...wordsOf('tenselessEndings')];
/** Shorter words are left alone: "fait", "sait", "sera" end like tenses without being read so. */
const MIN_LETTERS = 5;
/** Letters only; made once, not at each call (it runs for every word of a sentence read). */
const LETTERS_ONLY = /^\p{L}+$/u;

/** The tense a word's ending marks, or null: most words mark none. */
export function tenseOf(surface: string): Tense | null {
  const word = foldText(surface);
  if (word.length < MIN_LETTERS || !LETTERS_ONLY.test(word)) return null;
  if (TENSELESS_ENDINGS.some((ending) => word.endsWith(ending))) return null;
  if (PAST_ENDINGS.some((ending) => word.endsWith(ending))) return 'past';
  if (FUTURE_ENDINGS.some((ending) => word.endsWith(ending))) return 'future';
  return null;
}

/** The question's words whose ending marks a tense ("combien coûtait le billet"). */
export function tensedWords(terms: readonly Term[]): TensedWord[] {
  const words: TensedWord[] = [];
  for (const term of terms) {
    if (term.question || term.name) continue;
    const tense = tenseOf(term.surface);
    if (tense) words.push({ keys: term.keys, tense });
  }
  return words;
}

/**
 * The keys a sentence holds only in one tense: "coûtera" and no other form of "coûter". A key
 * the sentence also holds untensed ("le coût") or in both tenses is left out: it says no time.
 */
export function tensesOf(terms: readonly Term[]): ReadonlyMap<string, Tense> {
  const seen = new Map<string, Tense | null>();
  for (const term of terms) {
    if (term.question) continue;
    const tense = tenseOf(term.surface);
    for (const key of term.keys) {
      const before = seen.get(key);
      seen.set(key, before === undefined || before === tense ? tense : null);
    }
  }
  const tenses = new Map<string, Tense>();
  for (const [key, tense] of seen) if (tense) tenses.set(key, tense);
  return tenses;
}

/**
 * The first question word the sentence holds only in the other tense ("combien coûtait…"
 * against "coûtera"): the sentence speaks of another time. Null when none.
 */
export function otherTense(words: readonly TensedWord[], tenses: ReadonlyMap<string, Tense>): Tense | null {
  for (const word of words) {
    const stated = word.keys.map((key) => tenses.get(key)).filter((tense) => tense !== undefined);
    if (stated.length > 0 && stated.every((tense) => tense !== word.tense)) return word.tense;
  }
  return null;
}
