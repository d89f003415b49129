import { describe, expect, it } from 'vitest';
import { VoteLedger } from '../../src/discord/voteLedger.js';

describe('VoteLedger', () => {
  it('notes a vote once per member and answer, and again when it changes', () => {
    const ledger = new VoteLedger();
    expect(ledger.note('answer-1', 'bob', 'up')).toBe(true);
    expect(ledger.note('answer-1', 'bob', 'up')).toBe(false);
    expect(ledger.note('answer-1', 'alice', 'up')).toBe(true);
    expect(ledger.note('answer-2', 'bob', 'up')).toBe(true);
    expect(ledger.note('answer-1', 'bob', 'down')).toBe(true);
    expect(ledger.note('answer-1', 'bob', 'down')).toBe(false);
  });

  it('forgets a vote that could not be written, so that a second click retries it', () => {
    const ledger = new VoteLedger();
    ledger.note('answer-1', 'bob', 'up');
    ledger.forget('answer-1', 'bob');
    expect(ledger.note('answer-1', 'bob', 'up')).toBe(true);
  });

  it('keeps at most its capacity, forgetting the oldest first', () => {
    const ledger = new VoteLedger(3);
    for (const member of ['a', 'b', 'c', 'd']) ledger.note('answer', member, 'up');
    expect(ledger.size).toBe(3);
    expect(ledger.note('answer', 'a', 'up')).toBe(true); // forgotten
    expect(ledger.note('answer', 'd', 'up')).toBe(false); // still known
  });
});
