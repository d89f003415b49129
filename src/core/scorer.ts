import type { Term } from './analyse.js';
import { ACCENTED_LANGUAGE } from './bridge.js';
import { type Evidence, holdsMoney } from './evidence.js';
import { ALTERNATE_BITS, type FactIndex, type IndexedFact } from './factIndex.js';
import type { QuestionIntent } from './intent.js';
import { CITY_WORDS, foldText, QUANTITY_WORDS } from './text.js';
import type { Tuning } from './tuning.js';
import type { AnswerType } from './types.js';

/** A question analysed once: its terms, their weights, and its intent. */
export interface AnalysedQuestion {
  readonly terms: readonly Term[];
  readonly weights: readonly number[];
  readonly total: number;
  readonly intent: QuestionIntent;
  /** What kind of answer its words lean to, read once per question. */
  readonly leaning: Leaning;
}

export interface Scored {
  readonly entry: IndexedFact;
  readonly score: number;
  readonly covered: ReadonlySet<Term>;
}

/** What kind of answer the question's words lean to: it lowers, never forbids, a fact's score. */
export interface Leaning {
  readonly quantity: boolean;
  readonly name: boolean;
  readonly time: boolean;
  readonly person: boolean;
  readonly speech: boolean;
  readonly names: ReadonlySet<string>;
}

export function leaningOf(terms: readonly Term[], form: ReadonlySet<number> = new Set()): Leaning {
  // Plain loops, each word folded once: this runs for every question.
  const keys = new Set<string>();
  const names = new Set<string>();
  let quantityWord = false;
  let cityWord = false;
  for (const term of terms) {
    if (term.question && !form.has(term.position)) for (const key of term.keys) keys.add(key);
    const folded = foldText(term.surface);
    quantityWord ||= QUANTITY_WORDS.has(folded);
    cityWord ||= CITY_WORDS.has(folded);
    if (term.concept?.kind === 'entity') names.add(term.concept.id);
  }
  return {
    quantity: keys.has('q:amount') || quantityWord,
    // "Dans quelle ville" wants a city's name, which "le pays asiatique" is not.
    name: keys.has('q:name') || cityWord,
    time: keys.has('q:time'),
    person: keys.has('q:person'),
    speech: keys.has('q:speech'),
    names,
  };
}

/**
 * Weighs a question's terms. A value the question states ("5 milliards", "ten years"), and any
 * other claim the caller names, weighs like a question word: it is checked against the evidence,
 * not matched as a word.
 */
export function weigh(
  terms: readonly Term[],
  intent: QuestionIntent,
  index: FactIndex,
  tuning: Tuning,
  isClaim: (term: Term) => boolean = () => false,
): number[] {
  // A plain loop: this runs for every article weighed for every question.
  const weights: number[] = [];
  for (const term of terms) {
    // "Which two cities", "…, non ?": the question's form, not its topic.
    if (intent.form.has(term.position)) weights.push(0);
    else weights.push(inValue(term, intent) || isClaim(term) ? tuning.questionWord : index.weightOf(term));
  }
  return weights;
}

/** Whether the term is a word of a value the question states. */
function inValue(term: Term, intent: QuestionIntent): boolean {
  for (const value of intent.values)
    if (term.position >= value.from && term.position <= value.to) return true;
  return false;
}

/**
 * Scores a fact: 1 − alternateShare of the IDF-weighted share of the question it holds, plus
 * alternateShare of the best weighted Dice to one alternate question, lowered where the fact
 * lacks the kind of answer the question leans to or a name it holds.
 */
const NOTHING_COVERED: ReadonlySet<Term> = new Set();

/**
 * For each fact of a list, the bits of the question's words (bit i: term i, up to MAX_TERM_BITS)
 * whose keys or translations the postings found it holds; undefined when not known. A word
 * whose bit is unset is held neither way, and needs no look-up in the fact's keys.
 */
export type HeldTerms = ArrayLike<number> | undefined;

