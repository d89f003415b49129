import type { Language } from './types.js';

/** Every user-facing sentence of the engine, in both languages, in one place. */
export const MESSAGES = {
  /** The example is a question the knowledge answers, when there is one. */
  empty: {
    fr: (example: string | undefined) =>
      `Posez-moi une question sur l’article${example ? ` (par exemple : « ${example} »)` : ''}.`,
    en: (example: string | undefined) =>
      `Ask me a question about the article${example ? ` (for example: “${example}”)` : ''}.`,
  },
  unknownEntity: {
    fr: (names: readonly string[]) =>
      `L’article ne mentionne ${names.length > 1 ? `ni ${names.join(' ni ')}` : `pas ${names[0]}`}. Je ne peux répondre que sur ce qu’il dit.`,
    en: (names: readonly string[]) =>
      `The article does not mention ${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]}. I can only answer from what it says.`,
  },
  notInArticle: {
    fr: 'L’article ne le dit pas : je ne trouve rien dans le texte qui réponde à cette question.',
    en: 'The article does not say: nothing in its text answers this question.',
  },
  tentative: {
    fr: 'Ce que l’article dit de plus proche :',
    en: 'The closest the article comes to this:',
  },
  /** "L'article ne donne pas de chiffre à ce sujet." */
  missingType: {
    fr: (what: string) => `L’article ne donne pas ${what} à ce sujet.`,
    en: (what: string) => `The article gives no ${what} for this.`,
  },
  /** "How much did Microsoft invest before this?": the article tells only the news itself. */
  missingFrame: {
    fr: {
      past: 'L’article ne dit rien de ce qui a précédé à ce sujet.',
      future: 'L’article ne dit rien de la suite à ce sujet.',
    },
    en: {
      past: 'The article says nothing of earlier times on this.',
      future: 'The article says nothing of what comes later on this.',
    },
  },
  /** "L'article ne dit pas cela de Japon et États-Unis." */
  mismatch: {
    fr: (names: readonly string[]) =>
      `L’article ne dit pas cela ${names.length > 1 ? `de ${names.join(' et ')} ensemble` : `de ${names[0]}`}.`,
    en: (names: readonly string[]) => `The article does not say this of ${names.join(' and ')}.`,
  },
  /** The question turns on words the article never uses: "L'article ne parle pas de « yen »." */
  unsaid: {
    fr: (words: readonly string[]) =>
      `L’article ne parle pas de ${words.map((word) => `« ${word} »`).join(' ni de ')}.`,
    en: (words: readonly string[]) =>
      `The article never speaks of ${words.map((word) => `“${word}”`).join(' or ')}.`,
  },
  /** An uncurated answer: the article's own words, introduced in the asker's language. */
  articleSays: {
    fr: (quote: string, article: Language) =>
      `L’article dit${article === 'fr' ? '' : ' (en anglais)'} : « ${quote} »`,
    en: (quote: string, article: Language) =>
      `The article says${article === 'en' ? '' : ' (in French)'}: “${quote}”`,
  },
  closest: {
    fr: 'Ce qu’il en dit de plus proche :',
    en: 'The closest it comes:',
  },
  corrected: {
    fr: (stated: string, claimed: string) => `Non : ${stated}, pas ${claimed}.`,
    en: (stated: string, claimed: string) => `No — the article says ${stated}, not ${claimed}.`,
  },
  confirmed: {
    fr: (stated: string) => `Oui : ${stated}.`,
    en: (stated: string) => `Yes: ${stated}.`,
  },
  unmentioned: {
    fr: (names: readonly string[]) => `L’article ne mentionne pas ${names.join(' ni ')}. Ce qu’il dit :`,
    en: (names: readonly string[]) => `The article does not mention ${names.join(' or ')}. What it says:`,
  },
  /** What a question asked for, as the refusal names it. */
  answerTypes: {
    fr: {
      amount: 'de chiffre',
      time: 'de date ni de durée',
      person: 'de nom de personne',
      place: 'de lieu',
      organisation: 'de nom d’organisation',
      name: 'de nom',
      speech: 'de propos rapportés',
      reason: 'de raison',
      manner: 'de manière',
    },
    en: {
      amount: 'figure',
      time: 'date or duration',
      person: 'person’s name',
      place: 'place',
      organisation: 'organisation’s name',
      name: 'name',
      speech: 'reported words',
      reason: 'reason',
      manner: 'manner',
    },
  },
} as const;

export function message(key: 'notInArticle' | 'tentative', language: Language): string {
  return MESSAGES[key][language];
}

/** "The article does not mention X" for one name or more (never called with none). */
export function unknownEntityMessage(names: readonly string[], language: Language): string {
  return MESSAGES.unknownEntity[language](names);
}
