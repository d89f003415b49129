import type { Rejection } from './evidence.js';
import type { IndexedFact } from './factIndex.js';
import { MESSAGES } from './messages.js';
import type { Value } from './reading.js';
import type { Answer, AnswerType, ArticleRef, Citation, Language, Premise, RefusalReason } from './types.js';

/** The parts of an Answer every outcome shares. */
export interface AnswerFrame {
  readonly question: string;
  readonly language: Language;
  readonly answerType: AnswerType | null;
  /** The articles searched: an answer names the one its citations come from. */
  readonly searched: readonly ArticleRef[];
}

export function refusal(
  frame: AnswerFrame,
  reason: RefusalReason,
  text: string,
  suggestions: readonly string[],
  confidence = 0,
  unknownEntity: string | null = null,
): Answer {
  return framed(frame, {
    answered: false,
    text,
    confidence: round(confidence),
    citations: [],
    suggestions,
    reason,
    unknownEntity,
    hedged: false,
    premises: [],
    article: null,
  });
}

/** What an answer says beyond the frame it shares with every other outcome. */
type Outcome = Omit<Answer, keyof AnswerFrame>;

/**
 * An answer: its frame's fields and the outcome's, each written out. Not `{ ...frame, text }`:
 * with Node 20's V8, an object that spreads another and then adds properties keeps what a
 * question allocates alive through the young-generation collections (a loop making such objects
 * saw 650 to 1,060 KB of each MB allocated survive a scavenge, against 16 when written field by
 * field), and each scavenge then copies and promotes it: a millisecond or more of pause.
 */
function framed(frame: AnswerFrame, outcome: Outcome): Answer {
  return {
    question: frame.question,
    language: frame.language,
    answerType: frame.answerType,
    searched: frame.searched,
    answered: outcome.answered,
    text: outcome.text,
    confidence: outcome.confidence,
    citations: outcome.citations,
    suggestions: outcome.suggestions,
    reason: outcome.reason,
    unknownEntity: outcome.unknownEntity,
    hedged: outcome.hedged,
    premises: outcome.premises,
    article: outcome.article,
  };
}

/** What a cited fact says: its quote, or the part of an uncurated sentence that answers. */
export interface Passage {
  readonly entry: IndexedFact;
  readonly quote: string;
  /** The language of the article it comes from. */
  readonly language: Language;
}

export function citationOf({ entry: { fact }, quote }: Passage): Citation {
  return {
    source: fact.source,
    factId: fact.id,
    paragraph: fact.location.paragraph,
    sentence: fact.location.sentence,
    quote,
  };
}

/** A fact's answer in the asker's language; an uncurated one is the article's own words. */
export function answerOf(passage: Passage, language: Language): string {
  const { fact } = passage.entry;
  return fact.uncurated
    ? MESSAGES.articleSays[language](passage.quote, passage.language)
    : fact.answer[language];
}

/**
 * An answer from the cited facts: a premise checked first ("Non : 2,9 milliards de dollars, pas
 * 3."), then each fact's answer in the asker's language, hedged under the confident threshold.
 */
export function answerFrom(
  frame: AnswerFrame,
  cited: readonly Passage[],
  premises: readonly Premise[],
  confidence: number,
  hedged: boolean,
  suggestions: readonly string[],
): Answer {
  const { language } = frame;
  const body = cited.map((passage) => answerOf(passage, language)).join(' ');
  const lead = premiseLead(premises, language);
  const text = [lead, hedged && !lead ? MESSAGES.tentative[language] : '', body].filter(Boolean).join(' ');
  return framed(frame, {
    answered: true,
    text,
    confidence: round(confidence),
    citations: joinAdjacent(cited),
    suggestions,
    reason: null,
    unknownEntity: null,
    hedged,
    premises,
    article: frame.searched.find((article) => article.id === cited[0]?.entry.fact.source) ?? null,
  });
}

/** Quotes of one sentence this close together are one passage: "Joe Biden, et avec…". */
const MAX_GAP = 12;

