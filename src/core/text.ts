// The package's two lists alone: its main module holds all 62 languages (about 1 MB of heap).
import { eng } from 'stopword/src/stopwords_eng.js';
import { fra } from 'stopword/src/stopwords_fra.js';
import { ENGLISH } from './english.js';
import { FRENCH } from './french.js';
import type { LanguageRules, QuestionClass } from './language.js';
import type { Language } from './types.js';

/** Lower-cases, folds accents and ligatures, and unifies apostrophes: the form every comparison uses. */
export function foldText(text: string): string {
  // Plain ASCII has nothing to fold but its capitals: most words are spared the Unicode passes.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  // Latin letters fold one by one, each as the passes below fold it alone (no letter of the
  // range joins its neighbour): French text is spared the two normalisations of the whole text.
  if (!BEYOND_LATIN.test(text)) return text.replace(NOT_PLAIN, foldLetter);
  return foldPasses(text);
}

/** Folding by Unicode passes over the whole text: what `foldText` gives for any text. */
export function foldPasses(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[’‘`´ʼ′]/g, "'")
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/**
 * What lies past the characters folded one by one: those are Latin letters and signs up to Latin
 * Extended-B, and general punctuation and currency signs (’, –, €, the narrow no-break space),
 * none of which combines with or changes its neighbours.
 */
const BEYOND_LATIN = /[\u0250-\u1fff]|[\u20d0-\uffff]/;
const LATIN_END = 0x20d0;
/** What folding changes or may change: capitals, the backtick and every character past ASCII. */
const NOT_PLAIN = /[^\t\n\r -@\x5b-\x5fa-~]/g;
/** Each character of the ranges, folded alone. */
const LATIN_FOLDS: readonly string[] = Array.from({ length: LATIN_END }, (_, code) => {
  const character = String.fromCharCode(code);
  return BEYOND_LATIN.test(character) ? character : foldPasses(character);
});
const foldLetter = (letter: string): string => LATIN_FOLDS[letter.charCodeAt(0)] ?? letter;

/** Printable ASCII and white space, but the backtick, which `foldText` turns into an apostrophe. */
const PLAIN_ASCII = /^[\t\n\r -_a-~]*$/;

/** Folds a word list once: every comparison reads folded words. */
function foldedSet(words: Iterable<string>): ReadonlySet<string> {
  return new Set([...words].map(foldText));
}

/** Chat spellings of question words (French SMS style, English chat), read as the words they stand for. */
const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map(
  [FRENCH, ENGLISH].flatMap((rules) => Object.entries(rules.chatSpellings)),
);

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
// "circulent de nouveau": again, not new (the languages' idioms, each read as the word it means).
const IDIOMS: ReadonlyMap<string, string> = new Map(
  [FRENCH, ENGLISH].flatMap((rules) => Object.entries(rules.idioms)),
);
const LITERAL_AFTER = [...FRENCH.literalAfter, ...ENGLISH.literalAfter];
const NOT_LITERAL = LITERAL_AFTER.length > 0 ? `(?<!(?:${LITERAL_AFTER.join('|')}) )` : '';
const IDIOM = new RegExp(`(?<!\\p{L})${NOT_LITERAL}(?:${[...IDIOMS.keys()].join('|')})(?!\\p{L})`, 'giu');
// What a text holding one holds, found without a pattern: the idioms' last words ("nouveau").
const IDIOM_ENDS = [...new Set([...IDIOMS.keys()].map((phrase) => phrase.split(' ').at(-1) ?? phrase))];
const idiomWord = (phrase: string): string => IDIOMS.get(phrase.toLowerCase()) ?? phrase;
// Decimal commas and points inside numbers ("2,9" and "2.9" are one token, "2.9").
// A currency sign is a word of its own: "$38" is 38 dollars.
const WORD = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+|[$€£¥]/gu;

/**
 * The rewrites before splitting, in order, each with what any text it changes holds (the same
 * letters, matched the same way): most knowledge texts hold none, and skip the costly patterns.
 */
const REWRITES: ReadonlyArray<readonly [needs: string | RegExp, pattern: RegExp, replacement: string]> = [
  [/j'ai/iu, FIRST_PERSON_AVOIR, '$1jai'],
  [/'s/iu, IS_CONTRACTION, '$1 is'],
  [/quest/iu, QUEST_CE, "$1qu'est"],
  [/what/iu, WHAT_FOR, 'why$1'],
  [/quoi/iu, SERT_A_QUOI, 'pourquoi'],
  [/apr/iu, ACCORDING_TO, '$1selon'],
  ["'", ELISION, '$1'],
  [/article|text|it (?:sa|tell|mention)|a dit/iu, ARTICLE_SAYS, 'article'],
  ["'", POSSESSIVE, '$1'],
];

/**
 * Texts split lately and their tokens: a text is often split again soon (an article's sentence
 * by its candidate questions, its analysis, its evidence and its names; a question is split once,
 * by `tokeniseOnce`). No reader changes the tokens it gets. Bounded, two generations, like the
 * folded words below.
 */
let split = { recent: new Map<string, readonly Token[]>(), older: new Map<string, readonly Token[]>() };
const SPLIT_CACHE = 64;

/**
 * Whether a word starts with a digit (of any script), or holds one. The patterns are made once
 * here: a regular expression literal written inside a function is a new object at every call,
 * and these run for every word of every sentence.
 */
const LEADING_NUMBER = /^\p{N}/u;
const ANY_NUMBER = /\p{N}/u;
export const startsWithNumber = (word: string): boolean => LEADING_NUMBER.test(word);
export const holdsNumber = (word: string): boolean => ANY_NUMBER.test(word);

/** Splits text into word tokens. Hyphens and apostrophes separate words; elisions are dropped. */
export function tokenise(text: string): readonly Token[] {
  let tokens = split.recent.get(text);
  if (tokens !== undefined) return tokens;
  tokens = split.older.get(text) ?? splitText(text);
  if (split.recent.size >= SPLIT_CACHE) split = { recent: new Map(), older: split.recent };
  split.recent.set(text, tokens);
  return tokens;
}

/**
 * A question's tokens, split and not kept: the engine reads a question once and hands its tokens
 * on. Questions seldom repeat, so kept ones would only be pushed out by the next 64, each set
 * living long enough to be copied by young collections and promoted (the bench's warm loop:
 * about a sixth of what survived a scavenge).
 */
export function tokeniseOnce(text: string): readonly Token[] {
  return split.recent.get(text) ?? split.older.get(text) ?? splitText(text);
}

/** A text as its words' norms joined by spaces: how glossary phrases and names are compared. */
export function phraseOf(text: string): string {
  return tokenise(text)
    .map((token) => token.norm)
    .join(' ');
}

function splitText(text: string): readonly Token[] {
  let cleaned = text.normalize('NFKC').replace(/[’‘`´ʼ′]/g, "'");
  if (IDIOM_ENDS.some((end) => cleaned.includes(end))) cleaned = cleaned.replace(IDIOM, idiomWord);
  for (const [needs, pattern, replacement] of REWRITES)
    if (typeof needs === 'string' ? cleaned.includes(needs) : needs.test(cleaned))
      cleaned = cleaned.replace(pattern, replacement);
  const tokens: Token[] = [];
  // The words alone: no match object per word.
  for (const raw of cleaned.match(WORD) ?? []) {
    const norm = normOf(raw);
    const first = raw[0] ?? '';
    const capitalised = first !== first.toLowerCase();
    tokens.push({ raw, norm, capitalised, index: tokens.length });
  }
  return tokens;
}

