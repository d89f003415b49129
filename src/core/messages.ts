import type { Language } from './types.js';

/** Every user-facing sentence of the engine, in both languages, in one place. */
export const MESSAGES = {
  empty: {
    fr: 'Posez-moi une question sur l’article (par exemple : « Combien Microsoft va-t-il investir au Japon ? »).',
    en: 'Ask me a question about the article (for example: “How much will Microsoft invest in Japan?”).',
  },
  unknownEntity: {
    fr: (name: string) => `L’article ne mentionne pas ${name}. Je ne peux répondre que sur ce qu’il dit.`,
    en: (name: string) => `The article does not mention ${name}. I can only answer from what it says.`,
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

export function unknownEntityMessage(name: string, language: Language): string {
  return MESSAGES.unknownEntity[language](name);
}
