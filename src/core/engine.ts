import { Analyser, EMPTY_LEXICON, type Lexicon, stemKeys, type Term } from './analyse.js';
import type { ArticleCache } from './articleCache.js';
import { indexArticles } from './articleIndex.js';
import type { Bridge } from './bridge.js';
import { candidateQuestions } from './candidates.js';
import {
  type AnswerFrame,
  answerFrom,
  explainedRefusal,
  type Passage,
  refusal,
  round,
  unsaidRefusal,
} from './compose.js';
import { checkEvidence, type Rejection, spokenOnly } from './evidence.js';
import type { FactIndex, IndexedFact } from './factIndex.js';
import { type QuestionIntent, readIntent } from './intent.js';
import { MESSAGES, message, unknownEntityMessage } from './messages.js';
import { articleNames } from './names.js';
import { clauseReader, passageOf } from './passage.js';
import { type Mention, roleAt, rolesAgree, sameValue } from './reading.js';
import {
  type AnalysedQuestion,
  articleBound,
  asksWithQuestionWord,
  type HeldTerms,
  type Leaning,
  leaningOf,
  MAX_TERM_BITS,
  rankFacts,
  type Scored,
  weigh,
} from './scorer.js';
import { type QuestionMaker, sentenceFactsOf, uncoveredSentences } from './sentenceFacts.js';
import { SentenceTokens } from './sentenceTokens.js';
import { foldText, languageVotes, leadingLanguage, type Token, tokeniseOnce } from './text.js';
import type { Thesaurus } from './thesaurus.js';
import { DEFAULT_TUNING, type Tuning } from './tuning.js';
import type { Answer, ArticleRef, Fact, KnowledgeBase, Language, Premise, Source } from './types.js';

export { DEFAULT_TUNING, type Tuning } from './tuning.js';

/** Only this much of a question is analysed, so that the work per question stays bounded. */
export const MAX_ANALYSED_CHARS = 600;
const MAX_CITATIONS = 3;
/** The articles that fit a question best decide for it, this many at most: the work stays bounded. */
const MAX_DECIDING = 3;
/** Articles weighed at most per question: those that hold its rarest words (see `indexArticles`). */
const MAX_SHORTLIST = 24;
/**
 * Articles ranked at most per question, best score bound first: at 1,000 articles that share
 * common words, the work stays bounded (copies of one article tie on every bound).
 */
const MAX_RANKED = 12;
/** Votes by which one language must lead for a question to be plainly written in it. */
const CLEAR_LANGUAGE = 3;

export interface EngineOptions {
  /** Real words of both languages: lets the engine tell a typo from a word the article lacks. */
  readonly lexicon?: Lexicon;
  readonly tuning?: Partial<Tuning>;
  /** A French↔English word list for questions asked in the other language than the article's:
   * read only when some article has sentences no reviewed fact covers, the only ones it serves. */
  readonly bridge?: () => Bridge;
  /** Same-language synonyms, a weak alternate for a question's word, read on the same terms. */
  readonly thesaurus?: () => Thesaurus;
  /** Questions to suggest an uncurated sentence with (by default, from its names, sums and dates). */
  readonly questionsOf?: QuestionMaker;
  /**
   * What the last build of the same lexicon kept of each article: given, a rebuild analyses only
   * the articles that changed (a reload), and keeps this build's for the next one.
   */
  readonly cache?: ArticleCache;
}

export interface AskOptions {
  /** Used when the question's own words do not tell its language (e.g. the user's locale). */
  readonly fallbackLanguage?: Language;
  /** How many suggestions at most (default: 3 on a refusal, 5 with an answer). */
  readonly maxSuggestions?: number;
  /** The id of the one article to answer from (default: every article). */
  readonly source?: string;
}

export interface Engine {
  ask(question: string, options?: AskOptions): Answer;
  /** Why: the question's terms, its intent and the best-scoring facts, for people who edit the knowledge. */
  explain(question: string, top?: number): Explanation;
  readonly knowledge: KnowledgeBase;
  /** Every fact it answers from: the reviewed ones, then each sentence no reviewed fact covers. */
  readonly facts: readonly Fact[];
}

export interface Explanation {
  readonly terms: ReadonlyArray<{
    surface: string;
    keys: readonly string[];
    /** The other language's stems the bridge gives the word (only against unreviewed sentences). */
    bridged?: readonly string[];
    weight: number;
    flags: string;
  }>;
  readonly intent: {
    readonly answerType: string | null;
    readonly yesNo: boolean;
    readonly list: string | null;
    readonly entities: readonly string[];
    readonly values: readonly string[];
    readonly frames: readonly string[];
  };
  readonly ranking: ReadonlyArray<{ factId: string; score: number; covered: string[]; rejected: string[] }>;
}

/** A question read once: its text, language, terms and intent, the same for every article. */
interface Reading {
  readonly text: string;
  readonly detected: Language | null;
  readonly tokens: readonly Token[];
  readonly terms: readonly Term[];
  readonly intent: QuestionIntent;
  /** Names no article mentions, as mentions (their type unknown). */
  readonly unknown: readonly Mention[];
  readonly leaning: Leaning;
}

/** A question weighed and its facts ranked within one article. */
interface ReadQuestion extends AnalysedQuestion, Reading {
  readonly ranked: readonly Scored[];
}

/** A question weighed in one article, with the facts of it that share a word and its score bound. */
interface Weighed {
  readonly index: FactIndex;
  readonly found: readonly IndexedFact[];
  /** For each fact found, the question's words it holds, as the postings found them (`termBits`). */
  readonly holds: HeldTerms;
  readonly analysed: AnalysedQuestion;
  readonly bound: number;
}

/** A question ranked in one article. */
interface Ranked {
  readonly index: FactIndex;
  readonly question: ReadQuestion;
}

/** The fact or facts chosen to answer, with what the question's claims came to. */
interface Choice {
  readonly cited: readonly Scored[];
  readonly premises: readonly Premise[];
}

/**
 * Builds the engine. Each article is indexed and weighed by itself, as if it were alone, so that
 * adding an article changes no answer about another; the words, names and typos are read once
 * over all of them (a name is known if any article mentions it).
 */
