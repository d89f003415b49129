import { Events } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RecordedRequest, rateLimited } from './fakeDiscord.js';
import {
  bob,
  closeAndCheck,
  expectCleanRun,
  GUILD,
  guildAsk,
  type Harness,
  mention,
  mentionInGuild,
  startHarness,
} from './harness.js';
import { FAKE_BOT, message, messageComponent, messageCreate, nextId } from './payloads.js';
import { SlowSink } from './slowSink.js';

// Faults: what Discord does to a bot on a bad day, played by the fake.

const DEFER_AFTER_MS = 150;
const sink = new SlowSink();
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ deferAfterMs: DEFER_AFTER_MS, feedback: sink });
}, 10_000);

// The faults logged as errors on purpose are checked, then cleared, by their own tests.
afterEach(() => expectCleanRun(harness));

afterAll(async () => {
  // The whole run's logs, errors included: no question either.
  expect(harness.written.join('')).not.toContain('Qui est Brad Smith');
  await closeAndCheck(harness);
}, 10_000);

const errorsLogged = () => harness.logs.filter((line) => Number(line.level) >= 50);
const successes = (requests: RecordedRequest[]) => requests.filter((r) => r.status < 300);

describe('REST faults on a reply', { timeout: 10_000 }, () => {
  it('delivers a reply rate limited with 429 exactly once, after retry_after', async () => {
    const asked = guildAsk('Qui est Brad Smith ?');
    harness.fake.failNext((r) => r.path === asked.callbackPath, rateLimited(0.4));
    harness.fake.dispatch('INTERACTION_CREATE', asked.payload);
    await harness.waitFor((r) => r.path === asked.callbackPath && r.status === 204);
    const attempts = harness.fake.requests.filter((r) => r.path === asked.callbackPath);
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(350);
    expect(errorsLogged()).toEqual([]);
  });

  it('delivers a mention reply rate limited with 429 exactly once', async () => {
    const sent = mentionInGuild(mention('Qui est Brad Smith ?'), { author: bob });
    const isReply = (r: RecordedRequest) => r.body?.message_reference?.message_id === sent.id;
    harness.fake.failNext(isReply, rateLimited(0.3));
    harness.fake.dispatch('MESSAGE_CREATE', sent);
    await harness.waitFor((r) => isReply(r) && r.status === 200);
    expect(harness.fake.requests.filter(isReply).map((r) => r.status)).toEqual([429, 200]);
    expect(harness.logs.find((line) => String(line.msg).startsWith('rate limited by Discord'))).toMatchObject(
      {
        level: 40,
        route: '/channels/:id/messages',
      },
    );
  });

  it('logs a global rate limit once, however many replies wait on it', async () => {
    const dm = (i: number) =>
      messageCreate({
        channelId: nextId(),
        author: { id: nextId(), username: `waiting-${i}` },
        content: 'Qui est Brad Smith ?',
      });
    const first = dm(0);
    const waiting = Array.from({ length: 5 }, (_, i) => dm(i + 1));
    const sent = [first, ...waiting];
    const isReply = (r: RecordedRequest) => sent.some((m) => r.path === `/channels/${m.channel_id}/messages`);
    const before = harness.logs.length;
    harness.fake.failNext((r) => r.path === `/channels/${first.channel_id}/messages`, rateLimited(0.5, true));
    harness.fake.dispatch('MESSAGE_CREATE', first);
    await harness.waitFor((r) => isReply(r) && r.status === 429);
    // Each of these replies waits for the global limit, in a queue of its own (its channel's).
    for (const later of waiting) harness.fake.dispatch('MESSAGE_CREATE', later);
    await expect
      .poll(() => harness.fake.requests.filter((r) => isReply(r) && r.status === 200).length)
      .toBe(6);
    const lines = harness.logs
      .slice(before)
      .filter((line) => String(line.msg).startsWith('rate limited by Discord'));
    expect(lines).toEqual([expect.objectContaining({ level: 40, global: true })]);
  });

  it('retries a reply that met a 500, and the member sees one reply', async () => {
    const asked = guildAsk('Qui est Brad Smith ?');
    harness.fake.failNext((r) => r.path === asked.callbackPath, {
      status: 500,
      body: { message: '500: Internal Server Error', code: 0 },
    });
    harness.fake.dispatch('INTERACTION_CREATE', asked.payload);
    await harness.waitFor((r) => r.path === asked.callbackPath && r.status === 204);
    const attempts = harness.fake.requests.filter((r) => r.path === asked.callbackPath);
    expect(attempts.map((r) => r.status)).toEqual([500, 204]);
    expect(successes(attempts)).toHaveLength(1);
    expect(errorsLogged()).toEqual([]);
  });

  it('logs a 50007 on a direct message and does nothing else', async () => {
    const sent = messageCreate({
      channelId: nextId(),
      author: { id: nextId(), username: 'closed-dms' },
      content: 'Qui est Brad Smith ?',
    });
    const isReply = (r: RecordedRequest) => r.path === `/channels/${sent.channel_id}/messages`;
    harness.fake.failNext(isReply, {
      status: 403,
      body: { message: 'Cannot send messages to this user', code: 50007 },
    });
    const before = harness.fake.requests.length;
    harness.fake.dispatch('MESSAGE_CREATE', sent);
    await expect
      .poll(() => harness.logs.find((line) => line.message === sent.id && line.code === 50007))
      .toMatchObject({ level: 40, msg: 'this member does not accept direct messages: skipped' });
    // The next member is served, and nothing more was sent for the first one.
    await harness.post(
      messageCreate({
        channelId: nextId(),
        author: { id: nextId(), username: 'open-dms' },
        content: 'Qui est Brad Smith ?',
      }),
    );
    expect(
      harness.fake.requests
        .slice(before)
        .filter(isReply)
        .map((r) => r.status),
    ).toEqual([403]);
    expect(errorsLogged()).toEqual([]);
  });

  it('logs an interaction Discord no longer knows (10062) with its token scrubbed', async () => {
    const asked = guildAsk('Qui est Brad Smith ?');
    harness.fake.failNext(
      (r) => r.path === asked.callbackPath,
      { status: 404, body: { message: 'Unknown interaction', code: 10062 } },
      2,
    );
    harness.fake.dispatch('INTERACTION_CREATE', asked.payload);
    await expect
      .poll(() => errorsLogged().map((line) => line.msg))
      .toEqual(['an interaction handler failed']);
    const [logged] = errorsLogged().splice(0);
    expect(logged).toMatchObject({ err: { name: 'DiscordAPIError[10062]', code: 10062, status: 404 } });
    expect(JSON.stringify(logged)).toContain('/interactions/');
    expect(JSON.stringify(logged)).not.toContain(asked.token);
    harness.logs.splice(0);
  });
});

