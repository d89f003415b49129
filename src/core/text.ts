import { eng, fra } from 'stopword';
import type { Language } from './types.js';

/** Lower-cases, folds accents and ligatures, and unifies apostrophes: the form every comparison uses. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[’‘`´ʼ′]/g, "'")
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** Chat spellings of question words (French SMS style), read as the words they stand for. */
const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['pk', 'pourquoi'],
  ['pq', 'pourquoi'],
  ['pkoi', 'pourquoi'],
  ['pourkoi', 'pourquoi'],
  ['koi', 'quoi'],
  ['ki', 'qui'],
  ['kel', 'quel'],
  ['kelle', 'quelle'],
  ['kan', 'quand'],
  ['qd', 'quand'],
  ['cb', 'combien'],
  ['cmb', 'combien'],
  ['cmt', 'comment'],
  ['wat', 'what'],
  ['whats', 'what'],
  ['whos', 'who'],
  ['wheres', 'where'],
  ['hows', 'how'],
  ['wut', 'what'],
  ['wht', 'what'],
  ['wich', 'which'],
  ['whic', 'which'],
  ['wen', 'when'],
  ['whn', 'when'],
  ['wher', 'where'],
  ['hw', 'how'],
  ['keske', 'quoi'],
  ['kesk', 'quoi'],
  ['kesako', 'quoi'],
]);

export interface Token {
  /** The word as typed (elision removed), for naming it back to the user. */
  readonly raw: string;
  /** Folded form used for matching. */
  readonly norm: string;
  /** Starts with a capital letter (or is all capitals) in the original text. */
  readonly capitalised: boolean;
  /** Position among the tokens of the text. */
  readonly index: number;
}

