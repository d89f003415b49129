import type { Language } from '../core/types.js';

/** Every user-facing string of the Discord door, in both languages, in one place. */
export const STRINGS = {
  fr: {
    confidence: 'confiance',
    notCovered: (searched: number) => (searched > 1 ? 'Pas dans les articles' : 'Pas dans l’article'),
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
    /** `titles`: one « title », or several titles already joined. */
    help: (count: number, titles: string, example: string | null) =>
      [
        count === 1
          ? `Je réponds aux questions sur un article de presse, ${titles}, en citant ses mots exacts.`
          : `Je réponds aux questions sur ${count} articles de presse (${titles}), en citant leurs mots exacts.`,
        '• `/ask question:…` (ajoutez `privé:True` pour une réponse visible de vous seul, `article:…` pour n’interroger qu’un article)',
        '• mentionnez-moi dans un salon, suivi de votre question',
        '• écrivez-moi en message privé',
        '• clic droit sur un message → Applications → « Demander à propos de ce message »',
        ...(example ? [`Exemple : ${example}`] : []),
        '`/about` dit ce que je sais.',
      ].join('\n'),
    quoted: (title: string) => `« ${title} »`,
    aboutTitle: 'Ce que je sais',
    aboutArticle: (position: number) => `Article ${position}`,
    /** "Langue : français · date : 2024-04-09 · 39 faits vérifiés" */
    aboutFacts: (languageName: string, date: string | null, facts: number) =>
      `Langue : ${languageName} · ${date ? `date : ${date}` : 'date inconnue'} · ${facts} fait${facts > 1 ? 's' : ''} vérifié${facts > 1 ? 's' : ''}`,
    aboutHowTo: 'Comment demander',
    aboutExample: 'Exemple',
    aboutDescription: (count: number) =>
      count === 1
        ? 'Je connais un article. Je réponds en français ou en anglais, en citant ses mots exacts et leur place (paragraphe, phrase). Quand il ne dit pas quelque chose, je le dis.'
        : `Je connais ${count} articles. Je réponds en français ou en anglais, en citant leurs mots exacts et leur place (paragraphe, phrase), et je nomme l’article. Quand ils ne disent pas quelque chose, je le dis.`,
    moreArticles: (count: number) =>
      `… et ${count} autre${count > 1 ? 's' : ''} : l’option \`article\` de \`/ask\` les propose tous.`,
    aboutHow: '`/ask`, une mention, un message privé, ou le menu d’un message (Applications).',
    unknownArticle: (value: string, titles: string) =>
      `Je ne connais pas d’article « ${value} ». Choisissez-en un dans les suggestions de l’option \`article\`, par exemple : ${titles}.`,
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
    notCovered: (searched: number) => (searched > 1 ? 'Not in the articles' : 'Not in the article'),
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
    /** `titles`: one “title”, or several titles already joined. */
    help: (count: number, titles: string, example: string | null) =>
      [
        count === 1
          ? `I answer questions about a news article, ${titles}, and quote its exact words.`
          : `I answer questions about ${count} news articles (${titles}) and quote their exact words.`,
        '• `/ask question:…` (add `private:True` for a reply only you can see, `article:…` to ask one article only)',
        '• mention me in a channel, followed by your question',
        '• send me a direct message',
        '• right-click a message → Apps → “Ask about this message”',
        ...(example ? [`Example: ${example}`] : []),
        '`/about` tells what I know.',
      ].join('\n'),
    quoted: (title: string) => `“${title}”`,
    aboutTitle: 'What I know',
    aboutArticle: (position: number) => `Article ${position}`,
    /** "Language: French · date: 2024-04-09 · 39 reviewed facts" */
    aboutFacts: (languageName: string, date: string | null, facts: number) =>
      `Language: ${languageName} · ${date ? `date: ${date}` : 'date unknown'} · ${facts} reviewed fact${facts === 1 ? '' : 's'}`,
    aboutHowTo: 'How to ask',
    aboutExample: 'Example',
    aboutDescription: (count: number) =>
      count === 1
        ? 'I know one article. I answer in French or English, quoting its exact words and where they are (paragraph, sentence). When it does not say something, I tell you so.'
        : `I know ${count} articles. I answer in French or English, quoting their exact words and where they are (paragraph, sentence), and I name the article. When they do not say something, I tell you so.`,
    moreArticles: (count: number) =>
      `… and ${count} more: the \`article\` option of \`/ask\` offers them all.`,
    aboutHow: '`/ask`, a mention, a direct message, or a message’s menu (Apps).',
    unknownArticle: (value: string, titles: string) =>
      `I know no article “${value}”. Pick one from the suggestions of the \`article\` option, for example: ${titles}.`,
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