/**
 * Words already folded, up to a bound: a text repeats its words, and knowledge is read several
 * times. When the recent ones reach the bound they become the older ones, which a word in use
 * is carried over from.
 */
let norms = { recent: new Map<string, string>(), older: new Map<string, string>() };
const NORM_CACHE = 50_000;

/** A word's folded form for matching: decimal point unified, chat spellings read as the word. */
function normOf(raw: string): string {
  let norm = norms.recent.get(raw);
  if (norm !== undefined) return norm;
  norm = norms.older.get(raw);
  if (norm === undefined) {
    const folded = foldText(raw).replace(',', '.');
    norm = CHAT_SPELLINGS.get(folded) ?? folded;
  }
  if (norms.recent.size >= NORM_CACHE) norms = { recent: new Map(), older: norms.recent };
  norms.recent.set(raw, norm);
  return norm;
}

export type { QuestionClass } from './language.js';

/**
 * Question words by the kind of answer they ask for, in both languages: "qui" and "who" are one
 * intent. They weigh little and never select a fact alone; "quel", "what" say nothing of the
 * kind of answer and weigh least.
 */
export const QUESTION_CLASSES: ReadonlyMap<string, QuestionClass> = new Map(
  [FRENCH, ENGLISH].flatMap((rules) =>
    Object.entries(rules.questionWords).flatMap(([kind, words]) =>
      words.map((word) => [foldText(word), kind as QuestionClass] as const),
    ),
  ),
);

