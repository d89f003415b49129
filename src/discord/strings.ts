import type { Language } from '../core/types.js';

/** Every user-facing string of the Discord door, in both languages, in one place. */
export const STRINGS = {
  fr: {
    confidence: 'confiance',
    notCovered: 'Pas dans l’article',
    question: 'Question',
    related: 'Questions liées…',
    couldAsk: 'Vous pouvez demander…',
    helpful: 'Utile',
    notHelpful: 'Pas utile',
    voteThanks: 'Merci ! Votre avis est enregistré (sans votre nom).',
    voteAlready: 'Votre avis sur cette réponse est déjà enregistré.',
    voteFailed: 'Désolé, votre avis n’a pas pu être enregistré. Réessayez plus tard.',
    expired: 'Ce bouton ne correspond plus à rien que je connaisse. Posez la question avec /ask.',
    unknownCommand: 'Je ne connais plus cette commande. Essayez /ask, /about ou /help.',
    noText: 'Ce message ne contient pas de texte sur lequel poser une question.',
    failed: 'Désolé, quelque chose s’est mal passé. Réessayez dans un instant.',
    cooldown: (waitSeconds: number, questions: number, windowSeconds: number) =>
      `Doucement : vous avez posé ${questions} questions en moins de ${windowSeconds} s. Réessayez dans ${waitSeconds} s. (Je ne répondrai pas d’ici là.)`,
    helpTitle: 'Comment me poser une question',
    help: (example: string) =>
      [
        'Je réponds aux questions sur un article de presse, en citant ses mots exacts.',
        '• `/ask question:…` (ajoutez `privé:True` pour une réponse visible de vous seul)',
        '• mentionnez-moi dans un salon, suivi de votre question',
        '• écrivez-moi en message privé',
        '• clic droit sur un message → Applications → « Demander à propos de ce message »',
        `Exemple : ${example}`,
        '`/about` dit ce que je sais.',
      ].join('\n'),
    aboutTitle: 'Ce que je sais',
    aboutSource: 'Source',
    aboutLanguage: 'Langue de l’article :',
    aboutTopics: 'Sujets couverts',
    aboutHowTo: 'Comment demander',
    aboutExample: 'Exemple',
    aboutDescription:
      'Je ne connais qu’un article. Je réponds en français ou en anglais, en citant ses mots exacts et leur place (paragraphe, phrase). Quand il ne dit pas quelque chose, je le dis.',
    aboutHow: '`/ask`, une mention, un message privé, ou le menu d’un message (Applications).',
    languageName: { fr: 'français', en: 'anglais' },
    reloaded: (articles: number, facts: number, changes: string) =>
      `Connaissances rechargées : ${articles} article${articles > 1 ? 's' : ''}, ${facts} fait${facts > 1 ? 's' : ''} ${changes}.`,
    glossaryChanges: (changes: string) => `, glossaire ${changes}`,
    reloadFailed: (errors: number) =>
      `Rien n’a changé : les fichiers ont ${errors} erreur${errors > 1 ? 's' : ''}, je garde les connaissances d’avant.`,
    moreErrors: (count: number) => `… et ${count} de plus.`,
    reloadForbidden: 'Recharger mes connaissances demande la permission Gérer le serveur.',
  },
  en: {
    confidence: 'confidence',
    notCovered: 'Not in the article',
    question: 'Question',
    related: 'Related questions…',
    couldAsk: 'You could ask…',
    helpful: 'Helpful',
    notHelpful: 'Not helpful',
    voteThanks: 'Thanks! Your vote is recorded (without your name).',
    voteAlready: 'Your vote on this answer is already recorded.',
    voteFailed: 'Sorry, your vote could not be recorded. Please try again later.',
    expired: 'This button no longer matches anything I know. Ask with /ask instead.',
    unknownCommand: 'I no longer know this command. Try /ask, /about or /help.',
    noText: 'That message has no text to ask about.',
    failed: 'Sorry, something went wrong. Please try again in a moment.',
    cooldown: (waitSeconds: number, questions: number, windowSeconds: number) =>
      `Easy there: you have asked ${questions} questions in under ${windowSeconds} s. Please try again in ${waitSeconds} s. (I will not answer until then.)`,
    helpTitle: 'How to ask me',
    help: (example: string) =>
      [
        'I answer questions about one news article and quote its exact words.',
        '• `/ask question:…` (add `private:True` for a reply only you can see)',
        '• mention me in a channel, followed by your question',
        '• send me a direct message',
        '• right-click a message → Apps → “Ask about this message”',
        `Example: ${example}`,
        '`/about` tells what I know.',
      ].join('\n'),
    aboutTitle: 'What I know',
    aboutSource: 'Source',
    aboutLanguage: 'Article language:',
    aboutTopics: 'Topics covered',
    aboutHowTo: 'How to ask',
    aboutExample: 'Example',
    aboutDescription:
      'I know one article. I answer in French or English, quoting its exact words and where they are (paragraph, sentence). When it does not say something, I tell you so.',
    aboutHow: '`/ask`, a mention, a direct message, or a message’s menu (Apps).',
    languageName: { fr: 'French', en: 'English' },
    reloaded: (articles: number, facts: number, changes: string) =>
      `Knowledge reloaded: ${articles} article${articles === 1 ? '' : 's'}, ${facts} fact${facts === 1 ? '' : 's'} ${changes}.`,
    glossaryChanges: (changes: string) => `, glossary ${changes}`,
    reloadFailed: (errors: number) =>
      `Nothing changed: the files have ${errors} error${errors === 1 ? '' : 's'}, so I keep serving the knowledge I had.`,
    moreErrors: (count: number) => `… and ${count} more.`,
    reloadForbidden: 'Reloading my knowledge takes the Manage Server permission.',
  },
} as const satisfies Record<Language, unknown>;

export type Strings = (typeof STRINGS)[Language];

export function stringsFor(language: Language): Strings {
  return STRINGS[language];
}

/** Discord locales (`fr`, `en-US`, `en-GB`, …) to the engine's languages; English otherwise. */
export function languageOfLocale(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