export function createEngine(knowledge: KnowledgeBase, options: EngineOptions = {}): Engine {
  const tuning: Tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const lexicon = options.lexicon ?? EMPTY_LEXICON;
  const cache = options.cache ?? null;
  // Every sentence is tokenised once: for the names of every article, then its vocabulary and analysis.
  const tokens = new SentenceTokens();
  const glossary = [...knowledge.glossary, ...articleNames(knowledge, lexicon, (text) => tokens.of(text))];
  cache?.begin(glossary, JSON.stringify(tuning));
  const reviewed = factsBySource(knowledge.facts);
  // The bridge matters only against sentences nobody reviewed: without any, questions skip it.
  const unreviewed =
    knowledge.facts.some((fact) => fact.uncurated) ||
    knowledge.sources.some((source) => uncoveredSentences(source, reviewed.get(source.id) ?? []).length > 0);
  const bridge = unreviewed ? (options.bridge?.() ?? null) : null;
  const thesaurus = unreviewed ? (options.thesaurus?.() ?? null) : null;
  const analyser = new Analyser(glossary, lexicon, bridge, thesaurus);
  // Each article's words are learnt and its sentences made facts as it is indexed, its reviewed
  // answers and questions as they are analysed. Analysing knowledge needs no typo correction:
  // the vocabulary is complete before any question.
  const fromSentences: Fact[] = [];
  const sentenceFacts = sentenceFactMaker(reviewed, options.questionsOf ?? candidateQuestions, cache);
  const indexes = indexArticles(knowledge.sources, knowledge.facts, glossary, analyser, tuning, {
    cache,
    more: (source) => {
      for (const sentence of source.sentences) analyser.learn(tokens.of(sentence.text), source.language);
      const made = sentenceFacts(source);
      fromSentences.push(...made);
      return made;
    },
    tokensOf: (text) => tokens.take(text),
    // A sentence a reviewed fact covers, or of an article the cache keeps, is never taken.
    done: (source) => {
      for (const sentence of source.sentences) tokens.take(sentence.text);
    },
  });
  analyser.freeze();
  const facts = [...knowledge.facts, ...fromSentences];

  const suggest = suggester(
    indexes.all.flatMap((index) => index.entries),
    (fact, question) => {
      const answer = ask(question, { maxSuggestions: 0, source: fact.source });
      return answer.answered && answer.citations[0]?.factId === fact.id;
    },
  );
  const articles = knowledge.sources.map(articleRef);
  const clauses = clauseReader((entry) => indexes.get(entry.fact.source) as FactIndex);
  const uncurated = new Set(facts.filter((fact) => fact.uncurated).map((fact) => fact.id));
  const everyArticle: ReadonlySet<FactIndex> = new Set(indexes.all);

  const read = (question: string): Reading => {
    const text = question.slice(0, MAX_ANALYSED_CHARS);
    const tokens = tokeniseOnce(text);
    const votes = languageVotes(text, (word) => analyser.languageOf(word), tokens);
    const detected = leadingLanguage(votes);
    const terms = analyser.analyseQuestion(text, detected, leadingLanguage(votes, CLEAR_LANGUAGE), tokens);
    const intent = readIntent(text, terms, tokens);
    const unknown = unknownNames(terms, text, tokens, intent.mentions);
    return { text, detected, tokens, terms, intent, unknown, leaning: leaningOf(terms, intent.form) };
  };
  const weighIn = (reading: Reading, index: FactIndex): AnalysedQuestion => {
    const { terms, intent } = reading;
    const weights = weigh(terms, intent, index, tuning, intent.yesNo ? isUnknownName : NO_CLAIM);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    return { terms, weights, total, intent, leaning: reading.leaning };
  };
  // Written field by field, not spread from the reading and its weights (see `framed` in
  // compose.ts: a spread with more properties after it slows every young collection).
  const rankIn = (reading: Reading, { index, found, holds, analysed }: Weighed): Ranked => ({
    index,
    question: {
      text: reading.text,
      detected: reading.detected,
      tokens: reading.tokens,
      terms: analysed.terms,
      intent: analysed.intent,
      unknown: reading.unknown,
      leaning: analysed.leaning,
      weights: analysed.weights,
      total: analysed.total,
      ranked: rankFacts(found, analysed, tuning, holds),
    },
  });
  /**
   * The articles searched whose facts hold a word of the question, each weighed, with those
   * facts and a bound on their scores; the first article searched, with none, when no article
   * holds any (it gives the refusal).
   */
  const weighAll = (
    reading: Reading,
    searched: ReadonlySet<FactIndex>,
    shortlist = MAX_SHORTLIST,
  ): Weighed[] => {
    const hits = indexes.hits(reading.terms, searched, shortlist);
    const articles = hits.articles.map(({ index, first, end }) => ({
      index,
      first,
      end,
      analysed: weighIn(reading, index),
    }));
    // Term at a time, as an inverted index scores: each fact found adds the weight, in its own
    // article, of each word it holds.
    const weightsAt: Array<readonly number[] | undefined> = new Array(hits.facts.length);
    for (const { first, end, analysed } of articles) weightsAt.fill(analysed.weights, first, end);
    const held = new Array<number>(hits.facts.length).fill(0);
    hits.holders.forEach((positions, i) => {
      for (const position of positions)
        held[position] = (held[position] ?? 0) + (weightsAt[position]?.[i] ?? 0);
    });
    const bits = termBits(hits.holders, hits.facts.length);
    const weighed = articles.map(({ index, first, end, analysed }): Weighed => {
      const found = hits.facts.slice(first, end);
      const holds = bits ? bits.slice(first, end) : undefined;
      return { index, found, holds, analysed, bound: articleBound(found, held, first, analysed, tuning) };
    });
    if (weighed.length > 0) return weighed;
    // The first article searched, read from the set without copying it (a thousand articles).
    const first: FactIndex | undefined = searched.values().next().value;
    return first
      ? [{ index: first, found: [], holds: undefined, analysed: weighIn(reading, first), bound: 0 }]
      : [];
  };

  const searchedMany = (one: FactIndex | undefined) => one === undefined && everyArticle.size > 1;
  /**
   * Whether a word of the question is held by the chosen article alone among all: it tells which
   * article the question is about, which a correction needs ("Microsoft spending 29 billion").
   */
  const pins = (reading: Reading, chosen: FactIndex): boolean => {
    const terms = [...reading.terms, ...writtenWords(reading.terms, reading.detected)];
    const hits = indexes.hits(terms, everyArticle, everyArticle.size);
    const run = hits.articles.find((article) => article.index === chosen);
    return (
      run !== undefined &&
      hits.holders.some(
        (positions) =>
          positions.length > 0 && positions.every((position) => position >= run.first && position < run.end),
      )
    );
  };

  const ask = (question: string, askOptions: AskOptions = {}): Answer => {
    const reading = read(question);
    const language = reading.detected ?? askOptions.fallbackLanguage ?? 'fr';
    const { source } = askOptions;
    const searched = source ? articles.filter((article) => article.id === source) : articles;
    if (source && searched.length === 0) throw new RangeError(`No article has the id "${source}".`);
    const frame: AnswerFrame = { question, language, answerType: reading.intent.answerType, searched };
    // Only an article whose best fact reaches a threshold can answer; of the others, the closest
    // one gives the refusal.
    const floor = Math.min(
      tuning.answer,
      tuning.answerUncurated,
      reading.intent.yesNo ? tuning.correction : 1,
    );
    const one = source ? indexes.get(source) : undefined;
    const weighed = weighAll(reading, one ? new Set([one]) : everyArticle);
    const questions = decidingArticles(weighed, floor, (item) => rankIn(reading, item));
    // Suggestions span the articles searched, the closest first: merged when first asked for
    // (a question asked to check a suggestion wants none).
    let ranked: readonly Scored[] | undefined;
    const closestFirst = () =>
      (ranked ??= mergedByScore(questions.map(({ question: read_ }) => read_.ranked)));
    const max = askOptions.maxSuggestions;
    const suggestions: Suggestions = {
      refusal: () => (max === 0 ? [] : suggest(closestFirst(), new Set(), language, max ?? 3)),
      related: (exclude) => (max === 0 ? [] : suggest(closestFirst(), exclude, language, max ?? 5)),
    };
    if (reading.terms.every((term) => term.question) || questions.length === 0) {
      const examples = suggestions.refusal();
      return questions.length === 0
        ? refusal(frame, 'not-in-article', message('notInArticle', language), examples)
        : refusal(frame, 'empty', MESSAGES.empty[language](examples[0]), examples);
    }
    const topOf = (read_: ReadQuestion) => read_.ranked[0]?.score ?? 0;
    const closest = questions.reduce((best, item) =>
      topOf(item.question) > topOf(best.question) ? item : best,
    );
    // Each article decides with its sentences whole; only the one chosen is cut to the passage
    // that answers, which is the costly part.
    const able = questions
      .filter((item) => item === closest || topOf(item.question) >= floor)
      .sort((a, b) => topOf(b.question) - topOf(a.question))
      .slice(0, MAX_DECIDING);
    const whole = (item: Scored, index: FactIndex): Passage => ({
      entry: item.entry,
      quote: item.entry.fact.quote,
      language: index.source.language,
    });
    const notes: DecideNotes = { partial: new Map(), otherTime: new Set(), held: new Map() };
    const answers = able.map(({ index, question: read_ }) =>
      decide(read_, frame, suggestions, (item) => whole(item, index), tuning, notes),
    );
    const best = bestAnswer(
      answers,
      (answer) => !uncurated.has(answer.citations[0]?.factId ?? ''),
      notes,
      tuning,
    );
    // Each article holds a part of the question that the other lacks: neither is about it. Or
    // two hold it alike: citing one answers for an article the asker may not mean.
    if (splitsQuestion(best, answers, notes) || heldAlike(best, answers, notes, tuning))
      return refusal(
        frame,
        'not-in-article',
        message('notInArticle', language),
        suggestions.refusal(),
        best.confidence,
      );
    const chosen = able[answers.indexOf(best)];
    // "What's the 5.3 million euros for?": which article's sum is the asker wrong about?
    if (chosen && searchedMany(one) && corrects(best) && !pins(reading, chosen.index))
      return unpinnedCorrection(frame, best, reading.intent, suggestions.refusal());
    // A refusal cites nothing, and a reviewed fact is quoted whole: only an answer from an
    // unreviewed sentence needs its passage.
    if (!chosen || !best.citations.some((citation) => uncurated.has(citation.factId))) return best;
    const { index, question: read_ } = chosen;
    return decide(
      read_,
      frame,
      suggestions,
      (item, stated) => passageOf(item, read_, index, clauses, stated),
      tuning,
    );
  };

  const explain = (question: string, top = 5): Explanation => {
    const reading = read(question);
    const ranked = weighAll(reading, new Set(indexes.all), indexes.all.length)
      .map((item) => rankIn(reading, item).question)
      .sort((a, b) => (b.ranked[0]?.score ?? 0) - (a.ranked[0]?.score ?? 0));
    const merged = ranked.flatMap((read_) => read_.ranked).sort((a, b) => b.score - a.score);
    const first = ranked[0];
    if (!first) throw new RangeError('explain: the knowledge has no article');
    return explanationOf({ ...first, ranked: merged }, top);
  };

  cache?.end();
  return { ask, explain, knowledge, facts };
}

