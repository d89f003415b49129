import { PermissionFlagsBits } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from './fakeDiscord.js';
import {
  alice,
  bob,
  CHANNEL,
  closeAndCheck,
  expectCleanRun,
  GUILD,
  guildAsk,
  type Harness,
  mention,
  mentionInGuild,
  startHarness,
} from './harness.js';
import { message, messageContextMenu, messageCreate, nextId, slashCommand } from './payloads.js';

// Abuse: a member flooding the bot, and servers where the bot may not post.

const COOLDOWN = { questions: 5, windowMs: 30_000 };
const MUTED_CHANNEL = nextId(); // @everyone may not send messages here, the bot included
const NO_EMBEDS_GUILD = nextId();
const NO_EMBEDS_CHANNEL = nextId();
const member = (username: string) => ({ id: nextId(), username });
const carol = member('carol');
const dave = member('dave');
const erin = member('erin');

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    cooldown: COOLDOWN,
    guilds: [
      {
        id: NO_EMBEDS_GUILD,
        name: 'No embeds',
        channels: [{ id: NO_EMBEDS_CHANNEL, type: 0 }],
        // View Channel, Send Messages and Read Message History, but not Embed Links.
        botPermissions: String(
          PermissionFlagsBits.ViewChannel |
            PermissionFlagsBits.SendMessages |
            PermissionFlagsBits.ReadMessageHistory,
        ),
      },
    ],
  });
  // A channel of the main guild that denies Send Messages to @everyone.
  harness.fake.dispatch('CHANNEL_CREATE', {
    id: MUTED_CHANNEL,
    type: 0,
    guild_id: GUILD,
    name: 'announcements',
    position: 9,
    permission_overwrites: [
      { id: GUILD, type: 0, allow: '0', deny: String(PermissionFlagsBits.SendMessages) },
    ],
  });
}, 10_000);

afterEach(() => expectCleanRun(harness));

afterAll(() => closeAndCheck(harness), 10_000);

const isChannelPost = (channelId: string) => (r: RecordedRequest) =>
  r.method === 'POST' && r.path === `/channels/${channelId}/messages`;
const repliesTo = (messageId: unknown) => (r: RecordedRequest) =>
  r.body?.message_reference?.message_id === messageId;

/** A new text channel in the main guild. */
function newChannel(): string {
  const id = nextId();
  harness.fake.dispatch('CHANNEL_CREATE', {
    id,
    type: 0,
    guild_id: GUILD,
    name: `channel-${id}`,
    position: 1,
  });
  return id;
}

/**
 * Waits until the bot has sent everything it queued for `channelId`: messages to one channel go
 * out one after another, so once a newcomer's answer is there, every earlier one is too.
 */
async function drain(channelId: string): Promise<void> {
  await harness.post(mentionInGuild(mention('Qui est Brad Smith ?'), { channelId, author: member('probe') }));
}

