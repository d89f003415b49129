import type { Language } from './types.js';

/** Every user-facing sentence of the engine, in both languages, in one place. */
export const MESSAGES = {
  empty: {
    fr: 'Posez-moi une question sur l’article (par exemple : « Combien Microsoft va-t-il investir au Japon ? »).',
    en: 'Ask me a question about the article (for example: “How much will Microsoft invest in Japan?”).',
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
} as const;

export function message(key: 'empty' | 'notInArticle' | 'tentative', language: Language): string {
  return MESSAGES[key][language];
}

/** "The article does not mention X" for one name or more (never called with none). */
export function unknownEntityMessage(names: readonly string[], language: Language): string {
  return MESSAGES.unknownEntity[language](names);
}
