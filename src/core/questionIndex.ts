import Fuse from 'fuse.js';
import { PairIndex } from './pairIndex.js';
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
  /** Position in `entries`: knowledge order, the last tie-break. */
  readonly order: number;
  /** The folded words of the question, joined by single spaces. */
  readonly folded: string;
  readonly words: readonly string[];
  /** A real question, not a keyword alternate. */
  readonly question: boolean;
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

interface Ranked {
  readonly item: Indexed;
  readonly rank: number;
}

/** Folded words: letters and digits only. */
function foldedWords(text: string): string[] {
  const found: string[] = [];
  for (const match of foldText(text).matchAll(WORD)) found.push(match[0].replace(',', '.'));
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

const byRank = (a: Ranked, b: Ranked): number =>
  a.rank - b.rank ||
  Number(b.item.entry.featured) - Number(a.item.entry.featured) ||
  a.item.order - b.item.order;

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
  const items = indexQuestions(knowledge);
  const entries: readonly KnownQuestion[] = items.map((item) => item.entry);
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const byText = new Map<string, KnownQuestion>();
  for (const entry of entries) if (!byText.has(entry.text.trim())) byText.set(entry.text.trim(), entry);
  const defaults: Record<Language, readonly KnownQuestion[]> = {
    fr: mostUseful(entries, 'fr'),
    en: mostUseful(entries, 'en'),
  };
  const search = createSearch(items);

  const suggest = (typed: string, language: Language, limit?: number): KnownQuestion[] => {
    const max = clampLimit(limit);
    const preferredLocale: Language = language === 'en' ? 'en' : 'fr';
    const text = typeof typed === 'string' ? typed.slice(0, MAX_TYPED_CHARS) : '';
    const words = foldedWords(text).map((word) => word.slice(0, MAX_PATTERN_CHARS));
    const first = words[0];
    if (first === undefined) return defaults[preferredLocale].slice(0, max);
    // The words typed may tell their language ("who is", "combien"); else the user's locale.
    const preferred = detectLanguage(text) ?? preferredLocale;
    return diverse(search({ words, phrase: words.join(' '), first, preferred })).slice(0, max);
  };

  return {
    entries,
    suggest,
    byKey: (key) => byKey.get(key),
    byText: (text) => (typeof text === 'string' ? byText.get(text.trim()) : undefined),
  };
}

/** Every alternate question of every fact, in both languages, with its folded words. */
function indexQuestions(knowledge: KnowledgeBase): Indexed[] {
  const items: Indexed[] = [];
  for (const fact of knowledge.facts) {
    for (const language of LANGUAGES) {
      fact.questions[language].forEach((text, index) => {
        const entry: KnownQuestion = {
          key: `${fact.id}:${language}:${index}`,
          factId: fact.id,
          language,
          text,
          featured: fact.featured,
        };
        const words = foldedWords(text);
        const question = /[?？]\s*$/u.test(text);
        items.push({ entry, order: items.length, folded: words.join(' '), words, question });
      });
    }
  }
  return items;
}

/** The first question of each featured fact, then of every other fact, in knowledge order. */
function mostUseful(entries: readonly KnownQuestion[], language: Language): readonly KnownQuestion[] {
  const firsts = entries.filter((entry) => entry.language === language && entry.key.endsWith(':0'));
  return [...firsts.filter((entry) => entry.featured), ...firsts.filter((entry) => !entry.featured)];
}

/** The questions holding one vocabulary word, with how well the word matches what was typed. */
interface WordMatch {
  readonly ids: readonly number[];
  readonly score: number;
}

/** What one typed word matches: each vocabulary word's questions, and each word's score. */
interface TermMatch {
  readonly words: readonly WordMatch[];
  readonly scoreOf: ReadonlyMap<string, number>;
  /** How many questions the words hold, counted once per word. */
  readonly size: number;
}

/**
 * Matches one typed word against the questions' vocabulary: the words it starts, else those it
 * is inside, else (a typo) those within one slip. Returns each matching word's questions with
 * the word's score; a question may come through several words.
 */
