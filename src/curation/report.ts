import type { Engine } from '../core/engine.js';
import { foldText, STOPWORDS, tokenise } from '../core/text.js';
import { type Advice, adviseLowConfidence, adviseRefused, isLowConfidence } from './advice.js';
import type { LoggedQuestion, LoggedVote } from './lines.js';

const DAY_MS = 86_400_000;

/** Questions that read the same once folded and stripped of function words, counted together. */
export interface QuestionGroup {
  /** The normalised form the group shares: "quel age kishida". */
  readonly form: string;
  /** Its most frequent spelling, as members typed it. */
  readonly question: string;
  readonly count: number;
  /** How many different spellings were folded into it. */
  readonly spellings: number;
  /** The fact the group was answered from (low-confidence answers); null for refusals. */
  readonly factId: string | null;
  /** Why it was refused, with how often (refusals); empty for answers. */
  readonly reasons: Readonly<Record<string, number>>;
  readonly advice: Advice;
}

/** An answer members voted down, with the facts it cited. */
export interface DownVotedAnswer {
  readonly form: string;
  readonly question: string;
  readonly factIds: readonly string[];
  readonly down: number;
  readonly up: number;
}

export interface DayCount {
  /** YYYY-MM-DD, UTC. */
  readonly day: string;
  readonly answered: number;
  readonly refused: number;
}

export interface CurationReport {
  /** The window read: from `since` (null: the whole log) to `until`, ISO times. */
  readonly since: string | null;
  readonly until: string;
  readonly totals: {
    readonly questions: number;
    readonly answered: number;
    readonly refused: number;
    readonly lowConfidence: number;
    /** Direct messages recorded as counts, without their text (among `questions`). */
    readonly countedOnly: number;
    readonly votesUp: number;
    readonly votesDown: number;
  };
  readonly bySurface: Readonly<Record<string, number>>;
  /** Refused questions, most asked first; among equals, those with something to do first. */
  readonly refused: readonly QuestionGroup[];
  /** Answers hedged or under the engine's sure confidence, most asked first. */
  readonly lowConfidence: readonly QuestionGroup[];
  /** Answers voted down, most down-votes first. */
  readonly downVoted: readonly DownVotedAnswer[];
  /** Facts no answer in the window cited. */
  readonly neverAsked: readonly string[];
  /** Every day of the window, the empty ones included. */
  readonly perDay: readonly DayCount[];
}

export interface ReportInput {
  readonly questions: readonly LoggedQuestion[];
  readonly votes: readonly LoggedVote[];
  readonly engine: Pick<Engine, 'ask' | 'explain' | 'knowledge'>;
  readonly now: Date;
  /** Only what was asked in this many milliseconds before `now`; undefined: the whole log. */
  readonly sinceMs?: number | undefined;
}

/**
 * The form a question is grouped by, folded as the engine folds it: accents, case and
 * punctuation gone, function words dropped. "Quel âge a Kishida ?" and "quel age a kishida" are
 * "quel age kishida"; a question of function words alone ("Hello!") keeps them.
 */
