/**
 * The shortest passage of a sentence that still answers: a run of its clauses. A sentence nobody
 * reviewed is quoted from, not whole, when a few of its words answer (issue: "not a 60-word
 * sentence when eight words answer").
 */

/** Sentences of up to this many words are quoted whole. */
const SHORT_SENTENCE_WORDS = 20;
/** The passage must keep this share of the weight of the question's words that the sentence holds. */
const KEPT_SHARE = 0.75;
/** …and this many words the question does not hold: the answer itself, not the question echoed. */
const NEW_WORDS = 3;

/** What the caller knows of a candidate passage. */
export interface PassageFit {
  /** The weight of the question's words the passage holds. */
  readonly weight: number;
  /** How many of its content words the question does not hold. */
  readonly newWords: number;
  /** Whether it holds the kind of answer asked (a figure, a date, a name): read last, it costs most. */
  holdsType(): boolean;
}

/**
 * The clauses of a sentence as [start, end) spans: cut after ",", ";", ":", a dash or a
 * parenthesis followed by a space, never inside « … » or “ … ”, nor inside a number ("7,50").
 */
export function clauseSpans(sentence: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const char = sentence[i] ?? '';
    if (char === '«' || char === '“') depth += 1;
    else if (char === '»' || char === '”') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[,;:–—()]/u.test(char) && /\s/u.test(sentence[i + 1] ?? '')) {
      if (i > start) spans.push([start, char === '(' ? i : i + 1]);
      start = i + 1;
    }
  }
  if (start < sentence.length) spans.push([start, sentence.length]);
  const trimmed = spans
    .map(([from, to]): [number, number] => trimSpan(sentence, from, to))
    .filter(([from, to]) => to > from);
  return joinNames(sentence, trimmed);
}

/**
 * A clause that is only a name ("Gdańsk, Poland", "sa présidente, Hélène Grosjean") belongs to
 * the clause before it, which it places or names: no cut leaves it out.
 */
function joinNames(sentence: string, spans: Array<[number, number]>): Array<[number, number]> {
  const joined: Array<[number, number]> = [];
  for (const span of spans) {
    const last = joined.at(-1);
    if (last && ONLY_NAME.test(sentence.slice(span[0], span[1]))) last[1] = span[1];
    else joined.push([span[0], span[1]]);
  }
  return joined;
}
/** Capitalised words only, up to four, with the closing stop of the sentence. */
const ONLY_NAME = /^\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,3}[.!?]?$/u;

/**
 * The shortest run of clauses that keeps most of what the question matched, holds the kind of
 * answer asked and says something the question does not; the whole sentence when none does.
 */
export function answeringPassage(
  sentence: string,
  spans: ReadonlyArray<readonly [number, number]>,
  judge: (passage: string, first: number, last: number) => PassageFit,
): string {
  if (sentence.split(/\s+/u).length <= SHORT_SENTENCE_WORDS) return sentence;
  const whole = judge(sentence, 0, spans.length - 1);
  if (spans.length < 2 || whole.weight <= 0) return sentence;
  const typed = whole.holdsType();
  // Every run of clauses but the whole, shortest first: the first that answers is the passage.
  const runs: Array<{ first: number; last: number; passage: string }> = [];
  for (let first = 0; first < spans.length; first++)
    for (let last = first; last < spans.length; last++)
      if (first > 0 || last < spans.length - 1)
        runs.push({
          first,
          last,
          passage: sentence.slice(spans[first]?.[0] ?? 0, spans[last]?.[1] ?? sentence.length),
        });
  runs.sort((a, b) => a.passage.length - b.passage.length);
  for (const { first, last, passage } of runs) {
    const candidate = judge(passage, first, last);
    if (
      candidate.weight >= KEPT_SHARE * whole.weight &&
      candidate.newWords >= NEW_WORDS &&
      (!typed || candidate.holdsType())
    )
      return passage;
  }
  return sentence;
}

/** Drops the spaces and the closing punctuation of a clause's ends, keeping the quote verbatim. */
function trimSpan(sentence: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  while (start < end && /\s/u.test(sentence[start] ?? '')) start++;
  while (end > start && /[\s,;:–—]/u.test(sentence[end - 1] ?? '')) end--;
  return [start, end];
}
