import { appendFile as appendFileWithCallback } from 'node:fs';
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { QuestionLogConfig } from '../config.js';
import { MAX_ANALYSED_CHARS } from '../core/engine.js';
import type { Answer, Language } from '../core/types.js';
import { describeError, type Logger } from '../log.js';
import type { Surface } from './customIds.js';

export const QUESTIONS_FILE = 'questions.jsonl';

const DAY_MS = 86_400_000;
/**
 * fs's appendFile, not fs/promises': the same open, write and close, without a FileHandle around
 * them, at about a quarter of the CPU an append (80 µs against 300 on the 2-core machine).
 */
const appendFile = promisify(appendFileWithCallback);
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
 * and drops lines older than the retention at start and once a day. Appends and rewrites go
 * through one queue, so a rewrite never loses a line appended meanwhile, and lines never
 * interleave. A line's write is queued as soon as it is recorded, so a line is never held back
 * to wait for others (a killed process loses none that waited), and the lines recorded while a
 * write waits its turn go out together in one append: under load the disk sees one write per
 * batch, not an open, a write and a close per question. The file is
 * opened for each append, not held open: under SHARD_COUNT every shard appends to it and shard 0
 * renames a rewritten copy over it, which a held handle would not follow. Recording never waits for the disk nor throws: a failing disk is logged once (and again once
 * it has recovered and failed anew), and the bot keeps answering.
 */
export class QuestionLog implements QuestionRecorder {
  readonly file: string;
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private failing = false;
  /** Lines recorded and not yet handed to the disk; a write for them is queued. */
  private pending: string[] = [];

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
    const record = questionRecord(question, answer, surface, { now: this.clock(), dms: this.config.dms });
    this.pending.push(`${JSON.stringify(record)}\n`);
    // The first line pending queues a write; the lines recorded until it runs join it.
    if (this.pending.length === 1) this.enqueue('could not record a question', () => this.appendPending());
  }

  /** Appends every line pending, in one write. */
  private appendPending(): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    return this.append(text);
  }

  /** Appends `text` in one write; the folder is made again if it has gone. */
  private async append(text: string): Promise<void> {
    try {
      await appendFile(this.file, text, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(this.dataDir, { recursive: true });
      await appendFile(this.file, text, 'utf8');
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
    await this.flush();
  }

  /** Waits until every line recorded so far is written: each one has its write queued. */
  flush(): Promise<void> {
    return this.queue;
  }

  /** Rewrites the file without lines older than the retention; resolves to how many it dropped. */
  prune(): Promise<number> {
    const cutoff = this.clock().getTime() - this.config.days * DAY_MS;
    let dropped = 0;
    const done = this.enqueue('could not drop old lines from the question log', async () => {
      dropped = await this.rewriteFrom(cutoff);
    });
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

  /** Runs `write` after every write queued before it; a failure is logged, never thrown. */
  private enqueue(failure: string, write: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(write).then(
      () => {
        if (this.failing) this.logger.info({ file: this.file }, 'the question log is writable again');
        this.failing = false;
      },
      (error: unknown) => {
        if (!this.failing) {
          this.logger.error(
            { err: describeError(error), file: this.file },
            `${failure}: questions go unrecorded until the file can be written`,
          );
        }
        this.failing = true;
      },
    );
    return this.queue;
  }
}
