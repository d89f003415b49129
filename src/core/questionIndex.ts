import Fuse from 'fuse.js';
import { bestRanked } from './bestRanked.js';
import { PairIndex } from './pairIndex.js';
import { SubstringIndex } from './substringIndex.js';
import { detectLanguage, foldText, STOPWORDS } from './text.js';
import type { KnowledgeBase, Language } from './types.js';
import { LANGUAGES } from './types.js';

/** One alternate question of a fact, as offered by `/ask` autocomplete and the related-questions menu. */
export interface KnownQuestion {
  /** `${factId}:${language}:${index}`: short, stable, safe in a Discord custom_id or select value. */
  readonly key: string;
  readonly factId: string;
  readonly language: Language;
  readonly text: string;
  readonly featured: boolean;
}

export interface QuestionIndex {
  readonly entries: readonly KnownQuestion[];
  /** Up to `limit` (default 25) known questions for what has been typed so far. */
  suggest(typed: string, language: Language, limit?: number): KnownQuestion[];
  byKey(key: string): KnownQuestion | undefined;
  /** The entry whose text is exactly this question (engine suggestions are texts). */
  byText(text: string): KnownQuestion | undefined;
}

/** Discord shows at most 25 autocomplete choices or select options. */
export const MAX_SUGGESTIONS = 25;
/** Only this much of the typed text is read (Discord's own limit for an option value is 100). */
const MAX_TYPED_CHARS = 100;
/** At most this many words of the typed text are searched, so that the work stays bounded. */
const MAX_WORDS = 8;
/** fuse.js's bitap compares 32 characters at a time: longer words and phrases are cut there. */
const MAX_PATTERN_CHARS = 32;
/** Words shorter than this match only the start of a word, as typed: one slip in 3 letters matches anything. */
const FUZZY_FROM = 4;
/** fuse.js score (slips / length) up to which a word matches: one slip in 4 letters, two in 8. */
const THRESHOLD = 0.26;
/** Work per typed word is cached; the cache is emptied when it holds this many. */
const TERM_CACHE = 1000;

/*
 * Ranking, lowest first: the mean score of the typed words (0 when each starts a word of the
 * question, the fuse.js share of slips for a typo) plus these penalties. They are small next to a
 * slip (one in 7 letters is 0.14) except the language one: a question in the other language comes
 * first only when it matches clearly better.
 */
/** A typed word found inside a word of the question rather than at its start ("vest"). */
const INSIDE_WORD_PENALTY = 0.05;
/** A question not in the preferred language. */
const OTHER_LANGUAGE_PENALTY = 0.15;
/** When no question has every typed word: each one missing weighs more than a slip or the language. */
const MISSING_WORD_PENALTY = 0.3;
/** A keyword alternate ("montant investissement japon") reads less well than a real question. */
const KEYWORDS_PENALTY = 0.04;
/** The question lacks the typed words as typed, in order ("qu'est-ce que" → "Qu'est-ce que NHK ?"). */
const NOT_PHRASE_PENALTY = 0.03;
/** The question is not exactly what was typed: one typed in full comes before longer ones that hold it. */
const NOT_EXACT_PENALTY = 0.01;
/** The question does not start with the first typed word ("combien" → "Combien …" first). */
const NOT_QUESTION_START_PENALTY = 0.02;
/**
 * Each alternate of a fact already listed. All of a fact's alternates lead to the same answer:
 * 25 rewordings of two facts would hide the other facts the reader may be after. So a fact's
 * second question comes after the equally good questions of other facts, and a fact shows at
 * most `PER_FACT`, enough for readers to recognise their own wording.
 */
const REPEAT_PENALTY = 0.1;
const PER_FACT = 2;

// Numbers keep their decimal separator ("2,9" and "2.9" are one word, "2.9"); other punctuation,
// emoji and control characters separate words. Words are letters, digits and "." only.
const WORD = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+/gu;

interface Indexed {
  readonly entry: KnownQuestion;
  /** The fact's number: its questions are one group of the list, shown `PER_FACT` at most. */
  readonly fact: number;
  /** The fact's first question in its language. */
  readonly first: boolean;
  /** Its text, read once for every question written alike. */
  readonly read: ReadText;
}

