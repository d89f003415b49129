export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];

export type Bilingual<T> = Record<Language, T>;

/** Where a sentence sits in its source: paragraph and sentence numbers start at 1. */
export interface Location {
  readonly paragraph: number;
  readonly sentence: number;
}

export interface Sentence extends Location {
  readonly text: string;
  /** Offset of the sentence in the whole article text. */
  readonly start: number;
}

export interface Source {
  readonly id: string;
  /** The article's title, or a descriptive one written by us when it carries none. */
  readonly title: string;
  readonly language: Language;
  /** Where the article was published, when known. */
  readonly url: string | null;
  /** The day it was published (YYYY-MM-DD), when known. */
  readonly date: string | null;
  /** Who the article attributes its details to, as the article says. */
  readonly attribution: Bilingual<string>;
  /** What the article covers, as short topics. */
  readonly topics: Bilingual<readonly string[]>;
  readonly text: string;
  readonly sentences: readonly Sentence[];
}

export interface Fact {
  readonly id: string;
  readonly source: string;
  /** Verbatim words of the article that prove the fact. */
  readonly quote: string;
  /** Computed from the quote by the loader, never typed by hand. */
  readonly location: Location;
  readonly answer: Bilingual<string>;
  readonly questions: Bilingual<readonly string[]>;
  /** One of the article's main points: suggested first when there is nothing closer. */
  readonly featured: boolean;
  /**
   * True for a sentence of the article that no reviewed fact covers, made evidence by the engine
   * itself: its answer is the article's own words, and its questions are only suggestions.
   */
  readonly uncurated?: boolean;
}

export type ConceptKind = 'entity' | 'topic';

/** What an entity names, where the glossary says. */
export type EntityType = 'person' | 'place' | 'organisation';

export interface Concept {
  readonly id: string;
  readonly kind: ConceptKind;
  readonly type?: EntityType | null;
  /** The id of the place this place lies in. */
  readonly within?: string | null;
  readonly variants: Bilingual<readonly string[]>;
  /** The variants that are adjectives ("japonais", "American"), as written in `variants`. */
  readonly adjectives?: readonly string[];
  /** A name found in an article's text, not reviewed: it matches as written, not by its stem. */
  readonly found?: boolean;
  /**
   * Its one-word variants match as written, not by their stems: the stem of "specifications" is
   * that of "specific", of "administrateur" that of "administration".
   */
  readonly asWritten?: boolean;
}

export interface KnowledgeBase {
  readonly sources: readonly Source[];
  readonly facts: readonly Fact[];
  readonly glossary: readonly Concept[];
}

export interface Citation {
  readonly source: string;
  readonly factId: string;
  readonly paragraph: number;
  readonly sentence: number;
  readonly quote: string;
}

/** The kind of answer a question asks for. */
export type AnswerType =
  | 'amount'
  | 'time'
  | 'person'
  | 'place'
  | 'organisation'
  | 'name'
  | 'speech'
  | 'reason'
  | 'manner';

/** Why the engine did not answer. */
export type RefusalReason =
  /** Nothing to match: empty, punctuation, greetings or function words only. */
  | 'empty'
  /** The question names someone or something the article never mentions. */
  | 'unknown-entity'
  /** The words of the question are not about the article, or ask for what it does not give. */
  | 'not-in-article'
  /** The article speaks of this, but its words hold no answer of the kind asked (no figure, no date). */
  | 'missing-answer-type'
  /** The article names these, but not in the relation the question puts them in (who invests where). */
  | 'entity-mismatch';

/** What a question took for granted, checked against the article. */
export interface Premise {
  /** `confirmed`: the article says the same; `corrected`: it says otherwise; `unmentioned`: it never names it. */
  readonly verdict: 'confirmed' | 'corrected' | 'unmentioned';
  /** What the question said, as typed. */
  readonly claimed: string;
  /** What the article says instead, in its own words (empty when `unmentioned`). */
  readonly stated: string;
}

/** An article as every door names it: title, and date or URL when known. */
export interface ArticleRef {
  readonly id: string;
  readonly title: string;
  readonly language: Language;
  readonly date: string | null;
  readonly url: string | null;
}

/** The one value every door renders. */
export interface Answer {
  readonly question: string;
  readonly answered: boolean;
  /** The answer, or the refusal message, in `language`. */
  readonly text: string;
  readonly language: Language;
  /** 0..1: the share of the question's meaningful words that the cited fact accounts for. */
  readonly confidence: number;
  /** `citations[0]` is the main evidence; empty when not answered. */
  readonly citations: readonly Citation[];
  /** Questions the knowledge base can answer: alternatives on a refusal, related ones otherwise. */
  readonly suggestions: readonly string[];
  readonly reason: RefusalReason | null;
  /** The names the article does not mention, joined by ", ", when `reason` is `unknown-entity`. */
  readonly unknownEntity: string | null;
  /** An answer below the confident threshold: only the closest the article comes. */
  readonly hedged: boolean;
  /** What kind of answer the question asks for, where its words say. */
  readonly answerType: AnswerType | null;
  /** The question's claims (a figure, a date, a name) checked against the article. */
  readonly premises: readonly Premise[];
  /** The article every citation comes from; null when not answered. */
  readonly article: ArticleRef | null;
  /** The articles the question was looked for in (all of them, or the one asked for). */
  readonly searched: readonly ArticleRef[];
}
