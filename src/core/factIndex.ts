import type { Analyser, Term } from './analyse.js';
import { describeEvidence, type Evidence, type MentionReader } from './evidence.js';
import type { Frequencies, Postings } from './postings.js';
import { type Token, tokenise } from './text.js';
import type { Tuning } from './tuning.js';
import type { Concept, Fact, Language, Source } from './types.js';
import { LANGUAGES } from './types.js';

/** A fact ready to be scored: its match keys, its alternates and what its evidence holds. */
export interface IndexedFact {
  readonly fact: Fact;
  /** The quote's whole sentence. */
  readonly sentence: string;
  /**
   * Its match keys, each with the alternates that hold it: bits of their places in `alternates`
   * (the first ALTERNATE_BITS), so a question finds what each alternate shares without looking
   * its words up in every alternate.
   */
  readonly keys: ReadonlyMap<string, number>;
  /** The keys of the quote alone. */
  readonly quoteKeys: ReadonlySet<string>;
  /** Each alternate question and answer text, as a set of keys with its total weight, lightest first. */
  readonly alternates: ReadonlyArray<{ keys: ReadonlySet<string>; weight: number }>;
  /** A sentence nobody reviewed (`fact.uncurated`), read once here: scoring asks it of every fact found. */
  readonly uncurated: boolean;
  /** The language of its article. */
  readonly language: Language;
  readonly evidence: Evidence;
}

/** One article's facts, indexed and weighed as if it were alone. */
export interface FactIndex {
  readonly source: Source;
  readonly entries: readonly IndexedFact[];
  /** The numbers of its facts in the shared postings: [from, to). */
  readonly from: number;
  readonly to: number;
  /** The terms of a knowledge text, as its facts were analysed. */
  termsOf(text: string, language: Language): Term[];
  /** What a part of a fact's quote can vouch for, read in the fact's sentence. */
  evidenceOf(entry: IndexedFact, quote: string): Evidence;
  /** IDF weight of a question term over the facts; question words weigh `tuning.questionWord`. */
  weightOf(term: Term): number;
}

/** A fact analysed once: its quote's terms, its reviewed texts' terms, and all their keys. */
export interface AnalysedFact {
  readonly fact: Fact;
  readonly quote: readonly Term[];
  /** Each reviewed answer and alternate question, in the order of `alternates` (none when uncurated). */
  readonly texts: ReadonlyArray<readonly Term[]>;
  /** Its keys, none with an alternate's bit yet: `indexEntries` sets them (see IndexedFact.keys). */
  readonly keys: Map<string, number>;
}

/** What every article's index shares: the analyser, the postings, the names, the mention cache. */
export interface SharedIndex {
  readonly analyser: Analyser;
  readonly postings: Postings;
  readonly concepts: ReadonlyMap<string, Concept>;
  readonly mentionsIn: MentionReader;
  readonly tuning: Tuning;
}

/** What reads an article's facts: the shared index but its postings. */
export type FactReaders = Pick<SharedIndex, 'analyser' | 'concepts' | 'mentionsIn'>;

/** "Quel", "what": a question word that says nothing of the answer's kind weighs this share of the others. */
const GENERIC_QUESTION_SHARE = 0.2;

/**
 * Knowledge texts analysed lately, by language then text: facts often share an alternate or a
 * quote word for word ("Combien ?" forms, copies of an article's facts). Bounded, two generations.
 */
const TEXT_MEMO = 8192;

/**
 * Analyses an article's facts: the costly part of indexing, done once per fact. Each quote and
 * reviewed answer is given to `mentionsIn` as it is analysed, while its words are still at hand:
 * its names are read from the terms it was indexed with, not analysed again.
 */
export function analyseFacts(
  facts: readonly Fact[],
  language: Language,
  analyser: Analyser,
  mentionsIn: MentionReader,
  memo: TextAnalysis = textMemo(analyser),
  /** A sentence's tokens when an earlier pass of the build read them (see SentenceTokens). */
  tokensOf: (text: string) => readonly Token[] | undefined = () => undefined,
): AnalysedFact[] {
  return facts.map((fact) => {
    const tokens = tokensOf(fact.quote);
    // Reviewed quotes recur too: copies of an article, a sentence quoted by two facts.
    const quote = fact.uncurated
      ? analyser.analyseKnowledge(tokens ?? fact.quote, language)
      : memo(fact.quote, language, tokens);
    mentionsIn.remember(fact.quote, language, quote, tokens);
    // A sentence nobody reviewed is matched by its own words: its questions only suggest it.
    // Its answers and questions are learnt as they are analysed (see `textMemo`).
    const texts: Array<readonly Term[]> = [];
    if (!fact.uncurated) {
      for (const other of LANGUAGES) {
        const answer = memo(fact.answer[other], other, undefined, true);
        mentionsIn.remember(fact.answer[other], other, answer);
        texts.push(answer);
        for (const question of fact.questions[other]) texts.push(memo(question, other, undefined, true));
      }
    }
    const keys = new Map<string, number>();
    for (const term of quote) for (const key of term.keys) keys.set(key, 0);
    for (const terms of texts) for (const term of terms) for (const key of term.keys) keys.set(key, 0);
    return { fact, quote, texts, keys };
  });
}

