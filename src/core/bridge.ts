import { stemKeys } from './analyse.js';
import { foldText } from './text.js';
import type { Language } from './types.js';

/** A French↔English word list, read as match keys: a question's word finds the article's words. */
export interface Bridge {
  /** The stems of the words that translate a word of `language` (folded), in the other language. */
  keysOf(norm: string, language: Language): readonly string[];
  /** The words (folded) that translate a word of `language` (folded), in the other language. */
  wordsOf(norm: string, language: Language): readonly string[];
}

/** At most this many translation stems a word: the first senses, which the list gives first. */
const MAX_KEYS = 6;

/**
 * A bridge built from word pairs (a French word, an English word). Both sides are stemmed as the
 * engine stems knowledge text, so that "cost" finds "coûté" and "gare" finds "stations".
 */
export class WordBridge implements Bridge {
  private readonly byStem: Record<Language, Map<string, string[]>> = { fr: new Map(), en: new Map() };
  /** The same translations as words, by the same stems: to tell whether an article holds one. */
  private readonly wordsByStem: Record<Language, Map<string, string[]>> = { fr: new Map(), en: new Map() };

  constructor(pairs: Iterable<readonly [string, string]>) {
    for (const [fr, en] of pairs) {
      // The French stemmer does not always give a word and its plural one stem (passager,
      // passagers): both are keys.
      const french = [...new Set([...stemKeys(foldText(fr), fr.toLowerCase(), 'fr'), ...pluralKeys(fr)])];
      const english = stemKeys(foldText(en), undefined, 'en');
      for (const key of french) {
        this.add(this.byStem.fr, key, english);
        this.add(this.wordsByStem.fr, key, [foldText(en)]);
      }
      for (const key of english) {
        this.add(this.byStem.en, key, french);
        this.add(this.wordsByStem.en, key, [foldText(fr)]);
      }
    }
  }

  private add(byStem: Map<string, string[]>, key: string, translations: readonly string[]): void {
    const list = byStem.get(key) ?? [];
    for (const translation of translations)
      if (list.length < MAX_KEYS && !list.includes(translation)) list.push(translation);
    byStem.set(key, list);
  }

  keysOf(norm: string, language: Language): readonly string[] {
    return this.lookUp(this.byStem[language], norm, language);
  }

  wordsOf(norm: string, language: Language): readonly string[] {
    return this.lookUp(this.wordsByStem[language], norm, language);
  }

  private lookUp(byStem: Map<string, string[]>, norm: string, language: Language): readonly string[] {
    const found = new Set<string>();
    for (const key of stemKeys(norm, undefined, language))
      for (const translation of byStem.get(key) ?? []) found.add(translation);
    return [...found];
  }
}

function pluralKeys(word: string): readonly string[] {
  if (/[sxz]$/u.test(word)) return [];
  return stemKeys(foldText(`${word}s`), `${word.toLowerCase()}s`, 'fr');
}
