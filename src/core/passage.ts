import type { Term } from './analyse.js';
import { answeringPassage, clauseSpans } from './clause.js';
import type { Passage } from './compose.js';
import { checkEvidence, type Evidence } from './evidence.js';
import type { FactIndex, IndexedFact } from './factIndex.js';
import { type AnalysedQuestion, asksWith, type Scored } from './scorer.js';

/**
 * What a cited fact quotes: a reviewed fact its quote; a sentence nobody reviewed the shortest run
 * of its clauses that holds the question's words, the kind of answer asked and something new,
 * and every text the answer states from it (`stated`: "Non : Monique Daries, pas Julien
 * Ferrand" must quote Monique Daries).
 */
export function passageOf(
  item: Scored,
  question: AnalysedQuestion,
  index: FactIndex,
  clauses: ClauseReader,
  stated: readonly string[] = [],
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
  const whole = read.evidence(entry.fact.quote);
  const named = newNames(question, whole);
  // "What weak spots did the studies point out?": a cut of a list keeps every item the sentence
  // lists, not "plusieurs points de fragilité" without the places that follow.
  const items = question.intent.list ? whole.items : 0;
  const kept = stated.filter((text) => text !== '' && entry.fact.quote.includes(text));
  const holdsIn = (parts: readonly (readonly Term[])[], keys: readonly string[] | undefined) =>
    keys !== undefined &&
    parts.some((terms) => terms.some((term) => term.keys.some((key) => keys.includes(key))));
  // "What kind of group is the Cascade Forest Resilience Project?": the words the question writes
  // with a capital name what it asks about; the others say what it asks, and a cut keeps them.
  const asking = question.terms.filter(
    (term) =>
      !term.question &&
      !term.name &&
      term.surface === term.surface.toLowerCase() &&
      (holdsIn(read.terms, term.keys) || holdsIn(read.terms, term.bridged)),
  );
  const quote = answeringPassage(entry.fact.quote, read.spans, (passage, first, last) => {
    const parts = read.terms.slice(first, last + 1);
    const holds = (keys: readonly string[] | undefined) => holdsIn(parts, keys);
    // The word that asks with the question word ("combien de temps") is held as the score holds
    // it: by the kind of answer, here the passage's ("après neuf ans", not "depuis lundi").
    const answers = (term: Term) => asksWith(term, question.intent, read.evidence(passage));
    let weight = 0;
    question.terms.forEach((term, i) => {
      if (!term.question && (holds(term.keys) || holds(term.bridged) || answers(term)))
        weight += question.weights[i] ?? 0;
    });
    const newWords = parts.flat().filter((term) => !term.keys.some((key) => asked.has(key))).length;
    const holdsType = () => {
      const evidence = read.evidence(passage);
      if (!checkEvidence(question.intent, evidence).some((rejection) => rejection.kind === 'missing-type'))
        return (
          evidence.items >= items &&
          named.every((id) => evidence.quoteMentions.some((mention) => mention.id === id))
        );
      return false;
    };
    // A passage without a text the answer states is no passage of that answer.
    if (!kept.every((text) => passage.includes(text))) weight = 0;
    if (!asking.every((term) => holds(term.keys) || holds(term.bridged))) weight = 0;
    return { weight, newWords, holdsType };
  });
  return { entry, quote, language };
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