/** The words of facts' reviewed answers and questions, learnt without analysing them. */
export function learnFacts(facts: readonly Fact[], analyser: Analyser): void {
  for (const fact of facts) {
    if (fact.uncurated) continue;
    for (const language of LANGUAGES) {
      analyser.learn(fact.answer[language], language);
      for (const question of fact.questions[language]) analyser.learn(question, language);
    }
  }
}

/**
 * Analyses a knowledge text (from its tokens, when read already); with `learn`, its words join
 * the vocabulary typos are corrected against first.
 */
export type TextAnalysis = (
  text: string,
  language: Language,
  tokens?: readonly Token[],
  learn?: boolean,
) => readonly Term[];

/**
 * `analyseKnowledge`, remembering the last texts it read (no term is ever changed): one per
 * build, shared by its articles, dropped with it. A text learnt is learnt from the tokens it is
 * analysed with, not split a second time. Analysing knowledge corrects nothing, so learning each
 * text as it comes gives the terms that learning them all first would: a word of the text being
 * analysed is in the vocabulary either way, and the words of others are never looked up.
 */
export function textMemo(analyser: Analyser): TextAnalysis {
  let recent = noMemo();
  let older = noMemo();
  let count = 0;
  const analyse = (
    text: string,
    language: Language,
    tokens: readonly Token[] | undefined,
    learn: boolean,
  ) => {
    if (!learn) return analyser.analyseKnowledge(tokens ?? text, language);
    const read = tokens ?? tokenise(text);
    analyser.learn(read, language);
    return analyser.analyseKnowledge(read, language);
  };
  return (text, language, tokens, learn = false) => {
    let terms = recent[language].get(text);
    if (terms) return terms;
    terms = older[language].get(text) ?? analyse(text, language, tokens, learn);
    if (count >= TEXT_MEMO) {
      older = recent;
      recent = noMemo();
      count = 0;
    }
    recent[language].set(text, terms);
    count += 1;
    return terms;
  };
}

const noMemo = (): Record<Language, Map<string, readonly Term[]>> => ({ fr: new Map(), en: new Map() });

/** Each fact of one article made ready to score: its keys, alternates weighed, evidence. */
export function indexEntries(
  source: Source,
  analysed: readonly AnalysedFact[],
  weightOf: (term: Term) => number,
  shared: FactReaders,
): IndexedFact[] {
  const sentences = new Map(
    source.sentences.map((sentence) => [`${sentence.paragraph}:${sentence.sentence}`, sentence.text]),
  );
  /** The whole sentence a fact's quote comes from (the quote itself when it cannot be found). */
  const sentenceOf = (fact: Fact) =>
    sentences.get(`${fact.location.paragraph}:${fact.location.sentence}`) ?? fact.quote;
  // Weighed once per article: a word recurs in many of its facts' alternates.
  const weights = new Map<readonly string[], number>();
  const weighOnce = (term: Term) => {
    if (term.question) return weightOf(term);
    let weight = weights.get(term.keys);
    if (weight === undefined) {
      weight = weightOf(term);
      weights.set(term.keys, weight);
    }
    return weight;
  };
  const weighed = (terms: readonly Term[]) => ({
    keys: keySetOf(terms),
    weight: terms.reduce((sum, term) => sum + weighOnce(term), 0),
  });
  // What a fact's evidence is read with, and only that: not whatever else `shared` may hold.
  const reader: FactReaders = {
    analyser: shared.analyser,
    mentionsIn: shared.mentionsIn,
    concepts: shared.concepts,
  };
  return analysed.map((item): IndexedFact => {
    const { fact } = item;
    const alternates = item.texts.map(weighed).sort((a, b) => a.weight - b.weight);
    return new Entry(
      fact,
      sentenceOf(fact),
      alternateBits(item.keys, alternates),
      keySetOf(item.quote),
      alternates,
      source.language,
      reader,
    );
  });
}