/** A distinct question text, read: its folded words, numbered in the vocabulary of every question. */
interface ReadText {
  /** The folded words of the question, joined by single spaces. */
  readonly folded: string;
  /** Its words' numbers in the vocabulary, in order (see `Vocabulary`). */
  readonly numbers: readonly number[];
  /** The number of its folded text among those of every question (texts may fold alike). */
  readonly phrase: number;
  /** A real question, not a keyword alternate. */
  readonly question: boolean;
}

/**
 * Every word of the questions, numbered in the order first met, each with its number: the
 * postings, letter pairs and score boards read words by number, and no string is hashed twice.
 */
class Vocabulary {
  readonly words: string[] = [];
  readonly numberOf = new Map<string, number>();

  number(word: string): number {
    let number = this.numberOf.get(word);
    if (number === undefined) {
      number = this.words.length;
      this.words.push(word);
      this.numberOf.set(word, number);
    }
    return number;
  }
}

/** What was typed, folded. */
interface Typed {
  readonly words: readonly string[];
  /** The words joined by single spaces, as the questions are indexed. */
  readonly phrase: string;
  readonly first: string;
  /** The language to list first. */
  readonly preferred: Language;
}

/** Folded words: letters and digits only. */
function foldedWords(text: string): string[] {
  // The words alone: no match object per word (80,000 questions are folded at 1,000 articles).
  const found = foldText(text).match(WORD) ?? [];
  for (let i = 0; i < found.length; i++) {
    const word = found[i] as string;
    if (word.includes(',')) found[i] = word.replace(',', '.');
  }
  return found;
}

/**
 * The strings that may hold `pattern` within THRESHOLD slips. Each slip spoils at most two
 * letter pairs of the pattern, so a match keeps all but 2 × slips of them (q-gram lemma).
 */
function candidates(index: PairIndex, pattern: string): number[] {
  const { pairs, counts } = index.shared(pattern);
  const needed = Math.max(1, pairs - 2 * Math.floor(THRESHOLD * pattern.length));
  return [...counts]
    .filter(([, count]) => count >= needed)
    .map(([id]) => id)
    .sort((a, b) => a - b);
}

const FUSE_OPTIONS = {
  includeScore: true,
  // Anywhere in the string, scored by slips only: the field-length norm would blur the scores.
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: THRESHOLD,
};

/** fuse.js over the candidate strings only: their ids with the share of slips (0..THRESHOLD). */
function fuzzy(texts: readonly string[], ids: readonly number[], pattern: string): Map<number, number> {
  const found = new Map<number, number>();
  if (ids.length === 0) return found;
  const fuse = new Fuse(
    ids.map((id) => texts[id] ?? ''),
    FUSE_OPTIONS,
  );
  for (const { refIndex, score } of fuse.search(pattern)) {
    const id = ids[refIndex];
    if (id !== undefined) found.set(id, score ?? THRESHOLD);
  }
  return found;
}

function clampLimit(limit: number | undefined): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return MAX_SUGGESTIONS;
  return Math.min(MAX_SUGGESTIONS, Math.max(1, Math.trunc(limit)));
}

/**
 * Every alternate question of every fact, in both languages, searchable as it is typed.
 *
 * Matching is per word, so word order does not matter: each typed word (function words dropped)
 * matches the vocabulary words it starts (a word being typed), else those it is inside, else —
 * the typo case — those fuse.js finds within one slip in 4 letters. A question matches a typed
 * word through any of its words; questions with every typed word are listed, else those with the
 * most. Searching the ~750-word vocabulary, pre-filtered by shared letter pairs, instead of the
 * ~600 whole questions with fuse.js extended search keeps a call well under a millisecond (the
 * latter took 1.3–2.5 ms for one or two words and 10–16 ms for long or unmatched input).
 */
