import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, bob, closeAndCheck, type Harness, mention, mentionInGuild, startHarness } from './harness.js';
import { FAKE_BOT, messageCreate, nextId, slashCommand } from './payloads.js';

// bot.ts trims discord.js's caches to what the bot reads. These show that what it trimmed is
// never missed (replies, DMs, votes) and that what it kept still serves: its own member in each
// guild, the channels and roles, for the permission check before answering a mention.

const READ_ONLY_GUILD = nextId();
const READ_ONLY_CHANNEL = nextId();
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    // Its role may only view channels there.
    guilds: [
      {
        id: READ_ONLY_GUILD,
        name: 'Read only',
        channels: [{ id: READ_ONLY_CHANNEL, type: 0 }],
        botPermissions: String(PermissionFlagsBits.ViewChannel),
      },
    ],
  });
}, 10_000);

afterAll(() => closeAndCheck(harness));

describe('the trimmed caches', { timeout: 10_000 }, () => {
  it('answer mentions, DMs and /ask while keeping no message and no one but the bot', async () => {
    for (const author of [alice, bob]) {
      const { body } = await harness.post(mentionInGuild(mention('Qui est Brad Smith ?'), { author }));
      expect(body.embeds[0].fields[0].value).toContain('Brad Smith');
    }
    // Twice in one DM channel: the first message opens it, the second finds it in the cache.
    const dmChannel = nextId();
    for (const content of ['who is brad smith?', 'how much will microsoft invest?']) {
      const { body } = await harness.post(messageCreate({ channelId: dmChannel, author: alice, content }));
      expect(body.embeds).toHaveLength(1);
    }
    const ask = slashCommand({
      name: 'ask',
      options: { question: 'Combien Microsoft va-t-il investir ?' },
      guildId: READ_ONLY_GUILD,
      channelId: READ_ONLY_CHANNEL,
      user: bob,
    });
    const answer = await harness.interact(ask);
    expect(answer.body.data.embeds[0].fields[0].value).toContain('2,9 milliards');

    const { client } = harness.bot;
    expect([...client.users.cache.keys()]).toEqual([FAKE_BOT.id]);
    for (const guild of client.guilds.cache.values()) {
      expect([...guild.members.cache.keys()]).toEqual([FAKE_BOT.id]);
    }
    for (const channel of client.channels.cache.values()) {
      if ('messages' in channel) expect(channel.messages.cache.size).toBe(0);
    }
    expect(client.channels.cache.get(dmChannel)?.isDMBased()).toBe(true);
  });

  it('still reads its own permissions: a mention where it may not post is skipped', async () => {
    const sent = mentionInGuild(mention('Qui est Brad Smith ?'), {
      channelId: READ_ONLY_CHANNEL,
      guildId: READ_ONLY_GUILD,
      author: bob,
    });
    harness.fake.dispatch('MESSAGE_CREATE', sent);
    await expect
      .poll(() => harness.logs.find((line) => line.message === sent.id))
      .toMatchObject({
        msg: 'no permission to answer here: skipped',
        missing: ['SendMessages', 'EmbedLinks'],
      });
    expect(harness.bot.client.guilds.cache.get(READ_ONLY_GUILD)?.members.me?.id).toBe(FAKE_BOT.id);
  });
});