/**
 * The articles that may decide, ranked: best score bound first, and only while the next one could
 * still be among the MAX_DECIDING best that reach the floor, or beat the closest so far. At 1,000
 * articles a question ranks the facts of a few, not of every article that shares a common word.
 * Returned in the knowledge's order, as if every article had been ranked.
 */
function decidingArticles(
  weighed: readonly Weighed[],
  floor: number,
  rank: (item: Weighed) => Ranked,
): Ranked[] {
  const order = [...weighed].sort(highestBoundFirst);
  const done: Ranked[] = [];
  const tops: number[] = [];
  for (const item of order) {
    if (done.length >= MAX_RANKED || (done.length > 0 && !mayDecide(item.bound, tops, floor))) break;
    const ranked = rank(item);
    done.push(ranked);
    insertDescending(tops, ranked.question.ranked[0]?.score ?? 0);
  }
  return done.sort(inKnowledgeOrder);
}

const highestBoundFirst = (a: Weighed, b: Weighed): number => b.bound - a.bound;
const inKnowledgeOrder = (a: Ranked, b: Ranked): number => a.index.from - b.index.from;

/**
 * Facts ranked in several articles as one ranking, best score first; of equal scores, the earlier
 * article's first. Each ranking is in that order already: merged two at a time, with no sort.
 */
