import { stemmer as currentFrench } from '@orama/stemmers/french';
import { stem as porter2 } from 'porter2';
import snowball from 'snowball-stemmers';
import type { Language } from './types.js';

/**
 * The Snowball stemmers, French and English, in fast implementations: `porter2` (English), and
 * `@orama/stemmers` (French, compiled from Snowball's current sources), about eight times faster
 * than `snowball-stemmers`, whose stems every key of the index was made with. They give the same
 * stems for every word of both word lists (test/core/stemmers.test.ts), except French words with
 * a diaeresis, which the current algorithm reads otherwise ("archaïque": "archa", not
 * "archaïqu"): those keep the old stemmer, so that no key changes.
 */
const DIAERESIS = /[ëïü]/u;
const olderFrench = snowball.newStemmer('french');

export const STEMMERS: Readonly<Record<Language, (word: string) => string>> = {
  fr: (word) => (DIAERESIS.test(word) ? olderFrench.stem(word) : currentFrench(word)),
  en: porter2,
};