export function createQuestionIndex(knowledge: KnowledgeBase): QuestionIndex {
  const { items: listed, starts, byText, vocabulary, phrases } = indexQuestions(knowledge);
  const entries: readonly KnownQuestion[] = listed.map((item) => item.entry);
  const defaults: Record<Language, readonly KnownQuestion[]> = {
    fr: mostUseful(listed, 'fr'),
    en: mostUseful(listed, 'en'),
  };
  // Numbered in the order that breaks ties of rank: featured facts' questions first, then knowledge order.
  const items = listed
    .filter((item) => item.entry.featured)
    .concat(listed.filter((item) => !item.entry.featured));
  const search = createSearch(items, vocabulary, phrases);

  const suggest = (typed: string, language: Language, limit?: number): KnownQuestion[] => {
    const max = clampLimit(limit);
    const preferredLocale: Language = language === 'en' ? 'en' : 'fr';
    const text = typeof typed === 'string' ? typed.slice(0, MAX_TYPED_CHARS) : '';
    const words = foldedWords(text).map((word) => word.slice(0, MAX_PATTERN_CHARS));
    const first = words[0];
    if (first === undefined) return defaults[preferredLocale].slice(0, max);
    // The words typed may tell their language ("who is", "combien"); else the user's locale.
    const preferred = detectLanguage(text) ?? preferredLocale;
    return search({ words, phrase: words.join(' '), first, preferred }, max);
  };

  return {
    entries,
    suggest,
    byKey: (key) => entryOfKey(entries, starts, key),
    byText: (text) => (typeof text === 'string' ? byText.get(text.trim()) : undefined),
  };
}

/** Where each fact's questions start among the entries, by language (see `entryOfKey`). */
type Starts = Map<string, Record<Language, number>>;

/**
 * The entry of a key, found from the fact's place and the question's number in it: a map of every
 * key would cost a hundred thousand entries, and its keys' hashes, at each start.
 */
function entryOfKey(
  entries: readonly KnownQuestion[],
  starts: Starts,
  key: string,
): KnownQuestion | undefined {
  if (typeof key !== 'string') return undefined;
  const last = key.lastIndexOf(':');
  const before = last > 0 ? key.lastIndexOf(':', last - 1) : -1;
  if (before < 0) return undefined;
  const language = key.slice(before + 1, last);
  if (language !== 'fr' && language !== 'en') return undefined;
  const start = starts.get(key.slice(0, before))?.[language];
  const index = Number(key.slice(last + 1));
  if (start === undefined || !Number.isInteger(index) || index < 0) return undefined;
  const entry = entries[start + index];
  // The number must be the one written ("1", not "01" or "1.0") and within the fact's questions.
  return entry?.key === key ? entry : undefined;
}

/**
 * Every alternate question of every fact, in both languages, with its folded words, in knowledge
 * order; where each fact's questions start; the first entry of each text, trimmed; and the
 * vocabulary of their words, numbered as first met.
 */
function indexQuestions(knowledge: KnowledgeBase): {
  items: Indexed[];
  starts: Starts;
  byText: Map<string, KnownQuestion>;
  vocabulary: Vocabulary;
  phrases: Vocabulary;
} {
  const items: Indexed[] = [];
  const starts: Starts = new Map();
  const byText = new Map<string, KnownQuestion>();
  const vocabulary = new Vocabulary();
  const phrases = new Vocabulary();
  // Questions recur word for word (copies of an article, "Combien ?" forms): each distinct text
  // is read once, and its questions share what was read (it is only read).
  const texts = new Map<string, ReadText>();
  knowledge.facts.forEach((fact, number) => {
    const start = { fr: 0, en: 0 };
    starts.set(fact.id, start);
    for (const language of LANGUAGES) {
      start[language] = items.length;
      fact.questions[language].forEach((text, index) => {
        const entry: KnownQuestion = {
          key: `${fact.id}:${language}:${index}`,
          factId: fact.id,
          language,
          text,
          featured: fact.featured,
        };
        let read = texts.get(text);
        if (!read) {
          read = readText(text, vocabulary, phrases);
          texts.set(text, read);
          // Met first here, so its first entry: the first of its trimmed text too, unless
          // another text trims to the same one and came before.
          const trimmed = text.trim();
          if (!byText.has(trimmed)) byText.set(trimmed, entry);
        }
        items.push({ entry, fact: number, first: index === 0, read });
      });
    }
  });
  return { items, starts, byText, vocabulary, phrases };
}