describe('the per-member cooldown', { timeout: 10_000 }, () => {
  it('counts questions across /ask, mentions, DMs and the message menu, tells once, then ignores', async () => {
    const asked = [
      await harness.interact(guildAsk('Combien Microsoft investit-il ?')),
      await harness.post(mentionInGuild(mention('Qui est Brad Smith ?'))),
      await harness.post(
        messageCreate({ channelId: nextId(), author: alice, content: 'Où sont les data centers ?' }),
      ),
      await harness.interact(
        messageContextMenu({
          name: 'Ask about this message',
          targetMessage: message({ channelId: CHANNEL, guildId: GUILD, author: bob, content: 'Kishida ?' }),
          guildId: GUILD,
          channelId: CHANNEL,
          user: alice,
          locale: 'fr',
        }),
      ),
      await harness.interact(guildAsk('Pourquoi le Japon ?')),
    ];
    for (const { request } of asked) expect(request.status).toBeLessThan(300);

    // The sixth: a private notice that says how long to wait.
    const sixth = await harness.interact(guildAsk('Et les GPU ?'));
    expect(sixth.body.type).toBe(4);
    expect(sixth.body.data.flags).toBe(64);
    expect(sixth.body.data.content).toMatch(/5 questions en moins de 30 s\. Réessayez dans (29|30) s\./);
    expect(sixth.body.data.embeds).toEqual([]);
    expect(sixth.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });

    // The seventh and eighth, on other surfaces: no answer at all.
    const before = harness.fake.requests.length;
    const seventh = guildAsk('Et OpenAI ?');
    harness.fake.dispatch('INTERACTION_CREATE', seventh.payload);
    const eighth = mentionInGuild(mention('Et OpenAI ?'));
    harness.fake.dispatch('MESSAGE_CREATE', eighth);
    // Bob is not held back by Alice's cooldown, and his answer comes after hers were handled.
    const bobs = await harness.interact(
      slashCommand({
        name: 'ask',
        options: { question: 'Qui est Brad Smith ?' },
        guildId: GUILD,
        channelId: CHANNEL,
        user: bob,
        locale: 'fr',
      }),
    );
    expect(bobs.body.data.embeds[0].fields[0].value).toContain('Brad Smith');
    const since = harness.fake.requests.slice(before);
    expect(since.filter((r) => r.path === seventh.callbackPath || repliesTo(eighth.id)(r))).toEqual([]);
    expect(
      harness.logs.filter((line) => String(line.msg).startsWith('cooldown')).map((line) => line.retryAfterMs),
    ).toHaveLength(1);
  });

  it('does not count an /ask turned away for naming no article', async () => {
    const frank = member('frank');
    const ask = (options: Record<string, string>) =>
      harness.interact(
        slashCommand({ name: 'ask', options, guildId: GUILD, channelId: CHANNEL, user: frank, locale: 'fr' }),
      );
    for (let i = 0; i <= COOLDOWN.questions; i += 1) {
      const { body } = await ask({ question: 'Qui est Brad Smith ?', article: `perdu-${i}` });
      expect(body.data.flags).toBe(64);
      expect(body.data.content).toContain(`Je ne connais pas d’article « perdu-${i} »`);
    }
    const { body } = await ask({ question: 'Qui est Brad Smith ?', article: 'microsoft-japan-ai' });
    expect(body.data.embeds[0].fields[0].value).toContain('Brad Smith');
  });

  it('tells a member who floods by mentions once, in one reply', async () => {
    const channelId = newChannel();
    const flood = Array.from({ length: 12 }, (_, i) =>
      mentionInGuild(mention(`question ${i} sur Microsoft ?`), { channelId, author: carol }),
    );
    for (const sent of flood) harness.fake.dispatch('MESSAGE_CREATE', sent);
    await drain(channelId);
    const replies = harness.fake.requests.filter(isChannelPost(channelId)).slice(0, -1);
    expect(replies.map((r) => r.body.message_reference.message_id)).toEqual(
      flood.slice(0, 6).map((m) => m.id),
    );
    expect(replies.slice(0, 5).every((r) => r.body.embeds.length === 1)).toBe(true);
    expect(replies[5]?.body.content).toMatch(/Réessayez dans \d+ s\./);
  });

  it('never queues another member’s answer behind a flood in the same channel', async () => {
    const channelId = newChannel();
    const flood = Array.from({ length: 100 }, (_, i) =>
      mentionInGuild(mention(`Combien ${i} ?`), { channelId, author: dave }),
    );
    for (const sent of flood) harness.fake.dispatch('MESSAGE_CREATE', sent);
    const { request } = await harness.post(
      mentionInGuild(mention('Qui est Brad Smith ?'), { channelId, author: erin }),
    );
    expect(request.body.embeds[0].fields[0].value).toContain('Brad Smith');
    // Messages to one channel share a rate-limit bucket and go out in order: Erin's answer
    // waits for at most the flooder's 5 answers and 1 notice, not for 100 of them.
    expect(harness.fake.requests.filter(isChannelPost(channelId)).indexOf(request)).toBeLessThanOrEqual(6);
    await drain(channelId);
    expect(harness.fake.requests.filter(isChannelPost(channelId))).toHaveLength(8);
  });
});

describe('channels where the bot may not post', { timeout: 10_000 }, () => {
  it('skips a mention where it lacks Send Messages, without calling Discord, and logs why', async () => {
    const sent = mentionInGuild(mention('Qui est Brad Smith ?'), { channelId: MUTED_CHANNEL, author: erin });
    harness.fake.dispatch('MESSAGE_CREATE', sent);
    await expect
      .poll(() => harness.logs.find((line) => line.message === sent.id))
      .toMatchObject({
        level: 30,
        msg: 'no permission to answer here: skipped',
        missing: ['SendMessages'],
      });
    expect(harness.fake.requests.filter(isChannelPost(MUTED_CHANNEL))).toEqual([]);
  });

  it('skips a mention where it lacks Embed Links', async () => {
    const sent = mentionInGuild(mention('Qui est Brad Smith ?'), {
      channelId: NO_EMBEDS_CHANNEL,
      guildId: NO_EMBEDS_GUILD,
      author: erin,
    });
    harness.fake.dispatch('MESSAGE_CREATE', sent);
    await expect
      .poll(() => harness.logs.find((line) => line.message === sent.id))
      .toMatchObject({ missing: ['EmbedLinks'] });
    expect(harness.fake.requests.filter(isChannelPost(NO_EMBEDS_CHANNEL))).toEqual([]);
  });

  it('logs a 50013 it could not foresee as a warning, and keeps serving', async () => {
    const sent = mentionInGuild(mention('Qui est Brad Smith ?'), { author: member('frank') });
    harness.fake.failNext(repliesTo(sent.id), {
      status: 403,
      body: { message: 'Missing Permissions', code: 50013 },
    });
    harness.fake.dispatch('MESSAGE_CREATE', sent);
    await expect
      .poll(() => harness.logs.find((line) => line.message === sent.id && line.code === 50013))
      .toMatchObject({ level: 40, msg: 'no permission to reply in this channel: skipped' });
    // One attempt, no retry, nothing else posted for it.
    expect(harness.fake.requests.filter(repliesTo(sent.id))).toHaveLength(1);
    const next = await harness.post(
      mentionInGuild(mention('Qui est Brad Smith ?'), { author: member('grace') }),
    );
    expect(next.request.status).toBe(200);
  });
});
