import { appendFileSync, mkdirSync } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { QuestionLogConfig } from '../config.js';
import { MAX_ANALYSED_CHARS } from '../core/engine.js';
import type { Answer, Language } from '../core/types.js';
import { describeError, type Logger } from '../log.js';
import type { Surface } from './customIds.js';

export const QUESTIONS_FILE = 'questions.jsonl';

const DAY_MS = 86_400_000;
/** A busy bot appends its lines at most this often (ms): the longest a line waits. */
export const APPEND_EVERY_MS = 25;
/** Lines written at a time while the retention rewrites the file. */
const REWRITE_BATCH = 1000;
/**
 * One question, as written: what was asked and what became of it. Built field by field from
 * the answer, so nothing about the member, the server or the channel can slip in.
 */
export interface QuestionRecord {
  readonly time: string;
  readonly surface: Surface;
  readonly language: Language;
  /** As the engine read it: Discord markup stripped, at most its first 600 characters. */
  readonly question: string;
  readonly answered: boolean;
  /** Why it was not answered (the engine's reason, kept as it comes), null when answered. */
  readonly reason: string | null;
  readonly confidence: number;
  /** Answered, but only as the closest the article comes. */
  readonly hedged: boolean;
  readonly factIds: readonly string[];
  /** The articles cited, once each. */
  readonly sources: readonly string[];
}

/** A direct message when their text is not recorded: its day and whether it was answered. */
export interface CountedRecord {
  /** The day only (YYYY-MM-DD, UTC), so the line cannot be matched to a message. */
  readonly time: string;
  readonly surface: 'dm';
  readonly counted: true;
  readonly answered: boolean;
}

/** What `askAbout` needs: somewhere to note a question and its answer. */
export interface QuestionRecorder {
  record(question: string, answer: Answer, surface: Surface): void;
}

/** The line recorded for one question, or its count alone for a DM when their text is not kept. */
export function questionRecord(
  question: string,
  answer: Answer,
  surface: Surface,
  options: { readonly now: Date; readonly dms: boolean },
): QuestionRecord | CountedRecord {
  if (surface === 'dm' && !options.dms) {
    return {
      time: options.now.toISOString().slice(0, 10),
      surface,
      counted: true,
      answered: answer.answered,
    };
  }
  return {
    time: options.now.toISOString(),
    surface,
    language: answer.language,
    question: question.slice(0, MAX_ANALYSED_CHARS),
    answered: answer.answered,
    reason: answer.reason === null ? null : String(answer.reason),
    confidence: answer.confidence,
    hedged: answer.hedged,
    factIds: answer.citations.map((citation) => citation.factId),
    sources: [...new Set(answer.citations.map((citation) => citation.source))],
  };
}

/** What follows the time in a question's line, for an answer (frozen: a remembered one) asked again. */
const lineTails = new WeakMap<Answer, { question: string; surface: Surface; tail: string }>();

/**
 * The JSON line of `questionRecord`. A remembered answer asked again in the same words on the
 * same surface writes the same line but for its time: the rest is written once.
 */
export function questionLine(
  question: string,
  answer: Answer,
  surface: Surface,
  options: { readonly now: Date; readonly dms: boolean },
): string {
  const record = () => questionRecord(question, answer, surface, options);
  if (surface === 'dm' && !options.dms) return JSON.stringify(record());
  const known = lineTails.get(answer);
  let tail = known?.question === question && known.surface === surface ? known.tail : undefined;
  if (tail === undefined) {
    const { time: _time, ...rest } = record();
    tail = JSON.stringify(rest).slice(1); // From the first field's key on: "surface":…}
    if (Object.isFrozen(answer)) lineTails.set(answer, { question, surface, tail });
  }
  return `{"time":"${options.now.toISOString()}",${tail}`;
}

