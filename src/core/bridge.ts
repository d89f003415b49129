import { stemKeys } from './analyse.js';
import { FRENCH } from './french.js';
import { STEMMERS } from './stemmers.js';
import { foldText } from './text.js';
import type { Language } from './types.js';

/** A French↔English word list, read as match keys: a question's word finds the article's words. */
export interface Bridge {
  /**
   * The stems of the words that translate a word of `language` (folded), in the other language;
   * `accented`, the word as written in lower case, stems as the knowledge's text does
   * ("enregistrée": enregistr, where the folded "enregistree" stems to enregistre).
   */
  keysOf(norm: string, language: Language, accented?: string): readonly string[];
  /**
   * Of those keys, the ones only a word of ACCENTED_LANGUAGE with an accent in its stem gives,
   * each with that stem as written ("drag": train, from "traîner", whose stem "traîn" folds to the stem of
   * "trains"): a sentence holds such a key as that word only if it writes the stem with its accent.
   */
  accentsOf?(norm: string, language: Language, accented?: string): ReadonlyMap<string, readonly string[]>;
}

const NO_ACCENTS: ReadonlyMap<string, readonly string[]> = new Map();

/** The language whose words the bridge reads the accents of (see `Bridge.accentsOf`). */
export const ACCENTED_LANGUAGE: Language = 'fr';

/**
 * At most this many translations a word: the first senses, which the lists give first. Counted in
 * words, not stems: a word gives one to three stems ("chevaucher": chevauch, chevaucher), and a cap
 * on stems kept three words where the lists (and their tests) count six.
 */
const MAX_WORDS = 6;

/**
 * A bridge built from word pairs (a French word, an English word). Both sides are stemmed as the
 * engine stems knowledge text, so that "cost" finds "coûté" and "gare" finds "stations".
 */
export class WordBridge implements Bridge {
  private readonly byStem: Record<Language, Map<string, string[]>> = { fr: new Map(), en: new Map() };
  /** How many translations each key has taken (see MAX_WORDS): only while the pairs are read. */
  private readonly taken: Record<Language, Map<string, number>> = { fr: new Map(), en: new Map() };
  /**
   * By key, the translation keys only a French word with an accent in its stem gives, with those
   * stems (see `accentsOf`); a key in a translation list but not here was given plainly too.
   */
  private readonly accented: Record<Language, Map<string, Map<string, string[]>>> = {
    fr: new Map(),
    en: new Map(),
  };

  /**
   * `checked` are pairs a person checked for the sense news reports use ("crue"/"flood"): they
   * are kept past the cap, where dictionary senses ("flood"/"abreuver") fill a word's six.
   */
  constructor(pairs: Iterable<readonly [string, string]>, checked: Iterable<readonly [string, string]> = []) {
    for (const pair of pairs) this.addPair(pair, MAX_WORDS);
    for (const pair of checked) this.addPair(pair, Number.POSITIVE_INFINITY);
    this.taken.fr.clear();
    this.taken.en.clear();
  }

  private addPair([fr, en]: readonly [string, string], cap: number): void {
    // The French stemmer does not always give a word and its plural one stem (passager,
    // passagers): both are keys.
    const french = [
      ...new Set([
        ...stemKeys(foldText(fr), fr.toLowerCase(), 'fr'),
        ...pluralKeys(fr),
        ...participleKeys(fr),
      ]),
    ];
    const english = stemKeys(foldText(en), undefined, 'en');
    // English stems hold no accent: the French words' translations bind none.
    for (const key of french) this.add('fr', key, english, cap);
    // Its feminine is what an English word finds too ("farmer": paysanne), but no French key: a
    // feminine's stem may be another word's ("conseilleuse": conseil), whose six it would fill.
    const found = [...new Set([...french, ...feminineKeys(fr)])];
    for (const key of english) this.add('en', key, found, cap, accentedStem(fr));
  }