export function scoreFact(
  entry: IndexedFact,
  question: AnalysedQuestion,
  tuning: Tuning,
  /** The bits of the question's words the fact holds (see HeldTerms), when known. */
  held?: number,
): Scored {
  // Most facts share no word with a question: they all get the one empty set. Question words
  // never select a fact alone.
  if (!sharesContent(question.terms, entry, held)) return { entry, covered: NOTHING_COVERED, score: 0 };
  return scoreSharing(entry, question, tuning, held);
}

/** Whether the fact may hold term `i`'s keys or translations: known not to when its bit is unset. */
function mayHold(held: number | undefined, i: number, term: Term): boolean {
  return held === undefined || term.question || i >= MAX_TERM_BITS || ((held >>> i) & 1) === 1;
}

/** Scores a fact that holds at least one of the question's words other than a question word. */
function scoreSharing(entry: IndexedFact, question: AnalysedQuestion, tuning: Tuning, held?: number): Scored {
  const { terms, weights, total } = question;
  const covered = new Set<Term>();
  let coveredWeight = 0;
  // The weight of the words whose keys the fact holds: an alternate's keys are among the fact's,
  // so no alternate shares more.
  let heldWeight = 0;
  // Which terms it holds, as bits, and for each, which of its alternates hold it (see
  // IndexedFact.keys): an alternate holds no word its fact lacks.
  let heldBits = 0;
  const bitsOfTerms = terms.length <= MAX_TERM_BITS;
  // A sentence nobody reviewed has no questions of its own: it answers a question word when it
  // holds that kind of answer ("who": someone named).
  const { uncurated } = entry;
  // The weightiest word held only through a synonym, and its weight (see below).
  let relatedTerm: Term | null = null;
  let relatedWeight = 0;
  // Plain loops: this runs for every fact and every question, and closures would be garbage.
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as Term;
    const weight = weights[i] ?? 0;
    const holds = mayHold(held, i, term);
    const alternates = holds ? alternatesHolding(term.keys, entry.keys) : -1;
    if (alternates >= 0) {
      coveredWeight += weight;
      heldWeight += weight;
      if (bitsOfTerms) {
        heldBits |= 1 << i;
        ALTERNATES_OF_TERM[i] = alternates;
      }
    } else if (uncurated && term.question && holdsClass(term, entry.evidence.types)) {
      coveredWeight += weight;
    } else if (uncurated && asksWith(term, question.intent, entry.evidence)) {
      // Any date covers "quel jour", any sum "cost": the word counts no more than a question word would.
      coveredWeight += anyAnswers(term, question.intent) ? Math.min(weight, tuning.questionWord) : weight;
    } else if (uncurated && holds && holdsBridged(term, entry)) {
      // A translation may be loose ("old" is "vieux", not "vieillissante"): it counts for less.
      coveredWeight += tuning.bridged * weight;
    } else if (uncurated && holdsRelated(term, entry)) {
      if (weight > relatedWeight) {
        relatedWeight = weight;
        relatedTerm = term;
      }
      continue;
    } else continue;
    covered.add(term);
  }
  // A synonym is a weak hint: one at most adds to a sentence holding the question's own words,
  // and none finds one alone ("a poem about the sea" is no question about the water's quality).
  if (heldWeight > 0 && relatedTerm !== null) {
    coveredWeight += tuning.related * relatedWeight;
    covered.add(relatedTerm);
  }
  if (uncurated && tooLittle(terms, entry.keys, covered)) return { entry, covered, score: 0 };
  if (uncurated && missesTopic(question, covered)) return { entry, covered, score: 0 };
  let bestAlternate = 0;
  // Alternates come lightest first (see indexEntries): once one could not beat the best Dice
  // even sharing every word the fact holds, no heavier one can.
  const { alternates } = entry;
  for (let a = 0; a < alternates.length; a++) {
    const alternate = alternates[a] as IndexedFact['alternates'][number];
    if ((2 * heldWeight) / (total + alternate.weight) <= bestAlternate) break;
    const shared =
      bitsOfTerms && a < ALTERNATE_BITS
        ? weightOfBit(a, heldBits, weights)
        : sharedWeight(alternate.keys, terms, weights);
    const dice = (2 * shared) / (total + alternate.weight);
    if (dice > bestAlternate) bestAlternate = dice;
  }
  // A sentence nobody reviewed must hold the question's most telling word, or one as telling:
  // "c qui le pdg d'apple" is not answered by a sentence about another chief executive.
  if (uncurated && !coversWeightiest(terms, weights, covered, question.intent))
    coveredWeight *= tuning.missingKeyWord;
  const coverage = coveredWeight / total;
  // A sentence nobody reviewed has no alternate questions: its words alone score it.
  let score = uncurated
    ? coverage
    : (1 - tuning.alternateShare) * coverage + tuning.alternateShare * bestAlternate;
  const { leaning } = question;
  score *= leaningFactor(leaning, entry.evidence.types, tuning);
  // "Avec qui Brad Smith a-t-il fait l'annonce ?": a quote naming only Brad Smith tells nothing new.
  if (leaning.person && entry.evidence.quoteMentions.every((mention) => leaning.names.has(mention.id)))
    score *= tuning.noNewName;
  for (const term of terms)
    if (term.concept?.kind === 'entity' && !covered.has(term)) score *= tuning.missingName;
  return { entry, covered, score };
}

