import type { Term } from './analyse.js';
import { answeringPassage, clauseSpans } from './clause.js';
import type { Passage } from './compose.js';
import { checkEvidence, type Evidence, type Rejection } from './evidence.js';
import type { FactIndex, IndexedFact } from './factIndex.js';
import type { AnalysedQuestion, Scored } from './scorer.js';
import { foldText, type Token, tokenise, wordsOf } from './text.js';

/**
 * What a cited fact quotes: a reviewed fact its quote; a sentence nobody reviewed the shortest run
 * of its clauses that holds the question's words, the kind of answer asked and something new.
 */
export function passageOf(
  item: Scored,
  question: AnalysedQuestion,
  index: FactIndex,
  clauses: ClauseReader,
): Passage {
  const { entry } = item;
  const language = index.source.language;
  if (!entry.fact.uncurated) return { entry, quote: entry.fact.quote, language };
  const asked = new Set(
    question.terms
      .filter((term) => !term.question)
      .flatMap((term) => [...term.keys, ...(term.bridged ?? [])]),
  );
  const read = clauses(entry);
  const named = newNames(question, read.evidence(entry.fact.quote));
  const quote = answeringPassage(entry.fact.quote, read.spans, (passage, first, last) => {
    const parts = read.terms.slice(first, last + 1);
    const holds = (keys: readonly string[] | undefined) =>
      keys !== undefined &&
      parts.some((terms) => terms.some((term) => term.keys.some((key) => keys.includes(key))));
    let weight = 0;
    question.terms.forEach((term, i) => {
      if (!term.question && (holds(term.keys) || holds(term.bridged))) weight += question.weights[i] ?? 0;
    });
    const newWords = parts.flat().filter((term) => !term.keys.some((key) => asked.has(key))).length;
    const holdsType = () => {
      const evidence = read.evidence(passage);
      if (!checkEvidence(question.intent, evidence).some((rejection) => rejection.kind === 'missing-type'))
        return named.every((id) => evidence.quoteMentions.some((mention) => mention.id === id));
      return false;
    };
    return { weight, newWords, holdsType };
  });
  return { entry, quote, language };
}

/** Kinds of answer that are a figure. */
const FIGURES: ReadonlySet<string> = new Set(['amount', 'time']);
/** Words that ask for the figure ("coûte", "price", "date"), not what it is of. */
const FIGURE_WORDS: ReadonlySet<string> = new Set([
  ...wordsOf('moneyWords'),
  ...wordsOf('costVerbs'),
  ...wordsOf('quantityNouns'),
  ...wordsOf('timeNouns'),
  ...wordsOf('calendarNouns'),
]);
/** "moins que", "than", as token norms: what follows is what a figure is compared to. */
const COMPARISONS = [...wordsOf('comparisons')].map((phrase) => tokenise(phrase).map((token) => token.norm));

/**
 * Whether a sentence nobody reviewed names a thing the question asks the figure of only as what
 * another figure is compared to: "l'abonnement sera facturé 45 euros, soit 15 % de moins que
 * l'ancien forfait des cars" gives no figure of the buses, so it cannot say what a bus ticket cost.
 */
export function comparedOnly(item: Scored, question: AnalysedQuestion, clauses: ClauseReader): Rejection[] {
  const type = question.intent.answerType;
  if (!item.entry.fact.uncurated || type === null || !FIGURES.has(type)) return [];
  const read = clauses(item.entry);
  const sentence = item.entry.fact.quote;
  const compared = new Set<string>();
  const elsewhere = new Set<string>();
  read.spans.forEach(([from, to], i) => {
    const start = comparedFrom(tokenise(sentence.slice(from, to)));
    for (const term of read.terms[i] ?? [])
      for (const key of term.keys) (term.position >= start ? compared : elsewhere).add(key);
  });
  if (compared.size === 0) return [];
  const only = question.terms.some((term) => {
    if (term.question || !item.covered.has(term) || FIGURE_WORDS.has(foldText(term.surface))) return false;
    const keys = [...term.keys, ...(term.bridged ?? [])];
    return keys.some((key) => compared.has(key)) && !keys.some((key) => elsewhere.has(key));
  });
  return only ? [{ kind: 'missing-type', type }] : [];
}

/** The first token after a comparison ("moins que", "than"), or no position when none. */
function comparedFrom(tokens: readonly Token[]): number {
  for (let i = 0; i < tokens.length; i++)
    for (const phrase of COMPARISONS)
      if (phrase.length > 0 && phrase.every((norm, j) => tokens[i + j]?.norm === norm))
        return i + phrase.length;
  return Number.POSITIVE_INFINITY;
}

/** Kinds of answer that are a name: who, which name, who said it. */
const NAMING: ReadonlySet<string> = new Set(['person', 'name', 'organisation', 'speech']);

/**
 * The names of the sentence the question does not hold, when it asks for a name: a cut must keep
 * them all, or it may drop the one that answers ("Dr Priya Nandakumar, a marine scientist with
 * the Society, said…" is not "a marine scientist with the Society, said…").
 */
function newNames(question: AnalysedQuestion, whole: Evidence): string[] {
  if (!NAMING.has(question.intent.answerType ?? '')) return [];
  const asked = new Set(question.intent.mentions.map((mention) => mention.id));
  return whole.quoteMentions
    .filter((mention) => !mention.adjective && !asked.has(mention.id))
    .map((mention) => mention.id);
}

/** An unreviewed sentence cut into clauses, each read once, and the evidence of its passages. */
interface ReadClauses {
  readonly spans: ReadonlyArray<readonly [number, number]>;
  readonly terms: readonly (readonly Term[])[];
  evidence(passage: string): Evidence;
}

export type ClauseReader = (entry: IndexedFact) => ReadClauses;

/** Reads each unreviewed sentence's clauses once, when it is first cited, and keeps them. */
export function clauseReader(index: (entry: IndexedFact) => FactIndex): ClauseReader {
  const read = new Map<string, ReadClauses>();
  return (entry) => {
    let found = read.get(entry.fact.id);
    if (!found) {
      const factIndex = index(entry);
      const language = factIndex.source.language;
      const sentence = entry.fact.quote;
      const spans = clauseSpans(sentence);
      const evidence = new Map<string, Evidence>();
      found = {
        spans,
        terms: spans.map(([from, to]) => factIndex.termsOf(sentence.slice(from, to), language)),
        evidence: (passage) => {
          let known = evidence.get(passage);
          if (!known) {
            known = factIndex.evidenceOf(entry, passage);
            evidence.set(passage, known);
          }
          return known;
        },
      };
      read.set(entry.fact.id, found);
    }
    return found;
  };
}