// French elisions (l’, d’, qu’, jusqu’ …) and the English possessive: dropped before matching.
const ELISION = /(^|[^\p{L}])(?:qu|jusqu|lorsqu|puisqu|presqu|quoiqu|[cdjlmnst])'(?=\p{L})/giu;
// "j'ai" must not leave a bare "ai" behind: lower-case "ai" is how people type "AI".
const FIRST_PERSON_AVOIR = /(^|[^\p{L}])j'ai(?!\p{L})/giu;
// "what's" is "what is", not a possessive: glossary phrases such as "what is the article about" see it.
const IS_CONTRACTION = /\b(what|who|where|when|how|it|that|there|here)'s\b/giu;
// "quest ce que", typed without its apostrophe, is "qu'est-ce que", not a quest.
const QUEST_CE = /(^|[^\p{L}])quest(?=[- ]ce(?!\p{L}))/giu;
// "What's the money for?", "à quoi sert…", "ça sert à quoi": asking why, for what purpose.
const WHAT_FOR = /\bwhat(?:'s| is| are| was| were)?\b(.*?)\bfor\s*[?!.]*\s*$/iu;
const SERT_A_QUOI =
  /(?<!\p{L})(?:(?:a|à) quoi (?:ça |ca )?(?:sert|servent|servira|serviront|va servir|vont servir)|(?:sert|servent|servira|serviront)(?:-ils|-elles|-il|-elle)? (?:a|à) quoi)(?!\p{L})/giu;
// "Que dit l'article", "what does the article say": the article is the subject, not someone
// whose words are asked for (run once elisions are gone: "dit article").
const ARTICLE_SAYS = new RegExp(
  [
    '(?:dit|disait|raconte|indique|precise|précise|mentionne) (?:le |cet )?(?:article|texte)',
    '(?:article|texte) (?:dit|disait|raconte|indique|precise|précise|mentionne)',
    '(?:does|did|do) (?:the |this )?(?:article|text|it) (?:say|said|tell|mention)',
    '(?:the |this )?(?:article|text) (?:says|said|tells|mentions)',
    '(?:ça|ca) dit',
  ]
    .map((phrase) => `(?<!\\p{L})${phrase}(?!\\p{L})`)
    .join('|'),
  'giu',
);
// "d'après l'article" is "selon l'article": the source, not "after".
const ACCORDING_TO = /(^|[^\p{L}])d'?apr[eè]s(?!\p{L})/giu;
const POSSESSIVE = /(\p{L})'s?(?=[^\p{L}]|$)/gu;
// Decimal commas and points inside numbers ("2,9" and "2.9" are one token, "2.9").
const WORD = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+/gu;

/** Splits text into word tokens. Hyphens and apostrophes separate words; elisions are dropped. */
export function tokenise(text: string): Token[] {
  const cleaned = text
    .normalize('NFKC')
    .replace(/[’‘`´ʼ′]/g, "'")
    .replace(FIRST_PERSON_AVOIR, '$1jai')
    .replace(IS_CONTRACTION, '$1 is')
    .replace(QUEST_CE, "$1qu'est")
    .replace(WHAT_FOR, 'why$1')
    .replace(SERT_A_QUOI, 'pourquoi')
    .replace(ACCORDING_TO, '$1selon')
    .replace(ELISION, '$1')
    .replace(ARTICLE_SAYS, 'article')
    .replace(POSSESSIVE, '$1');
  const tokens: Token[] = [];
  for (const match of cleaned.matchAll(WORD)) {
    const raw = match[0];
    const folded = foldText(raw).replace(',', '.');
    const norm = CHAT_SPELLINGS.get(folded) ?? folded;
    const first = raw[0] ?? '';
    const capitalised = first !== first.toLowerCase();
    tokens.push({ raw, norm, capitalised, index: tokens.length });
  }
  return tokens;
}

/**
 * Question words by the kind of answer they ask for, in both languages: "qui" and "who" are one
 * intent. They weigh little and never select a fact alone; "quel", "what" say nothing of the
 * kind of answer and weigh least.
 */
export type QuestionClass =
  | 'person'
  | 'time'
  | 'place'
  | 'reason'
  | 'manner'
  | 'amount'
  | 'name'
  | 'speech'
  | 'generic';

const QUESTION_CLASS_WORDS: Record<QuestionClass, string[]> = {
  person: ['qui', 'who', 'whom', 'whose'],
  time: ['quand', 'when'],
  place: ['ou', 'where'],
  reason: ['pourquoi', 'why'],
  manner: ['comment', 'how'],
  amount: ['combien', 'much', 'many'],
  // "quel est le nom", "what is it called": asks for a name.
  name: [
    'nom',
    'noms',
    'appelle',
    'appellent',
    'appellera',
    'appele',
    'appelee',
    'appeles',
    'name',
    'names',
    'named',
    'called',
  ],
  // "qu'a dit Kishida", "what did Biden say": asks for someone's words.
  speech: [
    'dit',
    'dire',
    'disent',
    'declare',
    'declarer',
    'declarent',
    'affirme',
    'affirmer',
    'say',
    'says',
    'said',
  ],
  generic: ['que', 'quoi', 'quel', 'quelle', 'quels', 'quelles', 'lequel', 'laquelle', 'what', 'which'],
};

export const QUESTION_CLASSES: ReadonlyMap<string, QuestionClass> = new Map(
  Object.entries(QUESTION_CLASS_WORDS).flatMap(([kind, words]) =>
    words.map((word) => [foldText(word), kind as QuestionClass] as const),
  ),
);

export const QUESTION_WORDS: ReadonlySet<string> = new Set(QUESTION_CLASSES.keys());

/** Nouns that, like "combien", ask for an amount or a count. */
export const QUANTITY_WORDS: ReadonlySet<string> = new Set([
  'montant',
  'somme',
  'chiffre',
  'nombre',
  'total',
  'amount',
  'sum',
  'figure',
  'number',
]);

/** Nouns that ask for a place by its name: "dans quelle ville", "which city". */
export const CITY_WORDS: ReadonlySet<string> = new Set([
  'ville',
  'villes',
  'city',
  'cities',
  'town',
  'towns',
]);

const EXTRA_STOPWORDS = [
  // French forms the stopword list lacks, mostly from inversions ("va-t-il") and chat style.
  'jai',
  'va',
  'vont',
  'est-ce',
  'cest',
  'ca',
  'ça',
  'sont-ils',
  'fait',
  'faire',
  'dit',
  'dire',
  'selon',
  'article',
  'texte',
  'contexte',
  'context',
  // Words about the text rather than its topic ("cités dans l'article", "mentioned").
  'cite',
  'cites',
  'citee',
  'citees',
  'mentionne',
  'mentionnes',
  'mentionnee',
  'mentionnees',
  'mentioned',
  'cited',
  'mention',
  'mentions',
  'mentionner',
  // "du côté de Microsoft", "il y a" typed "ya": no topic in them.
  'cote',
  'ya',
  // Where a place is: "où est situé", "where is it located" ask the place, which "où" says.
  'situe',
  'situee',
  'situes',
  'situees',
  'located',
  'situated',
  'grace',
  'moi',
  'nous',
  'svp',
  'stp',
  'bien',
  'aussi',
  'alors',
  'donc',
  'tout',
  'tous',
  'toute',
  'toutes',
  // "tu sais combien…", "do you know who…": the question follows.
  'sais',
  'sait',
  'savez',
  'savoir',
  'know',
  'knows',
  'peu',
  'autant',
  'tant',
  'tres',
  'plus',
  // Greetings, thanks and chat noise: a message made only of them gets the help text.
  'bonjour',
  'bonsoir',
  'salut',
  'coucou',
  'merci',
  'hello',
  'hi',
  'hey',
  'yo',
  'thanks',
  'thank',
  'thx',
  'ok',
  'okay',
  'lol',
  'mdr',
  'bye',
  'help',
  'aide',
  // Light verbs that say nothing of the topic.
  'make',
  'makes',
  'making',
  'made',
  'get',
  'gets',
  'getting',
  'got',
  'take',
  'takes',
  'taking',
  'took',
  'having',
  'doing',
  'done',
  // Requests and filler around the topic: "explique le truc sur…", "tell me about…".
  'explique',
  'expliquer',
  'expliquez',
  'explain',
  'decris',
  'decrire',
  'describe',
  'raconte',
  'raconter',
  'truc',
  'trucs',
  'machin',
  'delire',
  'thing',
  'things',
  'stuff',
  // English auxiliaries and filler.
  'will',
  'shall',
  'does',
  'doe',
  'did',
  'do',
  'going',
  'gonna',
  'please',
  'tell',
  'say',
  'says',
  'according',
  'article',
  'text',
  'us',
  'its',
  'just',
  'really',
  'the',
  'a',
  'an',
];

// "ai" (of avoir) only ever follows "j'", handled above; alone it is "AI".
const NOT_STOPWORDS = new Set(['ai']);

/** Function words of both languages, minus the question words. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  [...fra, ...eng, ...EXTRA_STOPWORDS]
    .map(foldText)
    .filter((word) => !QUESTION_WORDS.has(word) && !NOT_STOPWORDS.has(word)),
);

// Words that only one of the two languages uses, with accents as a French hint.
const FRENCH_HINTS = new Set(
  fra
    .map(foldText)
    .concat(['combien', 'quand', 'pourquoi', 'comment', 'bonjour', 'bonsoir', 'salut', 'coucou', 'merci']),
);
const ENGLISH_HINTS = new Set(
  eng.map(foldText).concat(['will', 'does', 'did', 'do', 'hello', 'hi', 'hey', 'thanks', 'please', 'lol']),
);
for (const word of [...FRENCH_HINTS]) {
  if (ENGLISH_HINTS.has(word)) {
    FRENCH_HINTS.delete(word);
    ENGLISH_HINTS.delete(word);
  }
}

/**
 * Guesses the language of a question from its function words and accents.
 * `vocabularyLanguage` may vote for a content word the knowledge base knows in one language only.
 * Returns null when nothing tells the two apart.
 */
export function detectLanguage(
  text: string,
  vocabularyLanguage: (word: string) => Language | null = () => null,
): Language | null {
  let fr = 0;
  let en = 0;
  if (/[àâçéèêëîïôûùüÿœ]/i.test(text)) fr += 1;
  if (/\b(?:qu|[cdjlmnst])['’]\p{L}/iu.test(text)) fr += 1;
  if (/\p{L}['’]s\b|n['’]t\b/iu.test(text)) en += 1;
  for (const token of tokenise(text)) {
    if (FRENCH_HINTS.has(token.norm)) fr += 2;
    else if (ENGLISH_HINTS.has(token.norm)) en += 2;
    else {
      const vote = vocabularyLanguage(token.norm);
      if (vote === 'fr') fr += 1;
      else if (vote === 'en') en += 1;
    }
  }
  if (fr === en) return null;
  return fr > en ? 'fr' : 'en';
}