/** Alternates up to this many have bits in their fact's keys; the others are looked up. */
export const ALTERNATE_BITS = 30;

/** Each key, with the bits of the alternates that hold it (see IndexedFact.keys), set in place. */
function alternateBits(
  bits: Map<string, number>,
  alternates: ReadonlyArray<{ keys: ReadonlySet<string> }>,
): Map<string, number> {
  const count = Math.min(alternates.length, ALTERNATE_BITS);
  for (let i = 0; i < count; i++)
    for (const key of (alternates[i] as { keys: ReadonlySet<string> }).keys)
      bits.set(key, (bits.get(key) ?? 0) | (1 << i));
  return bits;
}

/**
 * A fact made ready to score, whose evidence is described when a question first reaches it: a
 * large knowledge holds thousands of facts that no question reaches, and a start need not wait
 * for them. An unreviewed sentence's terms are not kept meanwhile: they are read again, the same.
 * One class, so that every fact scored has one shape; it holds only what it reads, not its
 * article's build.
 */
class Entry implements IndexedFact {
  readonly uncurated: boolean;
  private described: Evidence | undefined;

  constructor(
    readonly fact: Fact,
    readonly sentence: string,
    readonly keys: ReadonlyMap<string, number>,
    readonly quoteKeys: ReadonlySet<string>,
    readonly alternates: ReadonlyArray<{ keys: ReadonlySet<string>; weight: number }>,
    readonly language: Language,
    private readonly reader: FactReaders,
  ) {
    this.uncurated = fact.uncurated === true;
  }

  get evidence(): Evidence {
    this.described ??= describeEvidence(
      {
        fact: this.fact,
        sentence: this.sentence,
        language: this.language,
        ...(this.uncurated
          ? { sentenceTerms: this.reader.analyser.analyseKnowledge(this.fact.quote, this.language) }
          : {}),
      },
      this.reader.mentionsIn,
      this.reader.concepts,
    );
    return this.described;
  }
}

/**
 * The keys of a text's terms, one set for every fact sharing the text's analysis (see
 * `textMemo`): sets are only read, and copies of one set would be kept by every fact.
 */
const keySets = new WeakMap<readonly Term[], ReadonlySet<string>>();
function keySetOf(terms: readonly Term[]): ReadonlySet<string> {
  let keys = keySets.get(terms);
  if (!keys) {
    const made = new Set<string>();
    for (const term of terms) for (const key of term.keys) made.add(key);
    keys = made;
    keySets.set(terms, keys);
  }
  return keys;
}

/**
 * IDF weights over one article's facts, numbered [from, to) in the shared postings; question
 * words weigh `tuning.questionWord`.
 */
export function articleWeights(
  from: number,
  to: number,
  shared: { readonly postings: Frequencies; readonly tuning: Tuning },
): (term: Term) => number {
  const { postings, tuning } = shared;
  const factCount = Math.max(1, to - from);
  const idf = (df: number) => Math.log((factCount + 1) / (df + 0.5));
  const unknownWeight = tuning.unknownWord * idf(1);
  return (term) => {
    if (term.question)
      return term.keys[0] === 'q:generic'
        ? tuning.questionWord * GENERIC_QUESTION_SHARE
        : tuning.questionWord;
    const df = postings.frequency(term.keys, from, to);
    return df === 0 ? unknownWeight : idf(df);
  };
}

/** One article's index over its entries, numbered from `from` in the shared postings. */
export function buildFactIndex(
  source: Source,
  entries: readonly IndexedFact[],
  from: number,
  shared: SharedIndex,
): FactIndex {
  const { analyser, mentionsIn, concepts } = shared;
  const to = from + entries.length;
  const language = source.language;
  return {
    source,
    entries,
    from,
    to,
    weightOf: articleWeights(from, to, shared),
    termsOf: (text, textLanguage) => analyser.analyseKnowledge(text, textLanguage),
    evidenceOf: (entry, quote) =>
      describeEvidence(
        {
          fact: { quote, answer: entry.fact.answer, uncurated: entry.fact.uncurated },
          sentence: entry.sentence,
          language,
          counted: entry.evidence.counted,
          tenses: entry.evidence.tenses,
          sharesOf: entry.evidence.sharesOf,
          naming: entry.evidence.naming,
        },
        mentionsIn,
        concepts,
      ),
  };
}