/** When a line was written (ms), or NaN when it cannot tell: such a line is kept. */
function timeOfLine(line: string): number {
  try {
    const time = (JSON.parse(line) as { time?: unknown }).time;
    return typeof time === 'string' ? Date.parse(time) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Appends questions to `<dataDir>/questions.jsonl`, one JSON object a line, in arrival order,
 * and drops lines older than the retention at start and once a day. The lines recorded in one
 * turn of the event loop are appended together at its end (`setImmediate`), and at most once
 * every `APPEND_EVERY_MS`: answers take a turn each (`turns.ts`), so under load an append a turn
 * was an append an answer; now a busy bot's line waits at most that long, and a quiet bot's not
 * at all. `stop()` appends what waits; only a process killed outright (SIGKILL) loses the lines
 * of those last milliseconds. The append is
 * synchronous, as the logger's lines are: open, write and close take 11-13 µs of CPU, where fs's
 * asynchronous appendFile, three trips through libuv's thread pool, took 336-460 µs (all
 * threads, a loop of 5,000 appends on the 2-core machine). The file is
 * opened for each append, not held open: under SHARD_COUNT every shard appends to it and shard 0
 * renames a rewritten copy over it, which a held handle would not follow. While this process
 * rewrites the file, lines wait and are appended after the rewrite, so none is lost to its
 * rename. Recording never throws: a failing disk is logged once (and again once it has
 * recovered and failed anew), and the bot keeps answering.
 */
export class QuestionLog implements QuestionRecorder {
  readonly file: string;
  /** The retention's rewrites, one after another. */
  private rewrites: Promise<void> = Promise.resolve();
  /** Rewrites queued or running: lines wait while there is one. */
  private rewriting = 0;
  private timer: NodeJS.Timeout | undefined;
  private failing = false;
  /** Lines recorded and not yet appended. */
  private pending: string[] = [];
  /** Whether an append is scheduled (at the end of this turn, or by the timer below). */
  private appendDue = false;
  /** The timer of an append that waits for `APPEND_EVERY_MS` to pass since the last one. */
  private appendTimer: NodeJS.Timeout | undefined;
  /** When the last append was made (`performance.now()`). */
  private lastAppend = Number.NEGATIVE_INFINITY;

  constructor(
    readonly dataDir: string,
    private readonly config: QuestionLogConfig,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.file = path.join(dataDir, QUESTIONS_FILE);
  }

  record(question: string, answer: Answer, surface: Surface): void {
    if (!this.config.enabled) return;
    this.pending.push(
      `${questionLine(question, answer, surface, { now: this.clock(), dms: this.config.dms })}\n`,
    );
    if (this.appendDue) return;
    this.appendDue = true;
    const wait = this.lastAppend + APPEND_EVERY_MS - performance.now();
    if (wait <= 0) setImmediate(this.appendScheduled);
    else this.appendTimer = setTimeout(this.appendScheduled, wait).unref();
  }

  private readonly appendScheduled = () => {
    this.appendDue = false;
    this.appendTimer = undefined;
    this.appendPending();
  };

  /** Appends every line pending, in one write, unless a rewrite runs (it appends them when done). */
  private appendPending(): void {
    if (this.rewriting > 0 || this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.lastAppend = performance.now();
    try {
      this.append(text);
      this.succeeded();
    } catch (error) {
      this.failed('could not record a question', error);
    }
  }

  /** Appends `text` in one write; the folder is made again if it has gone. */
  private append(text: string): void {
    try {
      appendFileSync(this.file, text, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(this.dataDir, { recursive: true });
      appendFileSync(this.file, text, 'utf8');
    }
  }

  /** Drops the lines older than the retention now, and then every 24 hours until `stop()`. */
  start(): void {
    if (!this.config.enabled || this.timer) return;
    void this.prune();
    this.timer = setInterval(() => void this.prune(), DAY_MS).unref();
  }

  /** Stops the daily retention and writes every line recorded so far. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    clearTimeout(this.appendTimer);
    this.appendTimer = undefined;
    this.appendDue = false;
    await this.flush();
  }

  /** Waits for the rewrites under way, then appends every line recorded so far. */
  async flush(): Promise<void> {
    await this.rewrites;
    this.appendPending();
  }

  /** Rewrites the file without lines older than the retention; resolves to how many it dropped. */
  prune(): Promise<number> {
    const cutoff = this.clock().getTime() - this.config.days * DAY_MS;
    let dropped = 0;
    this.rewriting += 1;
    const done = this.rewrites
      .then(() => this.rewriteFrom(cutoff))
      .then(
        (count) => {
          dropped = count;
          this.succeeded();
        },
        (error: unknown) => this.failed('could not drop old lines from the question log', error),
      )
      .finally(() => {
        this.rewriting -= 1;
        this.appendPending();
      });
    this.rewrites = done;
    return done.then(() => dropped);
  }

  /** Copies the lines dated from `cutoff` on to a temporary file, then renames it over the log. */
  private async rewriteFrom(cutoff: number): Promise<number> {
    let input: FileHandle;
    try {
      input = await open(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    const temporary = `${this.file}.${process.pid}.tmp`;
    let dropped = 0;
    try {
      const output = await open(temporary, 'w');
      try {
        let batch: string[] = [];
        for await (const line of input.readLines({ encoding: 'utf8' })) {
          if (line === '') continue;
          if (timeOfLine(line) < cutoff) dropped += 1;
          else batch.push(line);
          if (batch.length >= REWRITE_BATCH) {
            await output.write(`${batch.join('\n')}\n`);
            batch = [];
          }
        }
        if (batch.length > 0) await output.write(`${batch.join('\n')}\n`);
      } finally {
        await output.close();
      }
      if (dropped > 0) await rename(temporary, this.file);
    } finally {
      await input.close().catch(() => {});
      await rm(temporary, { force: true });
    }
    return dropped;
  }

  /** After a write that worked: says so if the last one had failed. */
  private succeeded(): void {
    if (this.failing) this.logger.info({ file: this.file }, 'the question log is writable again');
    this.failing = false;
  }

  /** A write failed: logged once until one works again, never thrown. */
  private failed(failure: string, error: unknown): void {
    if (!this.failing) {
      this.logger.error(
        { err: describeError(error), file: this.file },
        `${failure}: questions go unrecorded until the file can be written`,
      );
    }
    this.failing = true;
  }
}