function mergedByScore(rankings: ReadonlyArray<readonly Scored[]>): readonly Scored[] {
  let merged: readonly Scored[] = [];
  for (const ranking of rankings) {
    if (ranking.length === 0) continue;
    if (merged.length === 0) {
      merged = ranking;
      continue;
    }
    const both: Scored[] = [];
    let i = 0;
    let j = 0;
    while (i < merged.length && j < ranking.length)
      both.push(
        (ranking[j] as Scored).score > (merged[i] as Scored).score
          ? (ranking[j++] as Scored)
          : (merged[i++] as Scored),
      );
    while (i < merged.length) both.push(merged[i++] as Scored);
    while (j < ranking.length) both.push(ranking[j++] as Scored);
    merged = both;
  }
  return merged;
}

/**
 * For each fact found, the bits of the question's terms whose keys or translations it holds (bit
 * i: term i), from the positions the postings found for each term; none past MAX_TERM_BITS terms.
 */
function termBits(holders: ReadonlyArray<readonly number[]>, facts: number): number[] | undefined {
  if (holders.length > MAX_TERM_BITS) return undefined;
  // A plain array of small integers: short-lived, where a typed array would be a buffer off the heap.
  const bits = new Array<number>(facts).fill(0);
  for (let i = 0; i < holders.length; i++) {
    const positions = holders[i] as readonly number[];
    for (let k = 0; k < positions.length; k++) {
      const position = positions[k] as number;
      bits[position] = (bits[position] as number) | (1 << i);
    }
  }
  return bits;
}

/** Puts `value` in its place in numbers kept highest first (a few: no sort). */
function insertDescending(values: number[], value: number): void {
  let at = values.length;
  while (at > 0 && (values[at - 1] as number) < value) at -= 1;
  values.splice(at, 0, value);
}

/** Whether an article whose facts score at most `bound` could change which articles decide. */
function mayDecide(bound: number, tops: readonly number[], floor: number): boolean {
  if (bound > (tops[0] ?? 0)) return true;
  if (bound < floor) return false;
  const passing = tops.filter((top) => top >= floor).length;
  return passing < MAX_DECIDING || bound > (tops[MAX_DECIDING - 1] ?? 0);
}

/**
 * The answer to give when each article searched answered for itself: the most confident answer,
 * else the closest refusal. One article's answer is never mixed with another's.
 */
function bestAnswer(
  answers: readonly Answer[],
  reviewed: (answer: Answer) => boolean,
  notes: DecideNotes,
  tuning: Tuning,
): Answer {
  // A topic one answer leaves out counts against it only where another answer holds it.
  const leavesOut = (answer: Answer) =>
    (notes.partial.get(answer) ?? []).some((topic) =>
      answers.some((other) => other !== answer && other.answered && notes.held.get(other)?.has(topic)),
    );
  const byConfidence = (a: Answer, b: Answer) => b.confidence - a.confidence;
  // A confident answer before a hedged one; a reviewed fact is worth a little more confidence
  // than a sentence nobody reviewed. An answer that leaves out a topic of the question comes
  // after one that holds it: "where will the public meeting take place" is not answered by
  // where a public broadcaster is, when another article says where its meeting is. Left out by
  // both, the topic decides nothing: "la maire qui s'inquiète du départ" is not better answered
  // by a county council's decision, which holds no worry either, than by the mayor's warning.
  const worth = (answer: Answer) =>
    (answer.hedged ? 0 : 2) +
    (leavesOut(answer) ? -1 : 0) +
    answer.confidence +
    (reviewed(answer) ? tuning.reviewed : 0);
  const answered = answers.filter((answer) => answer.answered).sort((a, b) => worth(b) - worth(a));
  const top = answered[0];
  if (!top) return [...answers].sort(byConfidence)[0] as Answer;
  // "Combien coûtait le billet dans les cars régionaux ?": one article's sentence holds the whole
  // question, the kind of answer and its names, but of another time (the ticket will cost).
  // Another article's hedged answer, about water bills, answers something else: the closer
  // article's refusal stands.
  const closer = answers.find(
    (answer) =>
      notes.otherTime.has(answer) &&
      answer.confidence >= tuning.confident &&
      answer.confidence > top.confidence,
  );
  return top.hedged && closer ? closer : top;
}

/**
 * Whether the answer chosen between articles is hedged and leaves out a name the question gives
 * ("the State") that another article's answer holds, while that one lacks a word it holds: "How
 * much money did the State put in?" meets one article's reviewed sum in "put in" (Microsoft's
 * investment) and another's sentence in "State" (who paid for a railway line). Each is the
 * closest its article comes to a question none of them treats whole; citing either answers
 * another question.
 */
function splitsQuestion(best: Answer, answers: readonly Answer[], notes: DecideNotes): boolean {
  const held = notes.held.get(best);
  if (!best.answered || !best.hedged || !held) return false;
  const lacks = (words: ReadonlySet<Term>, other: ReadonlySet<Term>, which: (term: Term) => boolean) =>
    [...other].some((term) => which(term) && !words.has(term));
  return answers.some((other) => {
    const its = notes.held.get(other);
    return (
      other !== best &&
      other.answered &&
      its !== undefined &&
      lacks(held, its, isGivenName) &&
      lacks(its, held, () => true)
    );
  });
}

/** Whether an answer tells the asker they are wrong: a value or a name the article states otherwise. */
function corrects(answer: Answer): boolean {
  return answer.answered && answer.premises.some(isCorrected);
}

const isCorrected = (premise: Premise): boolean => premise.verdict === 'corrected';

/**
 * A correction no word of the question ties to its article: several articles hold figures and
 * names of the kind, and the one the asker got wrong is unknown. The value claimed is named as
 * one no article mentions; a name, which some article does mention, gets the plain refusal.
 */
function unpinnedCorrection(
  frame: AnswerFrame,
  best: Answer,
  intent: QuestionIntent,
  examples: readonly string[],
): Answer {
  const claimed = best.premises.filter(isCorrected).map((premise) => premise.claimed);
  const values = new Set(intent.values.map((value) => value.text));
  if (claimed.every((text) => values.has(text)))
    return refusal(
      frame,
      'unknown-entity',
      unknownEntityMessage(claimed, frame.language),
      examples,
      0,
      claimed.join(', '),
    );
  return refusal(frame, 'not-in-article', message('notInArticle', frame.language), examples, best.confidence);
}

/**
 * Whether the answer chosen between articles ties with another article's (see `Tuning.tie`),
 * which holds every word of the question it holds: "Ça va servir à quoi, tout ce fric ?" names nothing of
 * either article's sum, and each says what its money is for. The question is about neither more
 * than the other.
 */
