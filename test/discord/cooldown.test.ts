import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';
import { clock } from './clock.js';

describe('Cooldown', () => {
  it('allows 5 questions in 30 s, then says once how long to wait, then stays silent', () => {
    const time = clock();
    const cooldown = new Cooldown({ questions: 5, windowMs: 30_000 }, time.now);
    for (let i = 0; i < 5; i++) {
      expect(cooldown.take('alice')).toEqual({ allowed: true });
      time.advance(1000);
    }
    // The first question was asked 5 s ago: it leaves the window in 25 s.
    expect(cooldown.take('alice')).toEqual({ allowed: false, retryAfterMs: 25_000, notify: true });
    time.advance(10_000);
    expect(cooldown.take('alice')).toEqual({ allowed: false, retryAfterMs: 15_000, notify: false });
    time.advance(15_000);
    expect(cooldown.take('alice')).toEqual({ allowed: true });
  });

  it('counts each member apart', () => {
    const time = clock();
    const cooldown = new Cooldown({ questions: 2, windowMs: 30_000 }, time.now);
    cooldown.take('alice');
    cooldown.take('alice');
    expect(cooldown.take('alice').allowed).toBe(false);
    expect(cooldown.take('bob')).toEqual({ allowed: true });
  });

  it('tells a member again in a later window, not in the same one', () => {
    const time = clock();
    const cooldown = new Cooldown({ questions: 1, windowMs: 10_000 }, time.now);
    cooldown.take('alice');
    expect(cooldown.take('alice')).toMatchObject({ allowed: false, notify: true });
    expect(cooldown.take('alice')).toMatchObject({ allowed: false, notify: false });
    time.advance(10_000);
    expect(cooldown.take('alice').allowed).toBe(true);
    expect(cooldown.take('alice')).toMatchObject({ allowed: false, notify: true });
  });

  it('is off with 0 questions', () => {
    const cooldown = new Cooldown({ questions: 0, windowMs: 30_000 });
    for (let i = 0; i < 100; i++) expect(cooldown.take('alice').allowed).toBe(true);
    expect(cooldown.size).toBe(0);
  });

  it('forgets members whose window is over, so a raid of accounts does not grow memory', () => {
    const time = clock();
    const cooldown = new Cooldown({ questions: 5, windowMs: 30_000 }, time.now);
    for (let i = 0; i < 5000; i++) cooldown.take(`member-${i}`);
    expect(cooldown.size).toBeGreaterThan(999);
    time.advance(30_000);
    for (let i = 0; i < 1000; i++) cooldown.take('alice');
    expect(cooldown.size).toBeLessThanOrEqual(1);
  });

  it('walks its members at most once a quarter window, and holds those of a window and a quarter at most', () => {
    const time = clock();
    const cooldown = new Cooldown({ questions: 5, windowMs: 30_000 }, time.now);
    time.advance(1000);
    for (let i = 0; i < 1000; i++) cooldown.take(`early-${i}`);
    time.advance(29_000);
    cooldown.take('swept-here'); // 1,000 questions and a quarter window since the start: a sweep.
    time.advance(1001);
    for (let i = 0; i < 1000; i++) cooldown.take(`later-${i}`);
    // The early members' window is over, but the last sweep was 1 s ago: they are still held.
    expect(cooldown.size).toBe(2001);
    time.advance(6500);
    cooldown.take('swept-again');
    expect(cooldown.size).toBe(1002);
  });

  it('never allows more than the limit in any window, and tells each refused run once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.array(fc.record({ gap: fc.nat(20_000), who: fc.constantFrom('a', 'b') }), { maxLength: 200 }),
        (questions, windowMs, asks) => {
          const time = clock();
          const cooldown = new Cooldown({ questions, windowMs }, time.now);
          const allowed: Record<string, number[]> = { a: [], b: [] };
          const told: Record<string, Array<{ at: number; until: number }>> = { a: [], b: [] };
          for (const { gap, who } of asks) {
            time.advance(gap);
            const verdict = cooldown.take(who);
            if (verdict.allowed) allowed[who]?.push(time.now());
            else {
              expect(verdict.retryAfterMs).toBeGreaterThan(0);
              expect(verdict.retryAfterMs).toBeLessThanOrEqual(windowMs);
              if (verdict.notify)
                told[who]?.push({ at: time.now(), until: time.now() + verdict.retryAfterMs });
            }
          }
          for (const who of ['a', 'b']) {
            const times = allowed[who] ?? [];
            for (const t of times) {
              expect(times.filter((u) => u > t - windowMs && u <= t).length).toBeLessThanOrEqual(questions);
            }
            // Told again only once the wait it gave last time is over.
            const notices = told[who] ?? [];
            for (let i = 1; i < notices.length; i++) {
              expect(notices[i]?.at).toBeGreaterThanOrEqual(notices[i - 1]?.until ?? 0);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