export function normaliseQuestion(question: string): string {
  const words = tokenise(question).map((token) => token.norm);
  const meaningful = words.filter((word) => !STOPWORDS.has(word));
  return (meaningful.length > 0 ? meaningful : words).join(' ') || foldText(question).trim();
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The value seen most often, the first seen among equals. */
function mostFrequent(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0] ?? '';
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** Lines grouped by `keyOf`, largest group first, then by key for a stable order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** Lines sharing a form, as one group: its usual spelling, its size, and advice on that spelling. */
function groupOf(
  form: string,
  lines: readonly LoggedQuestion[],
  details: Pick<QuestionGroup, 'factId' | 'reasons'>,
  advise: (question: string) => Advice,
): QuestionGroup {
  const question = mostFrequent(lines.map((line) => line.question));
  return {
    form,
    question,
    count: lines.length,
    spellings: new Set(lines.map((line) => line.question)).size,
    ...details,
    advice: advise(question),
  };
}

/** Groups a curator can act on (an alternate, a glossary variant) before those that need nothing. */
const ACTIONABLE: ReadonlySet<Advice['kind']> = new Set(['alternate', 'glossary']);

function refusedGroups(lines: readonly LoggedQuestion[], engine: ReportInput['engine']): QuestionGroup[] {
  const refused = lines.filter((line) => !line.counted && !line.answered);
  const groups = groupBy(refused, (line) => normaliseQuestion(line.question)).map(([form, group]) =>
    groupOf(
      form,
      group,
      { factId: null, reasons: tally(group.map((line) => line.reason ?? 'unknown')) },
      (q) => adviseRefused(q, engine),
    ),
  );
  const rank = (group: QuestionGroup) => (ACTIONABLE.has(group.advice.kind) ? 0 : 1);
  // Stable: within a count and a rank, the order of groupBy (by form) stays.
  return groups.sort((a, b) => b.count - a.count || rank(a) - rank(b));
}

function lowConfidenceGroups(
  lines: readonly LoggedQuestion[],
  engine: ReportInput['engine'],
): QuestionGroup[] {
  const low = lines.filter((line) => !line.counted && isLowConfidence(line));
  const keyOf = (line: LoggedQuestion) => `${normaliseQuestion(line.question)}\n${line.factIds[0] ?? ''}`;
  return groupBy(low, keyOf).map(([key, group]) => {
    const [form = '', factId = ''] = key.split('\n');
    return groupOf(form, group, { factId, reasons: {} }, (q) => adviseLowConfidence(q, factId, engine));
  });
}

/** Answers with at least one down-vote, by question and cited facts, with their up-votes too. */
function downVotedAnswers(votes: readonly LoggedVote[]): DownVotedAnswer[] {
  const keyOf = (vote: LoggedVote) => `${normaliseQuestion(vote.question)}\n${vote.factIds.join(',')}`;
  return groupBy(votes, keyOf)
    .map(([key, group]) => {
      const [form = ''] = key.split('\n');
      return {
        form,
        question: mostFrequent(group.map((vote) => vote.question)),
        factIds: group[0]?.factIds ?? [],
        down: group.filter((vote) => vote.vote === 'down').length,
        up: group.filter((vote) => vote.vote === 'up').length,
      };
    })
    .filter((answer) => answer.down > 0)
    .sort((a, b) => b.down - a.down || a.up - b.up || a.form.localeCompare(b.form));
}

/** Answered and refused questions for every day from `first` to `last`, empty days included. */
function perDay(lines: readonly LoggedQuestion[], first: string, last: string): DayCount[] {
  const counts = new Map<string, { answered: number; refused: number }>();
  for (const line of lines) {
    const count = counts.get(line.day) ?? { answered: 0, refused: 0 };
    if (line.answered) count.answered += 1;
    else count.refused += 1;
    counts.set(line.day, count);
  }
  const days: DayCount[] = [];
  for (let ms = Date.parse(first); ms <= Date.parse(last); ms += DAY_MS) {
    const day = dayOf(ms);
    days.push({ day, ...(counts.get(day) ?? { answered: 0, refused: 0 }) });
  }
  return days;
}

/**
 * What a curator needs from the question log and the votes, most useful first: refusals
 * grouped with advice, low-confidence answers, answers voted down, facts never asked, and the
 * share answered per day. Pure: the caller reads the files and picks the window.
 */
export function buildReport(input: ReportInput): CurationReport {
  const until = input.now.getTime();
  const since = input.sinceMs === undefined ? null : until - input.sinceMs;
  // A DM that was only counted has a day, not a time: it is in the window when its day is.
  const inWindow = (at: number, counted: boolean) =>
    since === null || (counted ? at >= Date.parse(dayOf(since)) : at >= since);
  const lines = input.questions.filter((line) => line.at <= until && inWindow(line.at, line.counted));
  const votes = input.votes.filter((vote) => vote.at <= until && inWindow(vote.at, false));
  const cited = new Set(lines.flatMap((line) => line.factIds));
  const firstDay = since === null ? (lines.map((line) => line.day).sort()[0] ?? dayOf(until)) : dayOf(since);
  const lowConfidence = lowConfidenceGroups(lines, input.engine);
  const answered = lines.filter((line) => line.answered).length;
  return {
    since: since === null ? null : new Date(since).toISOString(),
    until: input.now.toISOString(),
    totals: {
      questions: lines.length,
      answered,
      refused: lines.length - answered,
      lowConfidence: lowConfidence.reduce((sum, group) => sum + group.count, 0),
      countedOnly: lines.filter((line) => line.counted).length,
      votesUp: votes.filter((vote) => vote.vote === 'up').length,
      votesDown: votes.filter((vote) => vote.vote === 'down').length,
    },
    bySurface: tally(lines.map((line) => line.surface)),
    refused: refusedGroups(lines, input.engine),
    lowConfidence,
    downVoted: downVotedAnswers(votes),
    neverAsked: input.engine.knowledge.facts.map((fact) => fact.id).filter((id) => !cited.has(id)),
    perDay: perDay(lines, firstDay, dayOf(until)),
  };
}