/**
 * One citation a fact, except that facts quoting neighbouring words of one sentence (the items
 * of a list: "…Joe Biden, et avec le président des Philippines…") are cited as one passage,
 * verbatim from the sentence.
 */
function joinAdjacent(passages: readonly Passage[]): Citation[] {
  const citations: Citation[] = [];
  let previous: { entry: IndexedFact; end: number } | null = null;
  for (const passage of passages) {
    const { entry, quote } = passage;
    const start = entry.sentence.indexOf(quote);
    const last = citations.at(-1);
    if (
      previous &&
      last &&
      start >= previous.end &&
      start - previous.end <= MAX_GAP &&
      previous.entry.sentence === entry.sentence &&
      previous.entry.fact.source === entry.fact.source
    ) {
      const end = start + quote.length;
      const from = entry.sentence.indexOf(last.quote);
      citations[citations.length - 1] = { ...last, quote: entry.sentence.slice(from, end) };
      previous = { entry, end };
      continue;
    }
    citations.push(citationOf(passage));
    previous = start >= 0 ? { entry, end: start + quote.length } : null;
  }
  return citations;
}

/** The first words of an answer to a claim: the correction, the confirmation or the unknown name. */
function premiseLead(premises: readonly Premise[], language: Language): string {
  const corrected = premises.filter((premise) => premise.verdict === 'corrected');
  // "Non : mardi, pas friday. Non : Washington, pas tokyo."
  if (corrected.length > 0)
    return corrected
      .map((premise) => MESSAGES.corrected[language](premise.stated, premise.claimed))
      .join(' ');
  const unmentioned = premises.filter((premise) => premise.verdict === 'unmentioned');
  if (unmentioned.length > 0)
    return MESSAGES.unmentioned[language](unmentioned.map((premise) => premise.claimed));
  const confirmed = premises.find((premise) => premise.verdict === 'confirmed');
  return confirmed ? MESSAGES.confirmed[language](confirmed.stated) : '';
}

/** What kind of answer a missing value stands for. */
function typeOfValue(value: Value): AnswerType {
  return value.kind === 'amount' || value.kind === 'count' ? 'amount' : 'time';
}

/**
 * A refusal that says why the closest fact cannot answer, and what it does say: "L'article ne
 * donne pas de chiffre à ce sujet. Ce qu'il en dit de plus proche : …". No citation: nothing is
 * vouched for.
 */
export function explainedRefusal(
  frame: AnswerFrame,
  closest: Passage,
  rejections: readonly Rejection[],
  suggestions: readonly string[],
  confidence: number,
): Answer {
  const { language } = frame;
  const names = rejections.flatMap((rejection) =>
    rejection.kind === 'absent' || rejection.kind === 'role' ? [rejection.mention.surface] : [],
  );
  let reason: RefusalReason = 'missing-answer-type';
  let why: string;
  if (names.length > 0) {
    reason = 'entity-mismatch';
    why = MESSAGES.mismatch[language]([...new Set(names)]);
  } else if (rejections[0]?.kind === 'missing-time') {
    why = MESSAGES.missingFrame[language][rejections[0].frame];
  } else {
    const first = rejections[0];
    const type =
      first?.kind === 'missing-type'
        ? first.type
        : first?.kind === 'missing-value'
          ? typeOfValue(first.value)
          : 'time';
    why = MESSAGES.missingType[language](MESSAGES.answerTypes[language][type]);
  }
  const text = `${why} ${MESSAGES.closest[language]} ${answerOf(closest, language)}`;
  return refusal(frame, reason, text, suggestions, confidence);
}

/** "The article never speaks of “yen”. The closest it comes: …", citing nothing. */
export function unsaidRefusal(
  frame: AnswerFrame,
  closest: Passage,
  words: readonly string[],
  suggestions: readonly string[],
  confidence: number,
): Answer {
  const { language } = frame;
  const text = `${MESSAGES.unsaid[language](words)} ${MESSAGES.closest[language]} ${answerOf(closest, language)}`;
  return refusal(frame, 'not-in-article', text, suggestions, confidence);
}

export function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
