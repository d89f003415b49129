import type { Language } from './types.js';
import { LANGUAGES } from './types.js';

/**
 * The words `candidates.ts` writes candidate questions with, one module per language as for the
 * engine's word lists: the templates, and the small words that tell a name, a place or a time
 * in a sentence. The logic names no word of either language.
 */

/** What a candidate question asks about, most telling first: the order questions are picked in. */
export const CANDIDATE_KINDS = [
  'person',
  'speech',
  'money',
  'time',
  'date',
  'place',
  'count',
  'figure',
  'name',
] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

export interface QuestionTemplates {
  /**
   * One template a kind. `{name}`, `{place}` and `{noun}` are filled with the article's words,
   * `{value}` and `{time}` with them too, inside the quotation marks the template shows.
   * `time` is a time with its preposition as written ("on Tuesday"), `date` one without.
   */
  readonly templates: Readonly<Record<CandidateKind, string>>;
  /** Where a template joins a word that starts with a vowel: "de " before "allers" is "d’". */
  readonly elisions: ReadonlyArray<readonly [full: string, elided: string]>;
  /** Prepositions of place kept as written before a name ("au Japon"); another becomes `placePreposition`. */
  readonly placePrepositions: readonly string[];
  readonly placePreposition: string;
  /** Small words inside one name: "Banque de France", "Bank of America". */
  readonly nameParticles: readonly string[];
  /** Articles written before a name, kept in a question of the same language: "the Mid West Herald". */
  readonly articles: readonly string[];
  /** Titles before a person's name: "Dr Priya Nandakumar". */
  readonly personTitles: readonly string[];
  /** Words before a time that belong to it ("depuis lundi", "by 2030"), longest first. */
  readonly timePrepositions: readonly string[];
  /** A time of day as the language writes it: "6 h 42", "6:42 pm". */
  readonly clock: RegExp;
  /** What follows a number to make it a percentage: "60 %", "60 per cent". */
  readonly percentSigns: readonly string[];
  /** Whether days and months take a capital ("Tuesday"): a lower-case "may" is then no month. */
  readonly capitalisedCalendar: boolean;
}

/** Signs of money written before or after a number in both languages: "$410 million", "45 €". */
export const CURRENCY_SIGNS = ['$', '€', '£', '¥'] as const;

/** How many candidate questions a sentence gets, at most, in each language. */
export const MAX_CANDIDATES = 4;

const fr: QuestionTemplates = {
  templates: {
    person: 'Qui est {name} ?',
    speech: 'Qu’a déclaré {name} ?',
    money: 'À quoi correspond la somme de « {value} » ?',
    time: 'Que se passe-t-il « {time} » ?',
    date: 'Que dit l’article de « {time} » ?',
    place: 'Que se passe-t-il {place} ?',
    count: 'Combien de {noun} ?',
    figure: 'À quoi correspond « {value} » ?',
    name: 'Que dit l’article sur {name} ?',
  },
  elisions: [['de ', 'd’']],
  placePrepositions: ['à', 'au', 'aux', 'en'],
  placePreposition: 'à',
  nameParticles: ['de', 'du', 'des', 'la', 'le', 'les', 'sur'],
  articles: ['le', 'la', 'les', 'l’'],
  personTitles: ['M.', 'Mme', 'Mlle', 'Dr', 'Pr', 'Me'],
  timePrepositions: [
    'jusqu’en',
    'jusqu’au',
    'd’ici à',
    'd’ici',
    'depuis',
    'dès',
    'avant',
    'après',
    'vers',
    'en',
    'le',
    'à',
  ],
  clock: /\b\d{1,2} ?h ?\d{2}\b/gu,
  percentSigns: [' pour cent', ' %', '%'],
  capitalisedCalendar: false,
};

const en: QuestionTemplates = {
  templates: {
    person: 'Who is {name}?',
    speech: 'What did {name} say?',
    money: 'What is the sum of “{value}” for?',
    time: 'What happens “{time}”?',
    date: 'What does the article say about “{time}”?',
    place: 'What happens {place}?',
    count: 'How many {noun}?',
    figure: 'What does “{value}” refer to?',
    name: 'What does the article say about {name}?',
  },
  elisions: [],
  placePrepositions: ['in', 'at'],
  placePreposition: 'in',
  nameParticles: ['of', 'the', 'de', 'du', 'von', 'van'],
  articles: ['the'],
  personTitles: ['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sir', 'Dame', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.'],
  timePrepositions: ['until', 'since', 'before', 'after', 'from', 'by', 'on', 'in', 'at'],
  clock: /\b\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?!\d)|\b\d{1,2} ?[ap]\.?m\.?(?!\w)/giu,
  percentSigns: [' per cent', ' percent', ' %', '%'],
  capitalisedCalendar: true,
};

export const QUESTION_TEMPLATES: Readonly<Record<Language, QuestionTemplates>> = { fr, en };

/** What follows a number to make it a percentage, in either language ("54%", "54 per cent"). */
export const PERCENT_SIGNS: readonly string[] = [
  ...new Set(LANGUAGES.flatMap((language) => QUESTION_TEMPLATES[language].percentSigns)),
];