function heldAlike(best: Answer, answers: readonly Answer[], notes: DecideNotes, tuning: Tuning): boolean {
  const held = notes.held.get(best);
  if (!best.answered || best.hedged || !held) return false;
  return answers.some((other) => {
    const its = notes.held.get(other);
    return (
      other !== best &&
      other.answered &&
      other.confidence >= tuning.tie * best.confidence &&
      its !== undefined &&
      [...held].every((term) => its.has(term))
    );
  });
}

/**
 * A one-word glossary topic's word as written, its own stems for keys: "euros" is money, as
 * "dollars" is, but only an article that writes euros holds it so (knowledge text keeps the
 * stems of a phrase's words). A correction's article is pinned by it.
 */
function writtenWords(terms: readonly Term[], language: Language | null): Term[] {
  return terms
    .filter((term) => term.concept?.kind === 'topic' && term.span === 1)
    .map((term) => ({
      ...term,
      concept: null,
      keys: stemKeys(foldText(term.surface), term.surface.toLowerCase(), language),
      bridged: undefined,
    }));
}

/** A word the question capitalises past its start: a name it gives ("the State", "la Région"). */
function isGivenName(term: Term): boolean {
  return term.position > 0 && CAPITAL.test(term.surface);
}
const CAPITAL = /^\p{Lu}/u;

function articleRef({ id, title, language, date, url }: Source): ArticleRef {
  return { id, title, language, date, url };
}

/** What `decide` notes of the answers it gives, for choosing between articles. */
interface DecideNotes {
  /** Answers that leave out a topic of the question, with the topics (see `leftOutTopics`). */
  readonly partial: Map<Answer, readonly Term[]>;
  /** Refusals whose closest fact fails only on the time it speaks of. */
  readonly otherTime: Set<Answer>;
  /** The question's words (question words aside) that each answer's cited facts hold. */
  readonly held: Map<Answer, ReadonlySet<Term>>;
}

/** Suggestions for a refusal (closest first) and for an answer (related, not the cited). */
interface Suggestions {
  refusal(): string[];
  related(exclude: ReadonlySet<string>): string[];
}

/**
 * Answers, corrects or refuses a read question. A name the article never mentions is refused,
 * unless a yes/no question can be answered without it ("Brad Smith est-il le PDG de Google ?":
 * what the article says of Brad Smith). With no fact passing its checks, the refusal explains
 * the closest one's rejection, if any fact came close.
 */
function decide(
  question: ReadQuestion,
  frame: AnswerFrame,
  suggestions: Suggestions,
  /** What an item quotes, keeping the texts the answer states from it (a corrected name). */
  quote: (item: Scored, stated?: readonly string[]) => Passage,
  tuning: Tuning,
  notes?: DecideNotes,
): Answer {
  const { intent, ranked, unknown } = question;
  const names = unknown.map((mention) => mention.surface);
  const refuseUnknown = () =>
    refusal(
      frame,
      'unknown-entity',
      unknownEntityMessage(names, frame.language),
      suggestions.refusal(),
      0,
      names.join(', '),
    );
  if (unknown.length > 0 && !intent.yesNo) return refuseUnknown();

  const candidates = ranked.filter(
    (item) => item.score >= answerThreshold(item, tuning) && !namesAlone(item, question.terms),
  );
  const verdicts = new Map<Scored, Rejection[]>();
  const verdictOf = (item: Scored) => {
    let found = verdicts.get(item);
    if (!found) {
      const spoken = spokenOnly(intent, item.entry.evidence, item.covered);
      found = [
        ...checkEvidence(intent, item.entry.evidence),
        ...(spoken ? [spoken] : []),
        ...unknown.map((mention): Rejection => ({ kind: 'absent', mention })),
      ];
      verdicts.set(item, found);
    }
    return found;
  };
  const choice = choose(candidates, question, verdictOf, tuning);
  if (!choice) {
    if (unknown.length > 0) return refuseUnknown();
    const rejected = closestRejected(candidates, verdictOf);
    if (rejected) {
      const rejections = verdictOf(rejected);
      const explained = explainedRefusal(
        frame,
        quote(rejected),
        rejections,
        suggestions.refusal(),
        rejected.score,
      );
      if (rejections.every((rejection) => rejection.kind === 'missing-time')) notes?.otherTime.add(explained);
      return explained;
    }
    const best = ranked[0];
    return refusal(
      frame,
      'not-in-article',
      message('notInArticle', frame.language),
      suggestions.refusal(),
      best?.score ?? 0,
    );
  }
  const leftOut = leftOutTopics(question, choice.cited, tuning);
  // "Dans quelle ville sera le centre de recherche ?": the fact about the research centre fits
  // best but names no city; a fact about other places, silent on the centre, is no answer.
  const best = candidates[0];
  if (best && !choice.cited.includes(best) && leftOut.some((term) => best.covered.has(term))) {
    return explainedRefusal(frame, quote(best), verdictOf(best), suggestions.refusal(), best.score);
  }
  // A quoted correction may come first: the confidence is that of the fact that answers.
  const score = Math.max(0, ...choice.cited.map((item) => item.score));
  const confidence = leftOut.length > 0 ? Math.min(score, tuning.leftOutTopic) : score;
  // "Are the GPUs from nvidia?": only the closest the article comes, and the question turns on a
  // word no article and no dictionary knows, a name typed in lower case. What the article says of
  // the rest answers another question.
  // "google is investing 2.9bn in japan, right?": a claim is confirmed only where the article
  // holds all of its words; "Yes: 2,9 milliards" would vouch for Google.
  const confirms = choice.premises.some((premise) => premise.verdict === 'confirmed');
  const unsaid = confirms
    ? unheldWords(question, () => true)
    : confidence < tuning.confident
      ? unheldWords(question, isUnknownWord)
      : [];
  const closest = choice.cited[0];
  if (closest && unsaid.length > 0)
    return unsaidRefusal(frame, quote(closest), unsaid, suggestions.refusal(), confidence);
  // Related questions are looked for only once the answer stands.
  const related = suggestions.related(new Set(choice.cited.map((item) => item.entry.fact.id)));
  const stated = choice.premises.map((premise) => premise.stated);
  const passages = choice.cited.map((item) => quote(item, stated));
  const answer = answerFrom(
    frame,
    passages,
    choice.premises,
    confidence,
    confidence < tuning.confident,
    related,
  );
  if (leftOut.length > 0) notes?.partial.set(answer, leftOut);
  if (notes) notes.held.set(answer, heldWords(choice.cited));
  return answer;
}

