import type { RateLimitData } from 'discord.js';

/** Buckets whose episodes are over are forgotten once the map holds this many, or twice as many as the last sweep left. */
const SWEEP_ABOVE = 64;

/**
 * Says when a rate limit deserves a log line: once per bucket and episode. discord.js emits
 * `rateLimited` for each request waiting on a bucket, again each time it wakes up and finds the
 * bucket still limited. A bot that falls behind (hundreds of deferred replies to edit) then
 * logged one line per waiting request per wake-up: 18,863 in one 500/s load run, for one cause.
 *
 * An episode of a bucket starts with its first wait and lasts while waits keep coming before
 * the last one's end; the global limit is one bucket, whatever the route. Only the first wait
 * of an episode is logged. Pure apart from the clock, which tests pass in. The keys (a route's
 * hash and major parameter, which may hold a webhook token) stay in memory, never in a log.
 */
export class RateLimitEpisodes {
  /** Until when each bucket's current episode lasts (ms). */
  private readonly until = new Map<string, number>();
  /** Sweeps double their threshold, so a flood of distinct buckets costs one step each. */
  private sweepAbove = SWEEP_ABOVE;

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether this wait starts an episode (log it), or belongs to one already logged. */
  starts(info: Pick<RateLimitData, 'global' | 'hash' | 'majorParameter' | 'timeToReset'>): boolean {
    const now = this.now();
    const bucket = info.global ? 'global' : `${info.hash}:${info.majorParameter}`;
    const end = now + Math.max(0, info.timeToReset);
    const current = this.until.get(bucket);
    const ongoing = current !== undefined && now <= current;
    this.until.set(bucket, ongoing ? Math.max(current, end) : end);
    if (!ongoing && this.until.size > this.sweepAbove) this.sweep(now);
    return !ongoing;
  }

  /** How many buckets are remembered (for tests). */
  get size(): number {
    return this.until.size;
  }

  private sweep(now: number): void {
    for (const [bucket, end] of this.until) if (end < now) this.until.delete(bucket);
    this.sweepAbove = Math.max(SWEEP_ABOVE, 2 * this.until.size);
  }
}
