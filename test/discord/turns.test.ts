import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTurn } from '../../src/discord/turns.js';

/** Keeps the thread busy, as an answer's work does. */
function work(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('answers taking turns', () => {
  it('starts slow answers one per turn of the event loop, in order, with due timers run between', async () => {
    const events: string[] = [];
    const answer = async (n: number) => {
      await nextTurn();
      events.push(`answer ${n}`);
      if (n === 1) setTimeout(() => events.push('timer'), 0);
      work(5);
    };
    await Promise.all([answer(1), answer(2), answer(3)]);
    expect(events).toEqual(['answer 1', 'timer', 'answer 2', 'answer 3']);
  });

  it('starts quick answers in one turn while the budget lasts, not one per turn', async () => {
    vi.useFakeTimers({ toFake: ['performance'] }); // The clock stands still: no answer spends the budget.
    const events: string[] = [];
    const answer = async (n: number) => {
      await nextTurn();
      events.push(`answer ${n}`);
      if (n === 1) setImmediate(() => events.push('next turn'));
    };
    await Promise.all([1, 2, 3, 4, 5].map(answer));
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['answer 1', 'answer 2', 'answer 3', 'answer 4', 'answer 5', 'next turn']);
  });

  it('takes callers that come while others wait after them, and starts at once when none wait', async () => {
    const events: string[] = [];
    const first = nextTurn().then(() => {
      events.push('first');
      void nextTurn().then(() => events.push('third'));
    });
    const second = nextTurn().then(() => events.push('second'));
    await Promise.all([first, second]);
    await nextTurn();
    expect(events).toEqual(['first', 'second', 'third']);
  });
});