/**
 * Whether the fact holds just one word of the question, and that too little to go on: a word
 * found only through its translation, or a question of one word that names nothing ("quelle
 * heure est-il").
 */
function tooLittle(
  terms: readonly Term[],
  keys: ReadonlyMap<string, number>,
  covered: ReadonlySet<Term>,
): boolean {
  let found: Term | null = null;
  let content = 0;
  for (const term of terms) {
    if (term.question) continue;
    content += 1;
    if (!covered.has(term)) continue;
    if (found) return false;
    found = term;
  }
  if (found === null) return false;
  const named = found.name || found.concept?.kind === 'entity';
  return !holdsAny(found.keys, keys) || (content === 1 && !named);
}

/**
 * Whether a sentence nobody reviewed lacks the thing whose value is asked: "capacity of the city's
 * main reservoir?" is not answered by "a pipeline links the plant to the city's main reservoir".
 */
function missesTopic(question: AnalysedQuestion, covered: ReadonlySet<Term>): boolean {
  const { topic, role } = question.intent;
  // "Who is the president of the co-op": a sentence that never says "president" names another.
  return [topic, ...role].some(
    (position) => position !== null && !coversAt(question.terms, position, covered),
  );
}

/** Whether the term at a token position is covered (true where no term stands there). */
function coversAt(terms: readonly Term[], position: number, covered: ReadonlySet<Term>): boolean {
  for (const term of terms) if (term.position === position) return covered.has(term);
  return true;
}

/**
 * Whether the covered terms include one of the question's weightiest words (question words aside,
 * and the noun of "quel jour", "what percentage", the verb of "how much will it cost": any date,
 * any percentage, any sum covers it, so it tells nothing of the topic).
 */
function coversWeightiest(
  terms: readonly Term[],
  weights: readonly number[],
  covered: ReadonlySet<Term>,
  intent: QuestionIntent,
): boolean {
  // Plain loops: this runs for every sentence scored.
  let max = 0;
  for (let i = 0; i < terms.length; i++)
    if (isTelling(terms[i] as Term, intent)) max = Math.max(max, weights[i] ?? 0);
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as Term;
    if (isTelling(term, intent) && covered.has(term) && (weights[i] ?? 0) >= max) return true;
  }
  return false;
}

/** A word that tells the topic: no question word, nor a noun any date, percentage or sum covers. */
function isTelling(term: Term, intent: QuestionIntent): boolean {
  return !term.question && !askingNoun(term, intent);
}

/** Questions of up to this many terms have the alternates holding each term read as bits. */
export const MAX_TERM_BITS = 30;

/**
 * For the fact being scored, the alternates holding each term (ALTERNATE_BITS bits): written for
 * each term the fact holds, read for its alternates. One buffer, so that scoring allocates none.
 */
const ALTERNATES_OF_TERM = new Int32Array(MAX_TERM_BITS);

/**
 * The weight of the held terms (`held`, bits) that alternate `a` of the fact holds, read in
 * ALTERNATES_OF_TERM, summed in the terms' order.
 */