/** A question text's folded words, numbered (new words and folded texts join their lists). */
function readText(text: string, vocabulary: Vocabulary, phrases: Vocabulary): ReadText {
  const words = foldedWords(text);
  const folded = words.join(' ');
  return {
    folded,
    numbers: words.map((word) => vocabulary.number(word)),
    phrase: phrases.number(folded),
    question: /[?？]\s*$/u.test(text),
  };
}

/**
 * The first question of each featured fact, then of every other fact, in knowledge order: as
 * many as may be shown, not one per fact of the knowledge.
 */
function mostUseful(items: readonly Indexed[], language: Language): readonly KnownQuestion[] {
  const featured: KnownQuestion[] = [];
  const others: KnownQuestion[] = [];
  for (const { entry, first } of items) {
    if (featured.length >= MAX_SUGGESTIONS) break;
    if (entry.language !== language || !first) continue;
    if (entry.featured) featured.push(entry);
    else if (others.length < MAX_SUGGESTIONS) others.push(entry);
  }
  return [...featured, ...others].slice(0, MAX_SUGGESTIONS);
}

/** The questions holding one vocabulary word, with how well the word matches what was typed. */
interface WordMatch {
  readonly ids: Ids;
  readonly score: number;
}

/** What one typed word matches: each vocabulary word's questions, and each word's score. */
interface TermMatch {
  readonly words: readonly WordMatch[];
  /** The vocabulary numbers of the words, and their scores. */
  readonly vocabulary: Int32Array;
  readonly scores: Float64Array;
  /** How many questions the words hold, counted once per word. */
  readonly size: number;
}

/**
 * Ascending question ids under each of `size` numbers (a word's, a folded text's), all in one
 * array: those of number k are `ids[starts[k]]` up to `ids[starts[k + 1]]`. Built in two passes,
 * counting then filling: no array per number, and no string hashed.
 */
class NumberedPostings {
  private readonly starts: Int32Array;
  private readonly ids: Int32Array;

  /**
   * `numbersOf(id)`: question id's numbers (or its one number), of which the first `most` are
   * listed; a number it holds twice lists it once.
   */
  constructor(
    size: number,
    questions: number,
    numbersOf: (id: number) => number | readonly number[],
    most = Number.POSITIVE_INFINITY,
  ) {
    // The last question that listed each number, plus one: a repeat within a question is skipped.
    const listed = new Int32Array(size);
    const each = (visit: (number: number, id: number) => void) => {
      listed.fill(0);
      for (let id = 0; id < questions; id++) {
        const numbers = numbersOf(id);
        if (typeof numbers === 'number') visit(numbers, id);
        else
          for (let i = 0; i < Math.min(most, numbers.length); i++) {
            const number = numbers[i] as number;
            if (listed[number] === id + 1) continue;
            listed[number] = id + 1;
            visit(number, id);
          }
      }
    };
    const starts = new Int32Array(size + 1);
    each((number) => {
      starts[number + 1] = (starts[number + 1] as number) + 1;
    });
    for (let k = 0; k < size; k++) starts[k + 1] = (starts[k + 1] as number) + (starts[k] as number);
    const ids = new Int32Array(starts[size] as number);
    const next = starts.slice(0, size);
    each((number, id) => {
      ids[next[number] as number] = id;
      next[number] = (next[number] as number) + 1;
    });
    this.starts = starts;
    this.ids = ids;
  }

  /** How many questions a number (in range) lists. */
  count(number: number): number {
    return (this.starts[number + 1] as number) - (this.starts[number] as number);
  }

  /** The questions under a number (none for undefined, -1 or a number out of range). */
  of(number: number | undefined): Ids {
    if (number === undefined || number < 0 || number + 1 >= this.starts.length) return NONE;
    return this.ids.subarray(this.starts[number], this.starts[number + 1]);
  }
}

/** The questions holding each word of the vocabulary. */
interface WordPostings {
  readonly vocabulary: Vocabulary;
  readonly questions: NumberedPostings;
}

const holdingWord = ({ vocabulary, questions }: WordPostings, word: string): Ids =>
  questions.of(vocabulary.numberOf.get(word));

/** Question ids in ascending order. */
type Ids = ArrayLike<number>;
const NONE: Ids = [];

