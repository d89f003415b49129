import { afterAll, describe, expect, it } from 'vitest';
import { guildIdOnShard } from './fakeDiscord.js';
import { alice, closeAndCheck, expectCleanRun, type Harness, startHarness } from './harness.js';
import { nextId, slashCommand } from './payloads.js';

/** A guild of each of the two shards, each with one text channel. */
const SHARD_GUILDS = [0, 1].map((shard) => ({
  shard,
  id: guildIdOnShard(shard, 2),
  channel: nextId(),
}));

const askIn = (guild: (typeof SHARD_GUILDS)[number], question: string) =>
  slashCommand({
    name: 'ask',
    options: { question },
    guildId: guild.id,
    channelId: guild.channel,
    user: alice,
    locale: 'en-US',
  });

let harness: Harness | undefined;

afterAll(async () => {
  await closeAndCheck(harness);
});

describe('SHARD_COUNT unset, Discord recommending 2 shards', { timeout: 20_000 }, () => {
  it('opens both shards in one process, each with its [id, count], and answers a guild of each', async () => {
    harness = await startHarness({
      shards: 2,
      guilds: SHARD_GUILDS.map((g) => ({
        id: g.id,
        name: `shard-${g.shard}`,
        channels: [{ id: g.channel, type: 0 }],
      })),
    });
    expect([...harness.fake.identifiedShards].sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(harness.fake.readyShards).toEqual([0, 1]);
    for (const guild of SHARD_GUILDS) {
      const reply = await harness.interact(askIn(guild, 'Who is Brad Smith?'));
      expect(reply.body.data.embeds[0].fields[0].value, `shard ${guild.shard}`).toContain('Brad Smith');
    }
    for (const guild of SHARD_GUILDS)
      expect(harness.bot.client.guilds.cache.get(guild.id)?.shardId).toBe(guild.shard);
    expectCleanRun(harness);
  });
});
