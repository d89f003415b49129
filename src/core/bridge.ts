import { stemKeys } from './analyse.js';
import { foldText } from './text.js';
import type { Language } from './types.js';

/** A French↔English word list, read as match keys: a question's word finds the article's words. */
export interface Bridge {
  /** The stems of the words that translate a word of `language` (folded), in the other language. */
  keysOf(norm: string, language: Language): readonly string[];
}

/** At most this many translation stems a word: the first senses, which the list gives first. */
const MAX_KEYS = 6;

/**
 * A bridge built from word pairs (a French word, an English word). Both sides are stemmed as the
 * engine stems knowledge text, so that "cost" finds "coûté" and "gare" finds "stations".
 */
export class WordBridge implements Bridge {
  private readonly byStem: Record<Language, Map<string, string[]>> = { fr: new Map(), en: new Map() };

  constructor(pairs: Iterable<readonly [string, string]>) {
    for (const [fr, en] of pairs) {
      // The French stemmer does not always give a word and its plural one stem (passager,
      // passagers): both are keys.
      const french = [...new Set([...stemKeys(foldText(fr), fr.toLowerCase(), 'fr'), ...pluralKeys(fr)])];
      const english = stemKeys(foldText(en), undefined, 'en');
      for (const key of french) this.add('fr', key, english);
      for (const key of english) this.add('en', key, french);
    }
  }

  private add(language: Language, key: string, translations: readonly string[]): void {
    const list = this.byStem[language].get(key) ?? [];
    for (const translation of translations)
      if (list.length < MAX_KEYS && !list.includes(translation)) list.push(translation);
    this.byStem[language].set(key, list);
  }

  keysOf(norm: string, language: Language): readonly string[] {
    const found = new Set<string>();
    for (const key of stemKeys(norm, undefined, language))
      for (const translation of this.byStem[language].get(key) ?? []) found.add(translation);
    return [...found];
  }
}

function pluralKeys(word: string): readonly string[] {
  if (/[sxz]$/u.test(word)) return [];
  return stemKeys(foldText(`${word}s`), `${word.toLowerCase()}s`, 'fr');
}