function weightOfBit(a: number, held: number, weights: readonly number[]): number {
  let shared = 0;
  for (let i = 0; held !== 0; i++, held >>>= 1)
    if ((held & 1) === 1 && ((ALTERNATES_OF_TERM[i] as number) >>> a) & 1) shared += weights[i] ?? 0;
  return shared;
}

/** The weight of the question's terms that hold a key of `keys`, summed in the terms' order. */
function sharedWeight(keys: ReadonlySet<string>, terms: readonly Term[], weights: readonly number[]): number {
  let shared = 0;
  for (let i = 0; i < terms.length; i++)
    if (holdsAny((terms[i] as Term).keys, keys)) shared += weights[i] ?? 0;
  return shared;
}

/**
 * Whether the fact's keys hold one of the term's: -1 if not, else the bits of the alternates
 * that hold one of them.
 */
function alternatesHolding(keys: readonly string[], factKeys: ReadonlyMap<string, number>): number {
  let found = -1;
  for (const key of keys) {
    const bits = factKeys.get(key);
    if (bits !== undefined) found = found < 0 ? bits : found | bits;
  }
  return found;
}

function holdsAny(keys: readonly string[], set: ReadonlySet<string> | ReadonlyMap<string, number>): boolean {
  for (const key of keys) if (set.has(key)) return true;
  return false;
}

/**
 * A word that asks with the question word, answered by a sentence nobody reviewed that holds
 * its kind of answer: the measure word of "how far", "how long" by a figure, the calendar noun
 * of "quel jour", "what year" by a time ("Tuesday" answers "what day" without saying "day"), the
 * share noun of "what percentage", "quelle part" by a percentage of something the question names
 * ("31 % des sociétaires" says no "pourcentage").
 */
export function asksWith(term: Term, intent: QuestionIntent, evidence: Evidence): boolean {
  if (!asksWithQuestionWord(term, intent)) return false;
  const { types } = evidence;
  if (spans(term, intent.measure))
    return (
      (types.has('amount') || types.has('time')) && (!intent.asksHowLong || saysHowLong(intent, evidence))
    );
  // "What percentage of the members": a percentage of something else ("15 % de moins") does not say.
  if (spans(term, intent.share)) return intent.shareOf.some((key) => evidence.sharesOf.includes(key));
  if (spans(term, intent.priced)) return holdsMoney(evidence);
  return spans(term, intent.calendar) && types.has('time');
}

/** "Combien de temps" wants a duration; "how long" a duration or a length. */
function saysHowLong(intent: QuestionIntent, evidence: Evidence): boolean {
  return evidence.saysHowLong || (intent.answerType !== 'time' && evidence.saysLength);
}

/**
 * Whether the term asks with the question word: the measure of "how long", the noun of "quel
 * jour", of "what percentage", the verb of "how much will it cost".
 */
export function asksWithQuestionWord(term: Term, intent: QuestionIntent): boolean {
  return spans(term, intent.measure) || askingNoun(term, intent);
}

/**
 * Whether the term is the noun of "quel jour", "what percentage", the verb of "how much will it
 * cost": the kind of answer, no topic.
 */
function askingNoun(term: Term, intent: QuestionIntent): boolean {
  return anyAnswers(term, intent) || spans(term, intent.share);
}

/** Whether any value of its kind answers the term: a date "quel jour", a sum "cost". */
function anyAnswers(term: Term, intent: QuestionIntent): boolean {
  return spans(term, intent.calendar) || spans(term, intent.priced);
}

/** Whether the term holds the token at `position`: a glossary phrase ("how long") holds several. */
function spans(term: Term, position: number | null): boolean {
  return position !== null && position >= term.position && position < term.position + term.span;
}

/** Whether a quote holding these kinds of answer answers a question word's class. */
function holdsClass(term: Term, types: ReadonlySet<AnswerType>): boolean {
  const kind = kindOfKey(term.keys[0] ?? '');
  return kind === 'generic' || types.has(kind as AnswerType);
}

/**
 * The kind of answer a question word's key asks for ("q:amount": amount), cut once per key: asked
 * for every question word of every sentence scored. Question words have a key per class, a few.
 */