/**
 * Matches one typed word against the questions' vocabulary: the words it starts, else those it
 * is inside, else (a typo) those within one slip. Returns each matching word's questions with
 * the word's score; a question may come through several words.
 */
function createWordMatcher(postings: WordPostings): (term: string) => TermMatch {
  const { words: vocabulary, numberOf } = postings.vocabulary;
  const vocabularyPairs = new PairIndex(vocabulary, false);
  const inside = new SubstringIndex(vocabulary);
  // Sorted, the words a prefix starts are one run, found by bisection.
  const sorted = [...vocabulary].sort();
  const termCache = new Map<string, TermMatch>();
  return (term) => {
    const cached = termCache.get(term);
    if (cached) return cached;
    const wordScores = new Map<string, number>();
    const keep = (word: string, score: number) => {
      const best = wordScores.get(word);
      if (best === undefined || score < best) wordScores.set(word, score);
    };
    const starting = startingWith(sorted, term);
    const startsAWord = starting.length > 0;
    for (const word of starting) keep(word, 0);
    if (term.length >= FUZZY_FROM)
      for (const id of inside.containing(term)) keep(vocabulary[id] ?? '', INSIDE_WORD_PENALTY);
    // A typo only when the word starts no word of the questions: "invest" is being typed, not mistyped.
    if (term.length >= FUZZY_FROM && !startsAWord) {
      for (const [id, score] of fuzzy(vocabulary, candidates(vocabularyPairs, term), term))
        keep(vocabulary[id] ?? '', score);
      // fuse.js counts two neighbours swapped ("kihsida") as two slips: it is one.
      for (let i = 0; i + 1 < term.length; i += 1) {
        const swapped = `${term.slice(0, i)}${term[i + 1]}${term[i]}${term.slice(i + 2)}`;
        if (swapped === term) continue;
        for (const word of startingWith(sorted, swapped)) keep(word, 1 / term.length);
      }
    }
    const words = [...wordScores].map(([word, score]) => ({ ids: holdingWord(postings, word), score }));
    const matches = {
      words,
      vocabulary: Int32Array.from(wordScores.keys(), (word) => numberOf.get(word) ?? -1),
      scores: Float64Array.from(wordScores.values()),
      size: words.reduce((sum, word) => sum + word.ids.length, 0),
    };
    if (termCache.size >= TERM_CACHE) termCache.clear();
    termCache.set(term, matches);
    return matches;
  };
}

/** The words of a sorted list that start with `prefix`: one run, found by bisection. */
function startingWith(sorted: readonly string[], prefix: string): readonly string[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? '') < prefix) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < sorted.length && (sorted[end] ?? '').startsWith(prefix)) end += 1;
  return sorted.slice(low, end);
}

/**
 * The holding test of the rarest word's questions pays while they are this many at most; beyond,
 * the tally counts the words of every question that holds one.
 */
const RAREST_TESTED = 4000;

/** For each question, how many typed words it holds and the sum of their best scores. */
class Tally {
  readonly count: Uint8Array;
  readonly sum: Float64Array;
  private readonly best: Float64Array;
  private readonly stamp: Uint32Array;
  private term = 0;
  /** The questions the last search touched, the first `touchedCount` of them. */
  readonly touched: Int32Array;
  touchedCount = 0;
  private readonly fresh: Int32Array;

  constructor(size: number) {
    this.count = new Uint8Array(size);
    this.sum = new Float64Array(size);
    this.best = new Float64Array(size);
    this.stamp = new Uint32Array(size);
    this.touched = new Int32Array(size);
    this.fresh = new Int32Array(size);
  }

