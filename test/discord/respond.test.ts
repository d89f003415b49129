import { MessageFlags } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderNotice } from '../../src/discord/render.js';
import { leaving, type Respondable, respond, respondFailure } from '../../src/discord/respond.js';

/** A stand-in interaction that records each call and keeps discord.js's two flags. */
function interaction(state: { deferred?: boolean; replied?: boolean } = {}) {
  const calls: Array<[string, unknown]> = [];
  const fake: Respondable & { calls: typeof calls; deferred: boolean; replied: boolean } = {
    calls,
    deferred: state.deferred ?? false,
    replied: state.replied ?? false,
    async reply(payload) {
      calls.push(['reply', payload]);
      fake.replied = true;
    },
    async deferReply(options) {
      await new Promise((resolve) => setTimeout(resolve, 50)); // a round trip to Discord
      calls.push(['deferReply', options]);
      fake.deferred = true;
    },
    async editReply(payload) {
      calls.push(['editReply', payload]);
      fake.replied = true;
    },
    async followUp(payload) {
      calls.push(['followUp', payload]);
    },
  };
  return fake;
}

const body = renderNotice('the answer');
/** What leaves: the body, pinging nobody, private or not. */
const answer = leaving(body, false);
const privateAnswer = leaving(body, true);
const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('respond', () => {
  it('replies at once when the answer is ready in time', async () => {
    const target = interaction();
    const done = respond(target, false, () => later(1999, body), 2000);
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    expect(target.calls).toEqual([['reply', answer]]);
  });

  it('defers a slow answer with the same visibility, then edits the deferral', async () => {
    for (const [ephemeral, payload, flags] of [
      [true, privateAnswer, { flags: MessageFlags.Ephemeral }],
      [false, answer, {}],
    ] as const) {
      const target = interaction();
      const done = respond(target, ephemeral, () => later(3000, body), 2000);
      await vi.advanceTimersByTimeAsync(3000);
      await done;
      const { flags: _, ...edit } = payload as typeof privateAnswer;
      expect(target.calls).toEqual([
        ['deferReply', flags],
        ['editReply', edit],
      ]);
    }
  });

  it('waits for a deferral still on its way before editing', async () => {
    const target = interaction();
    // Ready 10 ms after the deferral was sent, 40 ms before Discord acknowledges it.
    const done = respond(target, true, () => later(2010, body), 2000);
    await vi.advanceTimersByTimeAsync(2100);
    await done;
    expect(target.calls.map(([call]) => call)).toEqual(['deferReply', 'editReply']);
  });

  it('lets a failure through only once the deferral has settled', async () => {
    const target = interaction();
    const failing = async () => {
      await later(2010, null);
      throw new Error('boom');
    };
    const done = respond(target, true, failing, 2000);
    const settled = expect(done).rejects.toThrow('boom');
    await vi.advanceTimersByTimeAsync(2100);
    await settled;
    expect(target.deferred).toBe(true);
  });
});

describe('respondFailure', () => {
  const said = renderNotice('something went wrong');
  const notice = leaving(said, true);

  it('replies privately when nothing was sent', async () => {
    const target = interaction();
    await respondFailure(target, said);
    expect(target.calls).toEqual([['reply', notice]]);
  });

  it('edits the deferral, whose visibility Discord already fixed', async () => {
    const target = interaction({ deferred: true });
    await respondFailure(target, said);
    const { flags: _, ...edit } = notice;
    expect(target.calls).toEqual([['editReply', edit]]);
  });

  it('follows up privately after a reply', async () => {
    const target = interaction({ replied: true });
    await respondFailure(target, said);
    expect(target.calls).toEqual([['followUp', notice]]);
  });
});