/**
 * The weight of the question's words that `other` holds and no fact cited yet does. The word that
 * asks with the question word ("how long") is the kind of answer, not a part of the question: a
 * sentence holding another duration answers no part the first leaves out.
 */
function addedWeight(other: Scored, cited: readonly Scored[], question: ReadQuestion): number {
  const { terms, weights, intent } = question;
  let added = 0;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as Term;
    if (term.question || asksWithQuestionWord(term, intent) || !other.covered.has(term)) continue;
    if (!cited.some((item) => item.covered.has(term))) added += weights[i] ?? 0;
  }
  return added;
}

/** The question's words, question words aside, that the cited facts hold. */
function heldWords(cited: readonly Scored[]): Set<Term> {
  const held = new Set<Term>();
  for (const item of cited) for (const term of item.covered) if (!term.question) held.add(term);
  return held;
}

/**
 * "Why does Smith think AI matters for Japan?" answered by what Smith said of the investment:
 * the answer leaves out a topic of the question (AI) that other facts of the article treat, so
 * the article may answer better elsewhere. Such an answer is not a confident one.
 */
function leftOutTopics(question: ReadQuestion, cited: readonly Scored[], tuning: Tuning): Term[] {
  const { terms, weights, total, ranked } = question;
  return terms.filter(
    (term, i) =>
      term.concept !== null &&
      !term.question &&
      (weights[i] ?? 0) >= tuning.topicShare * total &&
      !cited.some((item) => item.covered.has(term)) &&
      ranked.some((item) => item.score > 0 && !cited.includes(item) && item.covered.has(term)),
  );
}

/** The question's terms, intent and best-scoring facts, with why each was rejected. */
function explanationOf(question: ReadQuestion, top: number): Explanation {
  const { terms, weights, ranked, intent, unknown } = question;
  return {
    terms: terms.map((term, i) => ({
      surface: term.surface,
      keys: term.keys,
      ...(term.bridged?.length ? { bridged: term.bridged } : {}),
      weight: Math.round((weights[i] ?? 0) * 100) / 100,
      flags: [
        term.question ? 'question' : '',
        term.name ? 'name' : '',
        term.adjective ? 'adjective' : '',
        term.corrected ? 'corrected' : '',
        term.known ? '' : 'unknown',
      ]
        .filter(Boolean)
        .join(','),
    })),
    intent: describeIntent(intent, unknown),
    ranking: ranked.slice(0, top).map((item) => ({
      factId: item.entry.fact.id,
      score: round(item.score),
      covered: [...item.covered].map((term) => term.surface),
      rejected: checkEvidence(intent, item.entry.evidence).map(describeRejection),
    })),
  };
}

/** The facts of each article, in the knowledge's order: grouped once, not filtered per article. */
export function factsBySource(facts: readonly Fact[]): Map<string, Fact[]> {
  const bySource = new Map<string, Fact[]>();
  for (const fact of facts) {
    const list = bySource.get(fact.source);
    if (list) list.push(fact);
    else bySource.set(fact.source, [fact]);
  }
  return bySource;
}

/** An article's facts from its sentences, kept by the cache while the article is unchanged. */
function sentenceFactMaker(
  reviewed: ReadonlyMap<string, readonly Fact[]>,
  questionsOf: QuestionMaker,
  cache: ArticleCache | null,
): (source: Source) => readonly Fact[] {
  return (source) => {
    const own = reviewed.get(source.id) ?? [];
    const make = () => sentenceFactsOf(source, own, questionsOf);
    return cache ? cache.sentenceFacts(source, own, make) : make();
  };
}

/**
 * Picks what answers: the best fact whose evidence passes every check. A yes/no question may
 * name one thing the evidence replaces (a name, or a name the article never mentions): that is
 * its premise, corrected. A list question gathers every passing fact of its kind; another
 * question also cites a fact that ties, or that covers a part of it the first leaves out. The
 * ranking is one article's: an answer never mixes the evidence of two.
 */
function choose(
  candidates: readonly Scored[],
  question: ReadQuestion,
  verdictOf: (item: Scored) => Rejection[],
  tuning: Tuning,
): Choice | null {
  const { intent } = question;
  let first: { item: Scored; premises: Premise[] } | null = null;
  for (const item of listOrder(candidates, intent, tuning)) {
    const premises = premisesOf(item.entry, verdictOf(item), intent);
    if (premises) {
      first = { item, premises };
      break;
    }
  }
  const below = correctionBelowAnswer(question, verdictOf, tuning);
  if (!first || (below && isCorrection(first.premises) && saysMoreOfClaim(below.item, first.item, question)))
    first = below ?? first;
  if (!first) return null;
  const best = first.item;
  // A list gathers facts that each pass every check; a further fact that answers another part
  // of the question ("…, and what does the mayor think?") is checked by the part it answers,
  // which the first fact's checks do not describe: it adds to a checked answer.
  const fits = (item: Scored) => item !== best && (!intent.list || verdictOf(item).length === 0);
  const cited = [best];
  const fresh = (item: Scored) =>
    !cited.some((other) => overlaps(other.entry.fact.quote, item.entry.fact.quote)) && fits(item);
  if (intent.list) {
    const wanted = intent.list.count ?? MAX_CITATIONS;
    let items = best.entry.evidence.items;
    for (const other of candidates) {
      if (items >= wanted || cited.length >= MAX_CITATIONS) break;
      if (other.score < tuning.listShare * best.score || !fresh(other)) continue;
      cited.push(other);
      items += other.entry.evidence.items;
    }
    return { cited, premises: first.premises };
  }
  const { ranked } = question;
  for (let r = 1; r < ranked.length && cited.length < MAX_CITATIONS; r++) {
    const other = ranked[r] as Scored;
    const tie = other.score >= tuning.tie * best.score;
    // Best first: once a fact neither ties nor scores enough to span, none after it does.
    if (!tie && other.score < tuning.spanningScore) break;
    if (!fresh(other)) continue;
    if (tie || addedWeight(other, cited, question) >= tuning.spanningShare * question.total)
      cited.push(other);
  }
  return {
    cited: [...quotingCorrections(first.premises, cited, question.ranked), ...cited],
    premises: first.premises,
  };
}

/**
 * "Why is Microsoft spending 29 billion dollars?": the correction comes first, so its words must
 * be quoted first. The fact whose quote states what the article says instead is cited before
 * the answer, when no cited quote holds it already.
 */
