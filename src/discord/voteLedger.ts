import type { Vote } from './customIds.js';

/** How many (answer, member) pairs are remembered; the oldest are forgotten first. */
const CAPACITY = 50_000;

/**
 * Who voted what on which answer, in memory only, so that a member clicking 👍 ten times
 * writes one line, not ten. A changed vote is written again (the later line counts).
 *
 * One per process is exact under SHARD_COUNT too: the key holds the answer's message id, and
 * every click on one message comes to the same shard (that of its server, or shard 0 in a DM).
 */
export class VoteLedger {
  private readonly votes = new Map<string, Vote>();

  constructor(private readonly capacity: number = CAPACITY) {}

  /** Notes the vote; false when the member already cast this same vote on this answer. */
  note(messageId: string, memberId: string, vote: Vote): boolean {
    const key = `${messageId}:${memberId}`;
    if (this.votes.get(key) === vote) return false;
    this.votes.delete(key); // re-inserted last: the newest are kept longest
    this.votes.set(key, vote);
    if (this.votes.size > this.capacity) {
      const oldest = this.votes.keys().next().value;
      if (oldest !== undefined) this.votes.delete(oldest);
    }
    return true;
  }

  /** Forgets a vote that could not be written, so that clicking again retries it. */
  forget(messageId: string, memberId: string): void {
    this.votes.delete(`${messageId}:${memberId}`);
  }

  get size(): number {
    return this.votes.size;
  }
}