const KINDS = new Map<string, string>();

function kindOfKey(key: string): string {
  let kind = KINDS.get(key);
  if (kind === undefined) {
    kind = key.slice(2);
    KINDS.set(key, kind);
  }
  return kind;
}

/**
 * Whether the fact holds a translation of the term (the bridge): a key that only a word with an
 * accent in its stem gives is that word only where the sentence writes the stem ("traîn" for
 * "drag"), not in "les trains", whose stem folds alike.
 */
function holdsBridged(term: Term, entry: IndexedFact): boolean {
  const { bridged, accents } = term;
  if (!bridged) return false;
  for (const key of bridged) {
    if (!entry.keys.has(key)) continue;
    const written = accents?.get(key);
    // In a sentence of the other language, the key is a word of that language ("electricity").
    if (!written || entry.language !== ACCENTED_LANGUAGE) return true;
    const sentence = writtenLowerCase(entry);
    if (written.some((stem) => sentence.includes(stem))) return true;
  }
  return false;
}

/** A sentence as written, composed and in lower case, made once per fact that needs it. */
const LOWER_SENTENCES = new WeakMap<IndexedFact, string>();
function writtenLowerCase(entry: IndexedFact): string {
  let lower = LOWER_SENTENCES.get(entry);
  if (lower === undefined) {
    lower = entry.sentence.normalize('NFC').toLowerCase();
    LOWER_SENTENCES.set(entry, lower);
  }
  return lower;
}

/** Whether the fact holds a word of its own language that may stand for the term's (the thesaurus). */
function holdsRelated(term: Term, entry: IndexedFact): boolean {
  return term.related !== undefined && holdsAny(term.related, entry.keys);
}

/** Whether the fact holds one of the question's words other than a question word. */
function sharesContent(terms: readonly Term[], entry: IndexedFact, held: number | undefined): boolean {
  const { uncurated } = entry;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as Term;
    if (term.question || !mayHold(held, i, term)) continue;
    if (holdsAny(term.keys, entry.keys)) return true;
    if (uncurated && holdsBridged(term, entry)) return true;
  }
  return false;
}

/**
 * The facts that share something with the question, scored, best first (ties by id, so the
 * order is stable). A fact scoring nothing is left out: at hundreds of articles, most are.
 * `entries` are the facts the postings found for the question's words: any fact that shares
 * one, and maybe others, which score nothing.
 */
export function rankFacts(
  entries: readonly IndexedFact[],
  question: AnalysedQuestion,
  tuning: Tuning,
  /** For each entry, the question's words it holds, when the postings told (see HeldTerms). */
  holds?: HeldTerms,
): Scored[] {
  const ranked: Scored[] = [];
  for (let k = 0; k < entries.length; k++) {
    const scored = scoreFact(entries[k] as IndexedFact, question, tuning, holds?.[k]);
    if (scored.score > 0) ranked.push(scored);
  }
  return ranked.sort(bestFirst);
}

/** Best score first; ties by fact id, so the order is stable. */
const bestFirst = (a: Scored, b: Scored): number =>
  b.score - a.score || a.entry.fact.id.localeCompare(b.entry.fact.id);

/**
 * A score the fact cannot exceed, from `held`: the weight of the question's words other than
 * question words that the postings found it holds. Its question words are counted as it counts
 * them, and it takes the lowering for a kind of answer its quote lacks; the rest of the scoring
 * (a name it misses, the weightiest word) only lowers it further. Articles are ranked best bound
 * first, and only while one could still decide.
 */
