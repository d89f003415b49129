import type { CooldownConfig } from '../config.js';

/** What the cooldown says about one more question from a member. */
export type CooldownVerdict =
  | { readonly allowed: true }
  /** `notify` is true once per window: later refusals stay silent, so a flood cannot make the bot flood. */
  | { readonly allowed: false; readonly retryAfterMs: number; readonly notify: boolean };

interface MemberWindow {
  /** When each question still inside the window was asked, oldest first. */
  readonly asked: number[];
  /** Until when the member has already been told to wait. */
  toldUntil: number;
}

/**
 * Members are forgotten once their window is over, by a sweep through all of them. It runs after
 * this many questions, and no sooner than a quarter of the window after the last one: a sweep
 * costs one step per member remembered, so under a flood of new members (the load script's
 * thousands a second) sweeping every 1,000 questions walked the whole window's members each
 * time, about 50 steps a question at 1,600 a second; a quarter window apart, it is about 5.
 */
const SWEEP_EVERY = 1000;
const SWEEP_SHARE_OF_WINDOW = 0.25;

/**
 * At most `questions` per member in any `windowMs` (a sliding window), across every surface.
 * Pure apart from the clock, which tests pass in. Memory holds only members seen in the last
 * window and a quarter.
 *
 * Each process keeps its own. With every shard in one process (the default) that is every
 * question a member asks. Under SHARD_COUNT, Discord sends a server's events to one shard and
 * DMs to shard 0, so a member is counted across the servers of one shard and their DMs, and
 * once per shard beyond that (see the README's Sharding).
 */
export class Cooldown {
  private readonly members = new Map<string, MemberWindow>();
  private sinceSweep = 0;
  private lastSweep: number;

  constructor(
    readonly config: CooldownConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Counts a question from `memberId` if the window allows it. */
  take(memberId: string): CooldownVerdict {
    if (this.config.questions <= 0) return { allowed: true };
    const now = this.now();
    if (
      ++this.sinceSweep >= SWEEP_EVERY &&
      now - this.lastSweep >= this.config.windowMs * SWEEP_SHARE_OF_WINDOW
    ) {
      this.sweep(now);
    }
    let member = this.members.get(memberId);
    if (!member) {
      member = { asked: [], toldUntil: 0 };
      this.members.set(memberId, member);
    }
    while (member.asked.length > 0 && (member.asked[0] ?? 0) <= now - this.config.windowMs) {
      member.asked.shift();
    }
    if (member.asked.length < this.config.questions) {
      member.asked.push(now);
      return { allowed: true };
    }
    const retryAfterMs = (member.asked[0] ?? now) + this.config.windowMs - now;
    const notify = member.toldUntil <= now;
    if (notify) member.toldUntil = now + retryAfterMs;
    return { allowed: false, retryAfterMs, notify };
  }

  /** How many members the cooldown remembers (for tests and metrics). */
  get size(): number {
    return this.members.size;
  }

  private sweep(now: number): void {
    this.sinceSweep = 0;
    this.lastSweep = now;
    for (const [id, member] of this.members) {
      const last = member.asked.at(-1) ?? 0;
      if (last <= now - this.config.windowMs && member.toldUntil <= now) this.members.delete(id);
    }
  }
}