  /** Forgets the last search: only the questions it touched are cleared. */
  reset(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const id = this.touched[i] as number;
      this.count[id] = 0;
      this.sum[id] = 0;
    }
    this.touchedCount = 0;
  }

  /**
   * The questions touched that hold `least` typed words or more, in ascending order: read off
   * the counts when they are many (a sort would cost more), else sorted.
   */
  ascending(least: number): Int32Array {
    const found = new Int32Array(this.touchedCount);
    let size = 0;
    if (this.touchedCount * 8 > this.count.length) {
      for (let id = 0; id < this.count.length; id++)
        if ((this.count[id] as number) >= least) found[size++] = id;
      return found.subarray(0, size);
    }
    for (let i = 0; i < this.touchedCount; i++) {
      const id = this.touched[i] as number;
      if ((this.count[id] as number) >= least) found[size++] = id;
    }
    return found.subarray(0, size).sort();
  }

  /** Adds one typed word: each question once, with the best score of its words that match. */
  add(matches: readonly WordMatch[]): void {
    this.term += 1;
    if (this.term === 0xffffffff) {
      this.stamp.fill(0);
      this.term = 1;
    }
    const { stamp, best, fresh, count, sum, touched, term } = this;
    let fresher = 0;
    for (const { ids, score } of matches) {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as number;
        if (stamp[id] !== term) {
          stamp[id] = term;
          best[id] = score;
          fresh[fresher++] = id;
        } else if (score < (best[id] as number)) best[id] = score;
      }
    }
    for (let i = 0; i < fresher; i++) {
      const id = fresh[i] as number;
      if (count[id] === 0) touched[this.touchedCount++] = id;
      count[id] = (count[id] as number) + 1;
      sum[id] = (sum[id] as number) + (best[id] as number);
    }
  }
}

/** Questions marked for one search: marking anew forgets the last marks without clearing them. */
class Marks {
  private readonly stamp: Uint32Array;
  private search = 0;

  constructor(size: number) {
    this.stamp = new Uint32Array(size);
  }

  /** Forgets every mark and marks the questions of each list. */
  markOnly(lists: Iterable<Ids>): void {
    this.search += 1;
    if (this.search === 0xffffffff) {
      this.stamp.fill(0);
      this.search = 1;
    }
    for (const ids of lists) for (let i = 0; i < ids.length; i++) this.stamp[ids[i] as number] = this.search;
  }

  has(id: number): boolean {
    return this.stamp[id] === this.search;
  }
}

/** A rank: the score of the typed words plus the penalties the question earns. */
function penalised(
  score: number,
  otherLanguage: boolean,
  keywords: boolean,
  missesPhrase: boolean,
  missesExact: boolean,
  missesStart: boolean,
): number {
  let rank = score;
  if (otherLanguage) rank += OTHER_LANGUAGE_PENALTY;
  if (keywords) rank += KEYWORDS_PENALTY;
  if (missesPhrase) rank += NOT_PHRASE_PENALTY;
  if (missesExact) rank += NOT_EXACT_PENALTY;
  if (missesStart) rank += NOT_QUESTION_START_PENALTY;
  return rank;
}

/** The questions found, in ascending order, each with its base rank in `bases` (indexed by question). */
interface Found {
  readonly ids: Int32Array;
  readonly bases: Float64Array;
}

/**
 * Finds the questions that hold the typed words (all of them if any does), else the phrase, and
 * lists the best `limit` of them.
 */
