import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Surface, Vote } from './customIds.js';

/** One vote, as written: what was asked and which facts answered. No user id or name. */
export interface FeedbackRecord {
  readonly time: string;
  readonly vote: Vote;
  readonly surface: Surface;
  readonly question: string;
  readonly factIds: readonly string[];
}

export const FEEDBACK_FILE = 'feedback.jsonl';

/** Where votes go: the file below, or a stand-in (a slow disk, in tests). */
export interface FeedbackSink {
  /** Named in the log when a write fails. */
  readonly file: string;
  record(record: FeedbackRecord): Promise<void>;
}

/** Appends votes to `<dataDir>/feedback.jsonl`, one JSON object a line, in arrival order. */
export class FeedbackLog implements FeedbackSink {
  readonly file: string;
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, FEEDBACK_FILE);
  }

  record(record: FeedbackRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    const write = this.queue.then(async () => {
      await mkdir(this.dataDir, { recursive: true });
      await appendFile(this.file, line, 'utf8');
    });
    // One failed write must not stop the ones queued after it.
    this.queue = write.catch(() => {});
    return write;
  }
}
