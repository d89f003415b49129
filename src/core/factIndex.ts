import type { Analyser, Term } from './analyse.js';
import { describeEvidence, type Evidence, mentionReader } from './evidence.js';
import type { Tuning } from './tuning.js';
import type { Fact, KnowledgeBase, Language } from './types.js';
import { LANGUAGES } from './types.js';

/** A fact ready to be scored: its match keys, its alternates and what its evidence holds. */
export interface IndexedFact {
  readonly fact: Fact;
  /** The quote's whole sentence. */
  readonly sentence: string;
  readonly keys: ReadonlySet<string>;
  /** The keys of the quote alone. */
  readonly quoteKeys: ReadonlySet<string>;
  /** Each alternate question and answer text, as a set of keys with its total weight. */
  readonly alternates: ReadonlyArray<{ keys: ReadonlySet<string>; weight: number }>;
  readonly evidence: Evidence;
}

export interface FactIndex {
  readonly entries: readonly IndexedFact[];
  /** The language each source is written in. */
  languageOf(source: string): Language;
  /** The terms of a knowledge text, as its facts were analysed. */
  termsOf(text: string, language: Language): Term[];
  /** What a part of a fact's quote can vouch for, read in the fact's sentence. */
  evidenceOf(entry: IndexedFact, quote: string): Evidence;
  /** IDF weight of a question term over the facts; question words weigh `tuning.questionWord`. */
  weightOf(term: Term): number;
}

/** "Quel", "what": a question word that says nothing of the answer's kind weighs this share of the others. */
const GENERIC_QUESTION_SHARE = 0.2;

/** Analyses every fact once: keys, postings for IDF weights, alternates and evidence. */
export function buildFactIndex(knowledge: KnowledgeBase, analyser: Analyser, tuning: Tuning): FactIndex {
  const sourceLanguage = new Map(knowledge.sources.map((source) => [source.id, source.language]));
  const sentences = new Map(
    knowledge.sources.flatMap((source) =>
      source.sentences.map((sentence) => [
        `${source.id}:${sentence.paragraph}:${sentence.sentence}`,
        sentence.text,
      ]),
    ),
  );
  /** The whole sentence a fact's quote comes from (the quote itself when it cannot be found). */
  const sentenceOf = (fact: Fact) =>
    sentences.get(`${fact.source}:${fact.location.paragraph}:${fact.location.sentence}`) ?? fact.quote;
  const concepts = new Map(knowledge.glossary.map((concept) => [concept.id, concept]));
  const mentionsIn = mentionReader(analyser);

  const analysed = knowledge.facts.map((fact) => ({
    fact,
    quote: analyser.analyseKnowledge(fact.quote, sourceLanguage.get(fact.source) ?? 'fr'),
    // A sentence nobody reviewed is matched by its own words: its questions only suggest it.
    texts: fact.uncurated
      ? []
      : LANGUAGES.flatMap((language) =>
          [fact.answer[language], ...fact.questions[language]].map((text) =>
            analyser.analyseKnowledge(text, language),
          ),
        ),
  }));

  // Document frequency of each key over facts, for IDF weights.
  const postings = new Map<string, Set<number>>();
  analysed.forEach((item, index) => {
    for (const term of [...item.quote, ...item.texts.flat()]) {
      for (const key of term.keys) {
        const set = postings.get(key) ?? new Set<number>();
        set.add(index);
        postings.set(key, set);
      }
    }
  });
  const factCount = Math.max(1, knowledge.facts.length);
  const idf = (df: number) => Math.log((factCount + 1) / (df + 0.5));
  const unknownWeight = tuning.unknownWord * idf(1);
  const weightOf = (term: Term): number => {
    if (term.question)
      return term.keys[0] === 'q:generic'
        ? tuning.questionWord * GENERIC_QUESTION_SHARE
        : tuning.questionWord;
    let df = 0;
    if (term.keys.length === 1) df = postings.get(term.keys[0] ?? '')?.size ?? 0;
    else {
      const union = new Set<number>();
      for (const key of term.keys) for (const index of postings.get(key) ?? []) union.add(index);
      df = union.size;
    }
    return df === 0 ? unknownWeight : idf(df);
  };

  const entries = analysed.map((item): IndexedFact => {
    const keys = new Set<string>();
    for (const term of [...item.quote, ...item.texts.flat()]) for (const key of term.keys) keys.add(key);
    const sentence = sentenceOf(item.fact);
    return {
      fact: item.fact,
      sentence,
      keys,
      quoteKeys: new Set(item.quote.flatMap((term) => term.keys)),
      alternates: item.texts.map((terms) => ({
        keys: new Set(terms.flatMap((term) => term.keys)),
        weight: terms.reduce((sum, term) => sum + weightOf(term), 0),
      })),
      evidence: describeEvidence(
        { fact: item.fact, sentence, language: sourceLanguage.get(item.fact.source) ?? 'fr' },
        mentionsIn,
        concepts,
      ),
    };
  });
  const languageOf = (source: string) => sourceLanguage.get(source) ?? 'fr';
  return {
    entries,
    weightOf,
    languageOf,
    termsOf: (text, language) => analyser.analyseKnowledge(text, language),
    evidenceOf: (entry, quote) =>
      describeEvidence(
        { fact: { ...entry.fact, quote }, sentence: entry.sentence, language: languageOf(entry.fact.source) },
        mentionsIn,
        concepts,
      ),
  };
}