function createSearch(
  items: readonly Indexed[],
  vocabulary: Vocabulary,
  phrases: Vocabulary,
): (typed: Typed, limit: number) => KnownQuestion[] {
  // Each question's words by vocabulary number, one array for the questions of one text.
  const numbered = items.map((item) => item.read.numbers);
  const postings: WordPostings = {
    vocabulary,
    questions: new NumberedPostings(
      vocabulary.words.length,
      items.length,
      (id) => numbered[id] as readonly number[],
    ),
  };
  const matchTerm = createWordMatcher(postings);
  const wordsOf = (id: number): Ids => numbered[id] ?? [];
  const board = new ScoreBoard(vocabulary.words.length);
  // One tally and one array of base ranks for every search: only what a search found is written.
  const tally = new Tally(items.length);
  const bases = new Float64Array(items.length);
  const folded = items.map((item) => item.read.folded);
  const listBest = createLister(items, postings, phrases, folded);
  // Only the rare phrase typo below reads the questions' letter pairs: millions of them at a
  // thousand articles, so they are indexed on the first search that needs them, not at start.
  let questionPairs: PairIndex | null = null;
  const pairsOfQuestions = (): PairIndex => {
    questionPairs ??= new PairIndex(folded, false);
    return questionPairs;
  };
  return (typed, limit) => {
    const terms = [...new Set(typed.words.filter((word) => !STOPWORDS.has(word)))].slice(0, MAX_WORDS);
    const matches = terms.map(matchTerm).sort((a, b) => a.size - b.size);
    const everyWord = holdingEvery(matches, wordsOf, { tally, board, bases });
    if (everyWord.length > 0) return listBest({ ids: everyWord, bases }, typed, limit);
    tally.reset();
    for (const match of matches) tally.add(match.words);
    const { count, sum, touched, touchedCount } = tally;
    let most = 0;
    for (let i = 0; i < touchedCount; i++) most = Math.max(most, count[touched[i] as number] as number);
    if (most > 0) {
      // Questions with every word; only when none has them all, those with some.
      const least = most === terms.length ? most : 1;
      const ids = tally.ascending(least);
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as number;
        const held = count[id] as number;
        bases[id] = (sum[id] as number) / held + MISSING_WORD_PENALTY * (terms.length - held);
      }
      return listBest({ ids, bases }, typed, limit);
    }
    // Function words only ("is the", "est-ce"), or no typed word found: the words as a phrase.
    const phrase = typed.phrase.slice(0, MAX_PATTERN_CHARS);
    let found = new Map<number, number>();
    folded.forEach((text, id) => {
      if (text.includes(phrase)) found.set(id, 0);
    });
    if (found.size === 0 && phrase.length >= FUZZY_FROM)
      found = fuzzy(folded, candidates(pairsOfQuestions(), phrase), phrase);
    for (const [id, score] of found) bases[id] = score;
    return listBest({ ids: Int32Array.from(found.keys()).sort(), bases }, typed, limit);
  };
}

/**
 * The questions holding every typed word, found from the rarest word's questions by testing
 * each for the others, in ascending order, their base ranks written in `bases`: at tens of
 * thousands of questions, a word being typed ("co") matches most of them, and walking their
 * postings is the cost. Empty when none holds them all, or when even the rarest word is too
 * common for this to pay (the tally then counts every question).
 */
function holdingEvery(
  matches: readonly TermMatch[],
  wordsOf: (id: number) => Ids,
  { tally, board, bases }: { tally: Tally; board: ScoreBoard; bases: Float64Array },
): Int32Array {
  const [rarest, ...others] = matches;
  if (!rarest || others.length === 0 || rarest.size > RAREST_TESTED) return new Int32Array(0);
  tally.reset();
  tally.add(rarest.words);
  let kept = tally.touched.slice(0, tally.touchedCount);
  for (let i = 0; i < kept.length; i++) bases[kept[i] as number] = tally.sum[kept[i] as number] as number;
  for (const other of others) {
    board.show(other);
    let size = 0;
    for (let i = 0; i < kept.length; i++) {
      const id = kept[i] as number;
      const best = board.best(wordsOf(id));
      if (best === Number.POSITIVE_INFINITY) continue;
      bases[id] = (bases[id] as number) + best;
      kept[size++] = id;
    }
    kept = kept.subarray(0, size);
  }
  for (let i = 0; i < kept.length; i++)
    bases[kept[i] as number] = (bases[kept[i] as number] as number) / matches.length;
  return kept.sort();
}

/** The scores of one typed word's vocabulary words, read by vocabulary number: no string is hashed. */
class ScoreBoard {
  private readonly scores: Float64Array;
  private readonly stamp: Uint32Array;
  private shown = 0;

  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.stamp = new Uint32Array(size);
  }

  show(match: TermMatch): void {
    this.shown += 1;
    if (this.shown === 0xffffffff) {
      this.stamp.fill(0);
      this.shown = 1;
    }
    for (let i = 0; i < match.vocabulary.length; i++) {
      const number = match.vocabulary[i] as number;
      this.stamp[number] = this.shown;
      this.scores[number] = match.scores[i] as number;
    }
  }

  /** The best score among these words, or infinity when the typed word matches none of them. */
  best(words: Ids): number {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < words.length; i++) {
      const number = words[i] as number;
      if (this.stamp[number] === this.shown) best = Math.min(best, this.scores[number] as number);
    }
    return best;
  }
}

