import { z } from 'zod';
import type { QuestionRecord } from '../discord/questionLog.js';

/**
 * One line of `questions.jsonl`, as the report reads it: the fields the bot writes, with the
 * time read. `hedged` is false on lines written before the engine said.
 */
export interface LoggedQuestion
  extends Pick<QuestionRecord, 'question' | 'answered' | 'reason' | 'confidence' | 'hedged' | 'factIds'> {
  /** When it was asked (ms); for a DM that was only counted, the start of its day. */
  readonly at: number;
  /** Its day, YYYY-MM-DD in UTC. */
  readonly day: string;
  readonly surface: string;
  /** A DM recorded as a count: no text, no facts, only whether it was answered. */
  readonly counted: boolean;
}

/** One line of `feedback.jsonl`. */
export interface LoggedVote {
  readonly at: number;
  readonly vote: 'up' | 'down';
  readonly surface: string;
  readonly question: string;
  readonly factIds: readonly string[];
}

export interface ParsedLines<T> {
  readonly records: T[];
  /** Lines that are not a record of this file (half-written, edited by hand): counted, not read. */
  readonly skipped: number;
}

const isoTime = z.string().refine((time) => !Number.isNaN(Date.parse(time)));
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const QuestionLine = z.object({
  time: isoTime,
  surface: z.string(),
  question: z.string(),
  answered: z.boolean(),
  reason: z.string().nullable().default(null),
  confidence: z.number().min(0).max(1),
  hedged: z.boolean().optional(),
  factIds: z.array(z.string()),
});

const CountedLine = z.object({
  time: z.string().regex(DAY),
  surface: z.string(),
  counted: z.literal(true),
  answered: z.boolean(),
});

const VoteLine = z.object({
  time: isoTime,
  vote: z.enum(['up', 'down']),
  surface: z.string(),
  question: z.string(),
  factIds: z.array(z.string()),
});

/** Reads JSON Lines, keeping what `toRecord` accepts and counting the rest. */
function parseLines<T>(text: string, toRecord: (value: unknown) => T | null): ParsedLines<T> {
  const records: T[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped += 1;
      continue;
    }
    const record = toRecord(value);
    if (record === null) skipped += 1;
    else records.push(record);
  }
  return { records, skipped };
}

/** The lines of `questions.jsonl`. */
export function parseQuestionLines(text: string): ParsedLines<LoggedQuestion> {
  return parseLines(text, (value) => {
    const counted = CountedLine.safeParse(value);
    if (counted.success) {
      const { time, surface, answered } = counted.data;
      const at = Date.parse(time);
      return {
        at,
        day: time,
        surface,
        counted: true,
        question: '',
        answered,
        reason: null,
        confidence: 0,
        hedged: false,
        factIds: [],
      };
    }
    const parsed = QuestionLine.safeParse(value);
    if (!parsed.success) return null;
    const { time, hedged, ...line } = parsed.data;
    const at = Date.parse(time);
    return {
      ...line,
      at,
      day: new Date(at).toISOString().slice(0, 10),
      counted: false,
      hedged: hedged ?? false,
    };
  });
}

/** The lines of `feedback.jsonl`. */
export function parseVoteLines(text: string): ParsedLines<LoggedVote> {
  return parseLines(text, (value) => {
    const parsed = VoteLine.safeParse(value);
    if (!parsed.success) return null;
    const { time, ...vote } = parsed.data;
    return { ...vote, at: Date.parse(time) };
  });
}
