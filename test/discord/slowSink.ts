import type { FeedbackRecord, FeedbackSink } from '../../src/discord/feedback.js';

/** Votes written to a disk that takes `delayMs` to answer: makes a vote's reply slow at will. */
export class SlowSink implements FeedbackSink {
  readonly file = 'slow-disk/feedback.jsonl';
  readonly records: FeedbackRecord[] = [];
  delayMs = 0;
  async record(record: FeedbackRecord): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.records.push(record);
  }
}