/**
 * Lists the best of the questions found, as ranking them all would: each ranked by its base
 * (how well it holds the typed words) and its penalties. Which questions are the phrase typed
 * exactly, which start with its first word, and which lack a whole word inside the phrase (so
 * cannot hold it) is looked up for all of them; whether the others hold the phrase is tested
 * only on those `bestRanked` ranks before it is sure of the best.
 */
function createLister(
  items: readonly Indexed[],
  postings: WordPostings,
  phrases: Vocabulary,
  folded: readonly string[],
) {
  // What a search reads of each question, kept without the questions' word arrays, which only
  // building needs: at 150,000 questions those weigh tens of megabytes.
  const entries = items.map((item) => item.entry);
  // Filled in one pass: `from` with a mapping walks an iterator, a result object per question.
  const facts = new Int32Array(items.length);
  const english = new Uint8Array(items.length);
  const keywords = new Uint8Array(items.length);
  items.forEach((item, id) => {
    facts[id] = item.fact;
    english[id] = item.entry.language === 'en' ? 1 : 0;
    keywords[id] = item.read.question ? 0 : 1;
  });
  const byFolded = new NumberedPostings(
    phrases.words.length,
    items.length,
    (id) => (items[id] as Indexed).read.phrase,
  );
  // The questions' first two words, a question being typed from its start.
  const leads = new NumberedPostings(
    postings.vocabulary.words.length,
    items.length,
    (id) => (items[id] as Indexed).read.numbers,
    2,
  );
  const { words, numberOf } = postings.vocabulary;
  const sortedLeads = words.filter((_, number) => leads.count(number) > 0).sort();
  const exact = new Marks(items.length);
  const starting = new Marks(items.length);
  const mayHoldPhrase = new Marks(items.length);
  return ({ ids, bases }: Found, typed: Typed, limit: number): KnownQuestion[] => {
    exact.markOnly([byFolded.of(phrases.numberOf.get(typed.phrase))]);
    starting.markOnly(startingWith(sortedLeads, typed.first).map((word) => leads.of(numberOf.get(word))));
    const inner = innerWords(typed.words);
    if (inner.length > 0)
      mayHoldPhrase.markOnly([holdingAll(inner.map((word) => holdingWord(postings, word)))]);
    const inPhrase = inner.length === 0 ? null : mayHoldPhrase;
    const preferred = typed.preferred === 'en' ? 1 : 0;
    const rankOf = (id: number, holdsPhrase: boolean): number =>
      penalised(
        bases[id] as number,
        english[id] !== preferred,
        keywords[id] === 1,
        !holdsPhrase,
        !exact.has(id),
        !starting.has(id),
      );
    const bounds = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      bounds[i] = rankOf(id, inPhrase?.has(id) ?? true);
    }
    const best = bestRanked(
      {
        ids,
        bounds,
        rankOf: (id, bound) =>
          inPhrase?.has(id) === false ? bound : rankOf(id, (folded[id] as string).includes(typed.phrase)),
        groupOf: (id) => facts[id] as number,
      },
      { limit, perGroup: PER_FACT, repeatPenalty: REPEAT_PENALTY },
    );
    return best.map(({ id }) => entries[id] as KnownQuestion);
  };
}

/**
 * The typed words a question must hold whole to hold the phrase: all but the first and the last,
 * which may be the end and the start of longer words. A word cut at MAX_PATTERN_CHARS may be the
 * start of a longer one: it is left out.
 */
function innerWords(words: readonly string[]): string[] {
  return words.slice(1, -1).filter((word) => word.length < MAX_PATTERN_CHARS);
}

/** The ids in every one of the ascending lists, in ascending order. */
function holdingAll(lists: readonly Ids[]): Ids {
  const [shortest, ...others] = [...lists].sort((a, b) => a.length - b.length);
  if (!shortest) return NONE;
  let kept = shortest;
  for (const other of others) {
    const both = new Int32Array(kept.length);
    let count = 0;
    let j = 0;
    for (let i = 0; i < kept.length; i++) {
      const id = kept[i] as number;
      while (j < other.length && (other[j] as number) < id) j++;
      if (other[j] === id) both[count++] = id;
    }
    kept = both.subarray(0, count);
  }
  return kept;
}