function quotingCorrections(
  premises: readonly Premise[],
  cited: readonly Scored[],
  ranked: readonly Scored[],
): Scored[] {
  const unquoted = premises.filter(
    (premise) =>
      premise.verdict === 'corrected' &&
      !cited.some((item) => item.entry.fact.quote.includes(premise.stated)),
  );
  const holders = unquoted.flatMap((premise) => {
    const holder = ranked.find((item) => item.entry.fact.quote.includes(premise.stated));
    return holder ? [holder] : [];
  });
  return [...new Set(holders)].slice(0, Math.max(0, MAX_CITATIONS - cited.length));
}

/**
 * "Le sommet porte sur la montée de la Russie, non ?": the claim and the words around it weigh
 * the fact under the answer threshold, yet the fact puts another name of the same kind in the
 * claim's place. A yes/no question is then answered with that correction, and only then.
 */
function correctionBelowAnswer(
  question: ReadQuestion,
  verdictOf: (item: Scored) => Rejection[],
  tuning: Tuning,
): { item: Scored; premises: Premise[] } | null {
  if (!question.intent.yesNo) return null;
  for (const item of question.ranked) {
    if (item.score < tuning.correction) break;
    if (item.score >= answerThreshold(item, tuning)) continue;
    const premises = premisesOf(item.entry, verdictOf(item), question.intent);
    if (premises?.some((premise) => premise.verdict !== 'confirmed')) return { item, premises };
  }
  return null;
}

function isCorrection(premises: readonly Premise[]): boolean {
  return premises.some((premise) => premise.verdict !== 'confirmed');
}

/**
 * "Kishida et Biden vont discuter de la montée de la Russie, non ?": two facts put something in
 * the claimed name's place; the one that holds more of the claim's other words ("montée", not
 * only the names) corrects it, though it scores less.
 */
function saysMoreOfClaim(item: Scored, other: Scored, { terms, weights }: ReadQuestion): boolean {
  let balance = 0;
  terms.forEach((term, i) => {
    if (term.question || term.name) return;
    if (item.covered.has(term) && !other.covered.has(term)) balance += weights[i] ?? 0;
    if (other.covered.has(term) && !item.covered.has(term)) balance -= weights[i] ?? 0;
  });
  return balance > 0;
}

/**
 * A list asks for items of a kind ("which two components"): a quote that names the kind itself
 * ("…composants industriels clés") names the category, not its items, and comes after the
 * close candidates that do not.
 */
function listOrder(candidates: readonly Scored[], intent: QuestionIntent, tuning: Tuning): readonly Scored[] {
  // Only where the question counts them ("which two components") or wants them precisely
  // ("quelles matières premières précises"): a plural alone ("quelles installations") may well
  // be answered by the quote that names them.
  const head = intent.list?.count || intent.precise ? (intent.list?.head ?? []) : [];
  const top = candidates[0];
  if (head.length === 0 || !top) return candidates;
  const namesKind = (item: Scored) => head.some((key) => item.entry.quoteKeys.has(key));
  // Precisely: the kind named again is no answer at all.
  if (intent.precise) return candidates.filter((item) => !namesKind(item));
  const items = candidates.filter((item) => !namesKind(item) && item.score >= tuning.listShare * top.score);
  return [...items, ...candidates.filter((item) => !items.includes(item))];
}

/**
 * What the question's claims come to against a fact, or null when the fact cannot answer. Each
 * stated value is confirmed or corrected by a value of its kind. In a yes/no question one name
 * the evidence lacks may be a claim too, when the quote puts another name in its place.
 */
function premisesOf(
  entry: IndexedFact,
  rejections: readonly Rejection[],
  intent: QuestionIntent,
): Premise[] | null {
  // A name the evidence lacks, or a place it does not put there ("unveiled in Tokyo?"), may be
  // a yes/no question's claim; any other rejection stands.
  const claims = rejections.filter(
    (rejection) =>
      rejection.kind === 'absent' || (rejection.kind === 'role' && rejection.mention.role === 'place'),
  );
  if (rejections.length > claims.length) return null;
  const premises: Premise[] = [];
  const only = claims[0];
  if (only && (only.kind === 'absent' || only.kind === 'role')) {
    if (!intent.yesNo || claims.length > 1) return null;
    const named = new Set(intent.mentions.map((mention) => mention.id));
    const substitute = entry.evidence.quoteMentions.find(
      (mention) =>
        !named.has(mention.id) &&
        sameKind(only.mention, mention) &&
        rolesAgree(only.mention.role, new Set([mention.role])),
    );
    if (!substitute) return null;
    premises.push(
      only.mention.id.startsWith('?')
        ? { verdict: 'unmentioned', claimed: only.mention.surface, stated: '' }
        : { verdict: 'corrected', claimed: only.mention.surface, stated: substitute.surface },
    );
  }
  for (const value of intent.values) {
    const found = entry.evidence.values.filter((other) => other.kind === value.kind);
    const same = found.find((other) => sameValue(other, value));
    const stated = same ?? found[0];
    if (!stated) return null;
    premises.push({ verdict: same ? 'confirmed' : 'corrected', claimed: value.text, stated: stated.text });
  }
  // A confirmation is worth saying only to a yes/no question.
  return intent.yesNo ? premises : premises.filter((premise) => premise.verdict !== 'confirmed');
}

/**
 * Whether a name of the evidence can stand in a claimed name's place: of its type, or, for a
 * name the article never mentions, of the kind its role asks (a place, someone who acts).
 */
function sameKind(claimed: Mention, other: Mention): boolean {
  if (claimed.type !== null) return other.type === claimed.type;
  // "le président de l'Indonésie" (des Philippines, philippin): an owner may be of any kind.
  if (claimed.role === 'attribute') return true;
  // "Kishida a rencontré Satya Nadella": a name, not "japonais".
  if (other.adjective) return false;
  if (other.type === null || claimed.role === 'unknown') return true;
  return claimed.role === 'place' ? other.type === 'place' : other.type !== 'place';
}

/** The rejected candidate to explain a refusal with: one whose names fit, if any. */
function closestRejected(
  candidates: readonly Scored[],
  verdictOf: (item: Scored) => Rejection[],
): Scored | undefined {
  const aboutNames = (item: Scored) =>
    verdictOf(item).some((rejection) => rejection.kind === 'absent' || rejection.kind === 'role');
  return candidates.find((item) => !aboutNames(item)) ?? candidates[0];
}