export function scoreBound(
  entry: IndexedFact,
  held: number,
  question: AnalysedQuestion,
  tuning: Tuning,
): number {
  const { terms, weights, total, leaning } = question;
  if (total <= 0) return 0;
  const { uncurated } = entry;
  let weight = held;
  // Whether the fact holds a synonym is not known here: the most one could add is counted.
  const related = uncurated ? mostFromSynonym(question, tuning) : 0;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as Term;
    if (uncurated && asksWith(term, question.intent, entry.evidence)) weight += weights[i] ?? 0;
    if (!term.question) continue;
    const holds = uncurated ? holdsClass(term, entry.evidence.types) : holdsAny(term.keys, entry.keys);
    if (holds) weight += weights[i] ?? 0;
  }
  const coverage = (weight + related) / total;
  // Alternates come lightest first (see indexEntries).
  const lightest = entry.alternates[0]?.weight ?? Number.POSITIVE_INFINITY;
  const score = uncurated
    ? coverage
    : (1 - tuning.alternateShare) * coverage + (tuning.alternateShare * 2 * weight) / (total + lightest);
  return score * leaningFactor(leaning, entry.evidence.types, tuning);
}

/** The most one synonym can add to a sentence nobody reviewed: its share of its word's weight. */
function mostFromSynonym(question: AnalysedQuestion, tuning: Tuning): number {
  const { terms, weights } = question;
  let most = 0;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as Term;
    if (!term.question && term.related !== undefined && term.related.length > 0)
      most = Math.max(most, tuning.related * (weights[i] ?? 0));
  }
  return most;
}

/**
 * The best `scoreBound` of an article's facts found for a question, `held[first + i]` being what
 * `found[i]` holds: the same maximum, without the bound of every fact. A fact whose held weight
 * could not beat the best so far, even holding every question word with no lowering, is passed
 * over: most facts found hold one common word, and the bound reads each one's evidence.
 */
export function articleBound(
  found: readonly IndexedFact[],
  held: ArrayLike<number>,
  first: number,
  question: AnalysedQuestion,
  tuning: Tuning,
): number {
  const ceiling = boundCeiling(question, tuning);
  let bound = 0;
  for (let i = 0; i < found.length; i++) {
    const weight = held[first + i] ?? 0;
    if (bound > 0 && ceiling(weight) < bound) continue;
    bound = Math.max(bound, scoreBound(found[i] as IndexedFact, weight, question, tuning));
  }
  return bound;
}

/** Past this share, a ceiling is taken to tie with the best bound: rounding never passes a fact over. */
const CEILING_MARGIN = 1e-9;

/**
 * What `scoreBound` can give a fact holding `held` at most, whatever the fact: every question
 * word and the measure word held, the lightest alternate weighing nothing, no lowering.
 */
function boundCeiling(question: AnalysedQuestion, tuning: Tuning): (held: number) => number {
  const { terms, weights, total, leaning } = question;
  const share = tuning.alternateShare;
  if (total <= 0) return () => 0;
  if (!(share >= 0 && share <= 1)) return () => Number.POSITIVE_INFINITY;
  // For a sentence nobody reviewed, the word that asks with the question word (see `asksWith`)
  // counts twice, and one synonym may add its share (see `scoreBound`).
  let extra = mostFromSynonym(question, tuning);
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as Term;
    const weight = Math.max(0, weights[i] ?? 0);
    if (term.question) extra += weight;
    if (asksWithQuestionWord(term, question.intent)) extra += weight;
  }
  let raise = 1;
  if (leaning.quantity) raise *= Math.max(1, tuning.noQuantity);
  if (leaning.name) raise *= Math.max(1, tuning.noName);
  if (leaning.time) raise *= Math.max(1, tuning.noTime);
  if (leaning.speech) raise *= Math.max(1, tuning.noSpeech);
  // Reviewed: (1 − share) × coverage + share × 2 × weight / (total + lightest) ≤ (1 + share) × coverage.
  const most = Math.max(1, 1 + share) * raise * (1 + CEILING_MARGIN);
  return (held) => ((held + extra) / total) * most;
}

/** The lowering a fact takes when its quote lacks the kind of answer the question leans to. */
function leaningFactor(leaning: Leaning, types: ReadonlySet<AnswerType>, tuning: Tuning): number {
  let factor = 1;
  if (leaning.quantity && !types.has('amount')) factor *= tuning.noQuantity;
  if (leaning.name && !types.has('name')) factor *= tuning.noName;
  if (leaning.time && !types.has('time')) factor *= tuning.noTime;
  if (leaning.speech && !types.has('speech')) factor *= tuning.noSpeech;
  return factor;
}