describe('gateway faults', { timeout: 15_000 }, () => {
  it('resumes after the socket drops without a close frame, and answers the next question', async () => {
    const identified = harness.fake.identifyCount;
    const resumed = harness.fake.resumeCount;
    harness.fake.dropGatewaySockets();
    await expect.poll(() => harness.fake.resumeCount, { timeout: 10_000 }).toBeGreaterThan(resumed);
    await harness.fake.waitForReady();
    expect(harness.fake.identifyCount).toBe(identified);
    const { body } = await harness.interact(guildAsk('Qui est Brad Smith ?'));
    expect(body.data.embeds[0].fields[0].value).toContain('Brad Smith');
    expect(harness.logs.some((line) => line.msg === 'gateway session resumed')).toBe(true);
  });

  it('resumes after a resumable close code (4000) too', async () => {
    const resumed = harness.fake.resumeCount;
    harness.fake.closeGatewaySockets(4000);
    await expect.poll(() => harness.fake.resumeCount, { timeout: 10_000 }).toBeGreaterThan(resumed);
    await harness.fake.waitForReady();
    const { body } = await harness.interact(guildAsk('Qui est Brad Smith ?'));
    expect(body.type).toBe(4);
  });

  it('logs client and shard errors and keeps serving', async () => {
    harness.bot.client.emit(Events.Error, new Error('client broke'));
    harness.bot.client.emit(Events.ShardError, new Error('socket broke'), 0);
    expect(
      errorsLogged()
        .splice(0)
        .map((line) => line.msg),
    ).toEqual(['discord.js client error', 'gateway connection error']);
    harness.logs.splice(0);
    const { body } = await harness.interact(guildAsk('Qui est Brad Smith ?'));
    expect(body.type).toBe(4);
  });
});

describe('a slow reply', { timeout: 10_000 }, () => {
  const vote = () =>
    messageComponent({
      customId: 'vote:up:slash:investment-amount',
      message: message({
        channelId: nextId(),
        guildId: GUILD,
        author: FAKE_BOT,
        embeds: [{ title: 'Combien ?' }],
      }),
      user: bob,
      locale: 'en-US',
    });

  it('is deferred first, privately, then the deferral is edited with the answer', async () => {
    sink.delayMs = DEFER_AFTER_MS * 3;
    const clicked = vote();
    const { body } = await harness.interact(clicked);
    expect(body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await harness.waitFor(
      (r) => r.method === 'PATCH' && r.path.includes(`/${clicked.token}/messages/@original`),
    );
    expect(edit.body.content).toContain('Thanks!');
    expect(sink.records).toHaveLength(1);
    // One response only: the deferral, then its edit; no second reply.
    expect(harness.fake.requests.filter((r) => r.path === clicked.callbackPath)).toHaveLength(1);
  });

  it('is answered at once when it is fast', async () => {
    sink.delayMs = 0;
    const { body } = await harness.interact(vote());
    expect(body.type).toBe(4);
    expect(body.data.content).toContain('Thanks!');
  });
});