  /**
   * Adds one translation (its stems) to a key, unless the key has taken `cap` already; `accent`,
   * the translation's stem as written where it holds an accent.
   */
  private add(
    language: Language,
    key: string,
    translation: readonly string[],
    cap: number,
    accent: string | null = null,
  ): void {
    const taken = this.taken[language].get(key) ?? 0;
    if (taken >= cap) return;
    this.taken[language].set(key, taken + 1);
    const list = this.byStem[language].get(key) ?? [];
    const accented = this.accented[language].get(key);
    for (const stem of translation) {
      const given = list.includes(stem);
      const bound = accented?.get(stem);
      if (accent === null) accented?.delete(stem);
      // Given plainly before: an accent now binds nothing.
      else if (!given || bound) this.bind(language, key, stem, accent);
      if (!given) list.push(stem);
    }
    this.byStem[language].set(key, list);
  }

  /** Notes that only a word written with `accent` gives `stem` as a translation of `key`. */
  private bind(language: Language, key: string, stem: string, accent: string): void {
    let accented = this.accented[language].get(key);
    if (!accented) {
      accented = new Map();
      this.accented[language].set(key, accented);
    }
    const accents = accented.get(stem) ?? [];
    if (!accents.includes(accent)) accents.push(accent);
    accented.set(stem, accents);
  }

  keysOf(norm: string, language: Language, accented?: string): readonly string[] {
    const found = new Set<string>();
    for (const key of stemKeys(norm, accented, language))
      for (const translation of this.byStem[language].get(key) ?? []) found.add(translation);
    return [...found];
  }

  accentsOf(norm: string, language: Language, accented?: string): ReadonlyMap<string, readonly string[]> {
    const keys = stemKeys(norm, accented, language);
    const bound = new Map<string, string[]>();
    const plain = new Set<string>();
    for (const key of keys) {
      const accents = this.accented[language].get(key);
      for (const translation of this.byStem[language].get(key) ?? []) {
        const written = accents?.get(translation);
        if (!written) plain.add(translation);
        else bound.set(translation, [...new Set([...(bound.get(translation) ?? []), ...written])]);
      }
    }
    for (const key of plain) bound.delete(key);
    return bound.size > 0 ? bound : NO_ACCENTS;
  }
}

/** A French word's stem as written, where it holds an accent ("traîner": traîn); else null. */
function accentedStem(word: string): string | null {
  const stem = STEMMERS.fr(word.normalize('NFC').toLowerCase());
  return foldText(stem) === stem ? null : stem;
}

/**
 * A French verb in -dre that makes its past participle in -du ("attendre": attendu, attendue;
 * "perdre", "répondre"), which the stemmer does not bring back to the verb's stem: not "prendre"
 * (pris), nor -indre (peint), -oudre (résolu).
 */
const DU_VERB = /(?<!pr)(?:[aeo]n|[eo]r)dre$/u;
const PARTICIPLE_ENDINGS = ['u', 'ue', 'us', 'ues'];

/** The stems of a French verb's past participle where the stemmer gives it another stem than the verb's. */
function participleKeys(word: string): readonly string[] {
  const lower = word.toLowerCase();
  if (!DU_VERB.test(lower)) return [];
  const base = lower.slice(0, -'re'.length);
  return PARTICIPLE_ENDINGS.flatMap((ending) => stemKeys(foldText(base + ending), base + ending, 'fr'));
}

/** The stems of a French word's plural: -s, and -x after -au, -eu ("feux"), -aux for -al. */
function pluralKeys(word: string): readonly string[] {
  if (/[sxz]$/u.test(word)) return [];
  const lower = word.toLowerCase();
  const plurals = [`${lower}s`];
  if (/[ae]u$/u.test(lower)) plurals.push(`${lower}x`);
  if (/al$/u.test(lower)) plurals.push(`${lower.slice(0, -2)}aux`);
  return plurals.flatMap((plural) => stemKeys(foldText(plural), plural, 'fr'));
}

/** The stems of a French word's feminine forms, where they are not the masculine's (`feminineEndings`). */
function feminineKeys(word: string): readonly string[] {
  const lower = word.toLowerCase();
  if (lower.includes(' ')) return [];
  return FRENCH.feminineEndings.flatMap(({ masculine, feminines }) =>
    lower.endsWith(masculine)
      ? feminines.flatMap((feminine) => {
          const form = lower.slice(0, -masculine.length) + feminine;
          return stemKeys(foldText(form), form, 'fr');
        })
      : [],
  );
}