/** Unreviewed questions checked for one list of suggestions at most: the rest wait for another. */
const CHECKS_PER_SUGGESTION = 6;

/**
 * Suggestions: the closest answerable questions first, then the featured facts. A reviewed
 * fact's question is offered as is; a question generated for an unreviewed sentence only once
 * the engine has answered it from that sentence (checked once, then remembered).
 */
function suggester(entries: readonly IndexedFact[], answers: (fact: Fact, question: string) => boolean) {
  const featuredFirst = [
    ...entries.filter((entry) => entry.fact.featured),
    ...entries.filter((entry) => !entry.fact.featured),
  ];
  // By language, then fact id: no key is made of the two (a string built and hashed per fact offered).
  const checked: Record<Language, Map<string, string | null>> = { fr: new Map(), en: new Map() };
  return (ranked: readonly Scored[], exclude: ReadonlySet<string>, language: Language, max: number) => {
    const chosen: string[] = [];
    const seen = new Set(exclude);
    let checks = 0;
    const questionOf = (fact: Fact): string | undefined => {
      if (!fact.uncurated) return fact.questions[language][0];
      const known = checked[language];
      if (!known.has(fact.id)) {
        if (checks >= CHECKS_PER_SUGGESTION) return undefined;
        checks += 1;
        known.set(fact.id, fact.questions[language].find((question) => answers(fact, question)) ?? null);
      }
      return known.get(fact.id) ?? undefined;
    };
    const offer = (entry: IndexedFact) => {
      if (chosen.length >= max || seen.has(entry.fact.id)) return;
      seen.add(entry.fact.id);
      const question = questionOf(entry.fact);
      if (question) chosen.push(question);
    };
    // The closest first, then the featured facts: walked, not copied (there may be thousands).
    for (const item of ranked) {
      if (chosen.length >= max) return chosen;
      if (item.score > 0) offer(item.entry);
    }
    for (const entry of featuredFirst) {
      if (chosen.length >= max) break;
      offer(entry);
    }
    return chosen;
  };
}

/**
 * The score from which a fact may answer. A sentence nobody reviewed has no alternate questions
 * to match, so the same match scores it lower than a reviewed fact: its threshold is lower too.
 */
function answerThreshold(item: Scored, tuning: Tuning): number {
  return item.entry.fact.uncurated ? tuning.answerUncurated : tuning.answer;
}

/**
 * Whether a sentence nobody reviewed meets the question only in its names: "quand aura-t-on une
 * décision pour Montbrison ?" is not answered by when a study of Montbrison starts. A question
 * of names alone ("who is X") is not concerned.
 */
function namesAlone(item: Scored, terms: readonly Term[]): boolean {
  if (!item.entry.fact.uncurated) return false;
  const isName = (term: Term) => term.name || term.concept?.kind === 'entity';
  const words = terms.filter((term) => !term.question && !isName(term));
  return words.length > 0 && !words.some((term) => item.covered.has(term));
}

/**
 * The question's words of some weight that no fact of the article holds, not even through a
 * translation or a synonym, of those `which` picks. Names are not: one the article never
 * mentions is refused, or corrected, apart (`unknownNames`).
 */
function unheldWords({ terms, weights, ranked }: ReadQuestion, which: (term: Term) => boolean): string[] {
  return terms
    .filter(
      (term, i) =>
        !term.question &&
        !term.name &&
        (weights[i] ?? 0) > 0 &&
        which(term) &&
        !ranked.some((item) => item.covered.has(term)),
    )
    .map((term) => term.surface);
}

/**
 * A word that neither the knowledge nor the dictionaries know, nor a correction reads as a typo:
 * a name typed in lower case ("nvidia"). Short ones may be chat spellings ("abt", "wer").
 */
function isUnknownWord(term: Term): boolean {
  return !term.known && !term.corrected && term.surface.length >= MIN_UNKNOWN_WORD;
}

/** Letters from which a word nobody knows is read as a name rather than a chat spelling. */
const MIN_UNKNOWN_WORD = 5;

/** No term is a claim to check (an open question's unknown names are refused, not checked). */
const NO_CLAIM = (): boolean => false;

function isUnknownName(term: Term): boolean {
  return term.name && term.concept === null;
}

/**
 * The names in the question that the knowledge base does not know. Words typed next to each
 * other make one name ("Tim Cook"); apart, they are separate ones ("Google … Paris").
 */
function unknownNames(
  terms: readonly Term[],
  question: string,
  tokens: readonly Token[],
  known: readonly Mention[],
): Mention[] {
  const names: Mention[] = [];
  for (const term of terms) {
    if (!isUnknownName(term)) continue;
    const last = names.at(-1);
    if (
      last !== undefined &&
      new RegExp(`${escapeRegExp(last.surface)}[\\s-]+${escapeRegExp(term.surface)}`, 'u').test(question)
    ) {
      names[names.length - 1] = { ...last, surface: `${last.surface} ${term.surface}`, to: term.position };
    } else {
      // "à Tokyo et Kyoto": the name before it, known or not, may share its role.
      const previous = [...known, ...names]
        .filter((mention) => mention.to < term.position)
        .sort((a, b) => a.to - b.to)
        .at(-1);
      const role = roleAt(tokens, term.position, null, previous);
      names.push({
        id: `?${term.surface}`,
        type: null,
        surface: term.surface,
        role,
        adjective: false,
        from: term.position,
        to: term.position,
      });
    }
  }
  return names;
}

function describeIntent(intent: QuestionIntent, unknown: readonly Mention[]): Explanation['intent'] {
  return {
    answerType: intent.answerType,
    yesNo: intent.yesNo,
    list: intent.list ? `list of ${intent.list.count ?? 'any'}` : null,
    entities: [...intent.mentions, ...unknown].map((mention) => `${mention.surface}=${mention.role}`),
    values: intent.values.map((value) => `${value.text}=${value.kind}`),
    frames: [...intent.frames],
  };
}

function describeRejection(rejection: Rejection): string {
  switch (rejection.kind) {
    case 'missing-type':
      return `no ${rejection.type} in the quote`;
    case 'missing-value':
      return `no ${rejection.value.kind} to check "${rejection.value.text}" against`;
    case 'missing-time':
      return `says nothing of the ${rejection.frame}`;
    case 'absent':
      return `${rejection.mention.surface} not in its sentence`;
    case 'role':
      return `${rejection.mention.surface} is not ${rejection.mention.role} there`;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function overlaps(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}