export const QUESTION_WORDS: ReadonlySet<string> = new Set(QUESTION_CLASSES.keys());

/** One word list of both languages, folded: `wordsOf('placeNouns')` holds ville and city. */
export function wordsOf(
  key: {
    [K in keyof LanguageRules]: LanguageRules[K] extends readonly string[] ? K : never;
  }[keyof LanguageRules],
): ReadonlySet<string> {
  return foldedSet([...FRENCH[key], ...ENGLISH[key]]);
}

/** A word-to-value table of both languages, with folded words. */
export function tableOf<T>(
  pick: (rules: LanguageRules) => Readonly<Record<string, T>>,
): ReadonlyMap<string, T> {
  return new Map(
    [FRENCH, ENGLISH].flatMap((rules) =>
      Object.entries(pick(rules)).map(([word, value]) => [foldText(word), value]),
    ),
  );
}

/** Nouns that, like "combien", ask for an amount or a count. */
export const QUANTITY_WORDS: ReadonlySet<string> = wordsOf('quantityNouns');

/** Nouns that ask for a place by its name: "dans quelle ville", "which city". */
export const CITY_WORDS: ReadonlySet<string> = wordsOf('placeNouns');

// "ai" (of avoir) only ever follows "j'", handled above; alone it is "AI".
const NOT_STOPWORDS = new Set(['ai']);

/** Function words of both languages, minus the question words. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  [...fra, ...eng, ...FRENCH.stopwords, ...ENGLISH.stopwords]
    .map(foldText)
    .filter((word) => !QUESTION_WORDS.has(word) && !NOT_STOPWORDS.has(word)),
);

/** Each language's own function words: French "chose" (thing) is filler, English "chose" a verb. */
const STOPWORDS_OF: Readonly<Record<Language, ReadonlySet<string>>> = {
  fr: new Set([...fra, ...FRENCH.stopwords].map(foldText)),
  en: new Set([...eng, ...ENGLISH.stopwords].map(foldText)),
};

/** Whether a function word of either language is one of `language`'s own. */
export const isStopwordOf = (norm: string, language: Language): boolean => STOPWORDS_OF[language].has(norm);

// Words that only one of the two languages uses, with accents as a French hint.
const FRENCH_HINTS = new Set(fra.map(foldText).concat(FRENCH.hints));
const ENGLISH_HINTS = new Set(eng.map(foldText).concat(ENGLISH.hints));
for (const word of [...FRENCH_HINTS]) {
  if (ENGLISH_HINTS.has(word)) {
    FRENCH_HINTS.delete(word);
    ENGLISH_HINTS.delete(word);
  }
}

/** How many signs of each language a text shows. */
export interface LanguageVotes {
  readonly fr: number;
  readonly en: number;
}

/**
 * Counts the signs of each language in a question: function words and accents.
 * `vocabularyLanguage` may vote for a content word the knowledge base knows in one language only.
 */
export function languageVotes(
  text: string,
  vocabularyLanguage: (word: string) => Language | null = () => null,
  tokens: readonly Token[] = tokenise(text),
): LanguageVotes {
  let fr = 0;
  let en = 0;
  if (/[àâçéèêëîïôûùüÿœ]/i.test(text)) fr += 1;
  if (/\b(?:qu|[cdjlmnst])['’]\p{L}/iu.test(text)) fr += 1;
  if (/\p{L}['’]s\b|n['’]t\b/iu.test(text)) en += 1;
  for (const token of tokens) {
    if (FRENCH_HINTS.has(token.norm)) fr += 2;
    else if (ENGLISH_HINTS.has(token.norm)) en += 2;
    else {
      const vote = vocabularyLanguage(token.norm);
      if (vote === 'fr') fr += 1;
      else if (vote === 'en') en += 1;
    }
  }
  return { fr, en };
}

/** The language that leads by at least `margin` votes, or null. */
export function leadingLanguage({ fr, en }: LanguageVotes, margin = 1): Language | null {
  if (Math.abs(fr - en) < margin) return null;
  return fr > en ? 'fr' : 'en';
}

/** Guesses the language of a question; null when nothing tells the two apart. */
export function detectLanguage(
  text: string,
  vocabularyLanguage: (word: string) => Language | null = () => null,
): Language | null {
  return leadingLanguage(languageVotes(text, vocabularyLanguage));
}