function createWordMatcher(items: readonly Indexed[]): (term: string) => TermMatch {
  // The vocabulary of the questions, each word with the questions that hold it.
  const postings = new Map<string, number[]>();
  items.forEach((item, id) => {
    for (const word of new Set(item.words)) {
      const ids = postings.get(word);
      if (ids) ids.push(id);
      else postings.set(word, [id]);
    }
  });
  const vocabulary = [...postings.keys()];
  const vocabularyPairs = new PairIndex(vocabulary, false);
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
      for (const word of vocabulary) if (word.includes(term)) keep(word, INSIDE_WORD_PENALTY);
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
    const words = [...wordScores].map(([word, score]) => ({ ids: postings.get(word) ?? [], score }));
    const matches = {
      words,
      scoreOf: wordScores,
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
 * Questions matched at most, ranked in full and made diverse: at tens of thousands of questions
 * (a thousand articles) a typed prefix may match most of them, and only 25 are shown. They are
 * the best by score and words held, knowledge order breaking ties; the rest are not ranked.
 */
const MAX_RANKED = 1000;

/** For each question, how many typed words it holds and the sum of their best scores. */
class Tally {
  readonly count: Uint8Array;
  readonly sum: Float64Array;
  private readonly best: Float64Array;
  private readonly stamp: Uint32Array;
  private term = 0;
  readonly touched: number[] = [];

  constructor(size: number) {
    this.count = new Uint8Array(size);
    this.sum = new Float64Array(size);
    this.best = new Float64Array(size);
    this.stamp = new Uint32Array(size);
  }

  /** Forgets the last search: only the questions it touched are cleared. */
  reset(): void {
    for (const id of this.touched) {
      this.count[id] = 0;
      this.sum[id] = 0;
    }
    this.touched.length = 0;
  }

  /** Adds one typed word: each question once, with the best score of its words that match. */
  add(matches: readonly WordMatch[]): void {
    this.term += 1;
    const fresh: number[] = [];
    for (const { ids, score } of matches) {
      for (const id of ids) {
        if (this.stamp[id] !== this.term) {
          this.stamp[id] = this.term;
          this.best[id] = score;
          fresh.push(id);
        } else if (score < (this.best[id] ?? 0)) this.best[id] = score;
      }
    }
    for (const id of fresh) {
      if (this.count[id] === 0) this.touched.push(id);
      this.count[id] = (this.count[id] ?? 0) + 1;
      this.sum[id] = (this.sum[id] ?? 0) + (this.best[id] ?? 0);
    }
  }
}

/** A match's rank: its score, plus penalties for another language, keywords, word order. */
function rankOf(item: Indexed, score: number, typed: Typed): Ranked {
  let rank = score;
  if (item.entry.language !== typed.preferred) rank += OTHER_LANGUAGE_PENALTY;
  if (!item.question) rank += KEYWORDS_PENALTY;
  if (!item.folded.includes(typed.phrase)) rank += NOT_PHRASE_PENALTY;
  if (item.folded !== typed.phrase) rank += NOT_EXACT_PENALTY;
  if (!item.words.slice(0, 2).some((word) => word.startsWith(typed.first)))
    rank += NOT_QUESTION_START_PENALTY;
  return { item, rank };
}

/** Finds the questions that hold the typed words (all of them if any does), else the phrase. */
function createSearch(items: readonly Indexed[]): (typed: Typed) => Ranked[] {
  const matchTerm = createWordMatcher(items);
  // One tally for every search: cleared where the last one wrote, not allocated anew.
  const tally = new Tally(items.length);
  const rankBest = rankBestOf(items);
  const folded = items.map((item) => item.folded);
  const questionPairs = new PairIndex(folded, false);
  return (typed) => {
    const terms = [...new Set(typed.words.filter((word) => !STOPWORDS.has(word)))].slice(0, MAX_WORDS);
    const matches = terms.map(matchTerm).sort((a, b) => a.size - b.size);
    const everyWord = holdingEvery(matches, items, tally);
    if (everyWord.length > 0) return rankBest(everyWord, terms.length, typed);
    tally.reset();
    for (const match of matches) tally.add(match.words);
    const { count, sum, touched } = tally;
    let most = 0;
    for (const id of touched) most = Math.max(most, count[id] ?? 0);
    if (most > 0) {
      // Questions with every word; only when none has them all, those with some.
      const kept = most === terms.length ? touched.filter((id) => count[id] === most) : touched;
      return rankBest(
        kept.map((id) => ({ id, held: count[id] ?? 1, sum: sum[id] ?? 0 })),
        terms.length,
        typed,
      );
    }
    // Function words only ("is the", "est-ce"), or no typed word found: the words as a phrase.
    const phrase = typed.phrase.slice(0, MAX_PATTERN_CHARS);
    let found = new Map<number, number>();
    folded.forEach((text, id) => {
      if (text.includes(phrase)) found.set(id, 0);
    });
    if (found.size === 0 && phrase.length >= FUZZY_FROM)
      found = fuzzy(folded, candidates(questionPairs, phrase), phrase);
    return [...found].flatMap(([id, score]) => {
      const item = items[id];
      return item ? [rankOf(item, score, typed)] : [];
    });
  };
}

/** A question matched: how many typed words it holds, and the sum of their scores. */
interface Held {
  readonly id: number;
  readonly held: number;
  readonly sum: number;
}

/**
 * The questions holding every typed word, found from the rarest word's questions by testing
 * each for the others: at tens of thousands of questions, a word being typed ("co") matches
 * most of them, and walking their postings is the cost. Empty when none holds them all, or when
 * even the rarest word is too common for this to pay (the tally then counts every question).
 */
function holdingEvery(matches: readonly TermMatch[], items: readonly Indexed[], tally: Tally): Held[] {
  const [rarest, ...others] = matches;
  if (!rarest || others.length === 0 || rarest.size > MAX_RANKED * 4) return [];
  tally.reset();
  tally.add(rarest.words);
  const found: Held[] = [];
  for (const id of tally.touched) {
    const words = items[id]?.words ?? [];
    let sum = tally.sum[id] ?? 0;
    let every = true;
    for (const other of others) {
      let best = Number.POSITIVE_INFINITY;
      for (const word of words) best = Math.min(best, other.scoreOf.get(word) ?? Number.POSITIVE_INFINITY);
      if (best === Number.POSITIVE_INFINITY) {
        every = false;
        break;
      }
      sum += best;
    }
    if (every) found.push({ id, held: matches.length, sum });
  }
  return found;
}

/** Ranks the best MAX_RANKED questions held in full: by score and words held, knowledge order next. */
function rankBestOf(items: readonly Indexed[]) {
  return (found: readonly Held[], terms: number, typed: Typed): Ranked[] => {
    const base = ({ held, sum }: Held) => sum / held + MISSING_WORD_PENALTY * (terms - held);
    const best = found.length <= MAX_RANKED ? found : fewestBy(found, base);
    return best.flatMap((held) => {
      const item = items[held.id];
      return item ? [rankOf(item, base(held), typed)] : [];
    });
  };
}

/**
 * The MAX_RANKED questions of lowest base rank, the lower id first among equals, as sorting them
 * all would give, without sorting tens of thousands: the cut-off rank is found on a typed array.
 */
function fewestBy(found: readonly Held[], base: (held: Held) => number): Held[] {
  const ranks = new Float64Array(found.length);
  for (let i = 0; i < found.length; i++) ranks[i] = base(found[i] as Held);
  const cut = ranks.slice().sort()[MAX_RANKED - 1] ?? Number.POSITIVE_INFINITY;
  const below: Held[] = [];
  const at: Held[] = [];
  found.forEach((held, i) => {
    const rank = ranks[i] ?? Number.POSITIVE_INFINITY;
    if (rank < cut) below.push(held);
    else if (rank === cut) at.push(held);
  });
  const room = MAX_RANKED - below.length;
  if (at.length <= room) return [...below, ...at];
  // Ties may be tens of thousands (copies of one article): their ids are sorted as numbers.
  const ids = new Int32Array(at.length);
  for (let i = 0; i < at.length; i++) ids[i] = (at[i] as Held).id;
  const first = new Set(ids.sort().subarray(0, room));
  return [...below, ...at.filter((held) => first.has(held.id))];
}

/** Best first, at most PER_FACT questions of one fact, each repeat ranked a little lower. */
function diverse(found: Ranked[]): KnownQuestion[] {
  const shown = new Map<string, number>();
  const kept: Ranked[] = [];
  for (const { item, rank } of found.sort(byRank)) {
    const count = shown.get(item.entry.factId) ?? 0;
    if (count >= PER_FACT) continue;
    shown.set(item.entry.factId, count + 1);
    kept.push({ item, rank: rank + count * REPEAT_PENALTY });
  }
  return kept.sort(byRank).map(({ item }) => item.entry);
}
