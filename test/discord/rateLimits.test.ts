import { describe, expect, it } from 'vitest';
import { RateLimitEpisodes } from '../../src/discord/rateLimits.js';
import { clock } from './clock.js';

const webhook = (token: string, timeToReset = 1000) => ({
  global: false,
  hash: 'Global(PATCH:/webhooks/:id/:token/messages/:id)',
  majorParameter: `1100000000000000001/${token}`,
  timeToReset,
});
const global = (timeToReset: number) => ({ ...webhook('any', timeToReset), global: true });

describe('RateLimitEpisodes', () => {
  it('logs the first wait on a bucket, not the same bucket again while it is still limited', () => {
    const time = clock();
    const episodes = new RateLimitEpisodes(time.now);
    expect(episodes.starts(webhook('a'))).toBe(true);
    time.advance(400);
    expect(episodes.starts(webhook('a'))).toBe(false);
    time.advance(400);
    expect(episodes.starts(webhook('a'))).toBe(false);
  });

  it('logs a bucket again once an episode has ended, and another bucket in its own right', () => {
    const time = clock();
    const episodes = new RateLimitEpisodes(time.now);
    expect(episodes.starts(webhook('a', 300))).toBe(true);
    expect(episodes.starts(webhook('b', 300))).toBe(true);
    time.advance(301);
    expect(episodes.starts(webhook('a', 300))).toBe(true);
  });

  it('keeps an episode going while waits keep coming before the last one ends', () => {
    const time = clock();
    const episodes = new RateLimitEpisodes(time.now);
    expect(episodes.starts(global(100))).toBe(true);
    for (let i = 0; i < 50; i++) {
      time.advance(90);
      expect(episodes.starts(global(100))).toBe(false);
    }
    time.advance(101);
    expect(episodes.starts(global(100))).toBe(true);
  });

  it('counts the global limit as one bucket, whatever the route or its parameters', () => {
    const episodes = new RateLimitEpisodes(clock().now);
    const waits = Array.from({ length: 1000 }, (_, i) =>
      episodes.starts({ ...global(1000), majorParameter: `${i}` }),
    );
    expect(waits.filter(Boolean)).toHaveLength(1);
  });

  it('forgets the buckets whose episodes are over', () => {
    const time = clock();
    const episodes = new RateLimitEpisodes(time.now);
    for (let i = 0; i < 500; i++) episodes.starts(webhook(`token-${i}`, 50));
    time.advance(100);
    // The map is swept once it has doubled since the last sweep: the 500 ended episodes go.
    for (let i = 0; i < 100; i++) episodes.starts(webhook(`later-${i}`, 50));
    expect(episodes.size).toBeLessThanOrEqual(100);
  });
});
