import { afterAll, describe, expect, it } from 'vitest';
import {
  askInShardGuild,
  closeAndCheck,
  expectCleanRun,
  fakeShardGuild,
  type Harness,
  SHARD_GUILDS,
  startHarness,
} from './harness.js';

let harness: Harness | undefined;

afterAll(async () => {
  await closeAndCheck(harness);
});

describe('SHARD_COUNT unset, Discord recommending 2 shards', { timeout: 20_000 }, () => {
  it('opens both shards in one process, each with its [id, count], and answers a guild of each', async () => {
    harness = await startHarness({
      shards: 2,
      guilds: SHARD_GUILDS.map(fakeShardGuild),
    });
    expect([...harness.fake.identifiedShards].sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(harness.fake.readyShards).toEqual([0, 1]);
    for (const guild of SHARD_GUILDS) {
      const reply = await harness.interact(askInShardGuild(guild, 'Who is Brad Smith?'));
      expect(reply.body.data.embeds[0].fields[0].value, `shard ${guild.shard}`).toContain('Brad Smith');
    }
    for (const guild of SHARD_GUILDS)
      expect(harness.bot.client.guilds.cache.get(guild.id)?.shardId).toBe(guild.shard);
    expectCleanRun(harness);
  });
});
