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
  const read = clauses(entry);
  const whole = read.evidence(entry.fact.quote);
  const named = newNames(question, whole);
  // "What weak spots did the studies point out?": a cut of a list keeps every item the sentence
  // lists, not "plusieurs points de fragilité" without the places that follow.
  const items = question.intent.list ? whole.items : 0;
  const kept = stated.filter((text) => text !== '' && entry.fact.quote.includes(text));
  // What each clause holds, read once and only for a sentence long enough to be cut.
  let clauseWords: ClauseWords | undefined;
  const quote = answeringPassage(entry.fact.quote, read.spans, (passage, first, last) => {
    clauseWords ??= clauseWordsOf(read.terms, question.terms);
    const { held, fresh, asking } = clauseWords;
    const heldIn = (i: number) => {
      for (let c = first; c <= last; c++) if (held[c]?.[i]) return true;
      return false;
    };
    // The word that asks with the question word ("combien de temps") is held as the score holds
    // it: by the kind of answer, here the passage's ("après neuf ans", not "depuis lundi").
    const answers = (term: Term) => asksWith(term, question.intent, read.evidence(passage));
    let weight = 0;
    question.terms.forEach((term, i) => {
      if (!term.question && (heldIn(i) || answers(term))) weight += question.weights[i] ?? 0;
    });
    let newWords = 0;
    for (let c = first; c <= last; c++) newWords += fresh[c] ?? 0;
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
    if (!asking.every(heldIn)) weight = 0;
    return { weight, newWords, holdsType };
  });
  return { entry, quote, language };
}

/** What the clauses of a sentence hold of a question, read once for every run of them judged. */
interface ClauseWords {
  /** For each clause, for each of the question's terms, whether it holds the term (see `holdsTerm`). */
  readonly held: ReadonlyArray<readonly boolean[]>;
  /** For each clause, how many of its words the question does not hold. */
  readonly fresh: readonly number[];
  /**
   * The terms that say what the question asks, which a cut must keep: held by the sentence, and
   * written in lower case ("What kind of group is the Cascade Forest Resilience Project?": the
   * words written with a capital name what it asks about).
   */
  readonly asking: readonly number[];
}

function clauseWordsOf(clauses: readonly (readonly Term[])[], terms: readonly Term[]): ClauseWords {
  const asked = new Set(
    terms.filter((term) => !term.question).flatMap((term) => [...term.keys, ...(term.bridged ?? [])]),
  );
  const held = clauses.map((clause) => terms.map((term) => holdsTerm(clause, term)));
  const fresh = clauses.map(
    (clause) => clause.filter((term) => !term.keys.some((key) => asked.has(key))).length,
  );
  const asking: number[] = [];
  terms.forEach((term, i) => {
    const lower = !term.question && !term.name && term.surface === term.surface.toLowerCase();
    if (lower && held.some((clause) => clause[i])) asking.push(i);
  });
  return { held, fresh, asking };
}

/** Whether a clause holds one of the term's keys, or of their translations. */
function holdsTerm(clause: readonly Term[], term: Term): boolean {
  return holdsKeys(clause, term.keys) || holdsKeys(clause, term.bridged);
}

function holdsKeys(clause: readonly Term[], keys: readonly string[] | undefined): boolean {
  return keys !== undefined && clause.some((term) => term.keys.some((key) => keys.includes(key)));
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
