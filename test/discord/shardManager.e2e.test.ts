import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QUESTIONS_FILE } from '../../src/discord/questionLog.js';
import { type FakeDiscord, startFakeDiscord } from './fakeDiscord.js';
import { alice, askInShardGuild, fakeShardGuild, SHARD_GUILDS, TOKEN } from './harness.js';
import { FAKE_APP_ID, FAKE_BOT } from './payloads.js';
import { exitOf, groupAlive, npm } from './processes.js';

/** Two free consecutive ports on loopback: METRICS_PORT for shard 0, the next for shard 1. */
async function freePortPair(): Promise<number> {
  const listen = (port: number) =>
    new Promise<ReturnType<typeof createServer> | null>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  for (;;) {
    const first = await listen(0);
    if (!first) continue;
    const port = (first.address() as AddressInfo).port;
    const second = await listen(port + 1);
    first?.close();
    second?.close();
    if (second && port < 65_535) return port;
  }
}

/** The processes of the bot's process group (Linux /proc): the shard of each, and its parent. */
function shardProcesses(group: number): Array<{ pid: number; parent: number; shard: number }> {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const [, parent, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(pgid) !== group) return [];
        const env = readFileSync(`/proc/${name}/environ`, 'utf8').split('\0');
        const shard = env.find((entry) => entry.startsWith('SHARDS='));
        return shard ? [{ pid: Number(name), parent: Number(parent), shard: Number(shard.slice(7)) }] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

let fake: FakeDiscord | undefined;
const children: ChildProcess[] = [];
const cleanups: Array<() => void> = [];

afterAll(async () => {
  for (const child of children) if (groupAlive(child) && child.pid) process.kill(-child.pid, 'SIGKILL');
  for (const cleanup of cleanups) cleanup();
  await fake?.close();
});

describe('npm start with SHARD_COUNT=2', { timeout: 120_000 }, () => {
  it('runs a process per shard that identifies as [id, 2] and answers its guilds, respawns one that dies, reloads on SIGHUP and stops on SIGTERM', async () => {
    fake = await startFakeDiscord({
      applicationId: FAKE_APP_ID,
      botUser: FAKE_BOT,
      shards: 2,
      guilds: SHARD_GUILDS.map(fakeShardGuild),
    });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'npm-start-shards-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const metricsPort = await freePortPair();
    const bot = npm(['start'], {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      SHARD_COUNT: '2',
      METRICS_PORT: String(metricsPort),
    });
    children.push(bot);
    const said = () => `\n--- npm start said:\n${bot.output()}`;
    await expect
      .poll(() => bot.output().includes('every shard connected to Discord'), { timeout: 60_000 })
      .toBe(true)
      .catch((error) => {
        throw new Error(`${error}${said()}`);
      });
    const live = fake;
    expect([...live.identifiedShards].sort(), said()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const askEach = async (question: string) => {
      for (const guild of SHARD_GUILDS) {
        const ask = askInShardGuild(guild, question);
        live.dispatch('INTERACTION_CREATE', ask.payload);
        const reply = await live.waitForRequest((r) => r.path === ask.callbackPath, 5000);
        expect(reply.body.data.embeds[0].fields[0].value, `shard ${guild.shard}`).toContain('Brad Smith');
      }
    };
    await askEach('Who is Brad Smith?');

    // Each shard serves its own /healthz and /metrics, on METRICS_PORT + its id.
    for (const shard of [0, 1]) {
      const base = `http://127.0.0.1:${metricsPort + shard}`;
      expect(((await (await fetch(`${base}/healthz`)).json()) as { status: string }).status).toBe('ok');
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(new RegExp(`questions_total\\{[^}]*shard="${shard}"[^}]*\\} 1`));
    }

    const group = bot.pid ?? 0;
    const shards = shardProcesses(group);
    expect(shards.map((s) => s.shard).sort()).toEqual([0, 1]);
    const manager = shards[0]?.parent ?? 0;
    expect(shards.every((s) => s.parent === manager)).toBe(true);

    // SIGHUP to the manager alone reaches both shards.
    process.kill(manager, 'SIGHUP');
    await expect
      .poll(() => bot.output().match(/"shard":\d,"signal":"SIGHUP","msg":"reloading the knowledge"/g)?.length)
      .toBe(2)
      .catch((error) => {
        throw new Error(`${error}${said()}`);
      });

    // A shard that dies is started again by the manager, which logs it without ids.
    const identified = live.identifyCount;
    const victim = shards.find((s) => s.shard === 1)?.pid ?? 0;
    process.kill(victim, 'SIGKILL');
    await expect
      .poll(() => live.identifyCount > identified && live.readyShards.length === 2, { timeout: 30_000 })
      .toBe(true);
    expect(live.identifiedShards.at(-1)).toEqual([1, 2]);
    const respawned =
      bot
        .output()
        .split('\n')
        .find((line) => line.includes('starting it again')) ?? '';
    expect(JSON.parse(respawned)).toMatchObject({ shard: 1, exitCode: null, signal: 'SIGKILL' });
    await askEach('Who is Brad Smith?');

    // SIGTERM to the whole group, as a service manager sends it: every shard disconnects.
    process.kill(-group, 'SIGTERM');
    await exitOf(bot, 15_000);
    await expect.poll(() => groupAlive(bot), { timeout: 10_000 }).toBe(false);
    expect(bot.output().match(/"shard":\d,"msg":"disconnected from Discord"/g)?.length, said()).toBe(2);
    expect(bot.output()).not.toContain(TOKEN);
    expect(bot.output()).not.toMatch(new RegExp(`${alice.id}|${SHARD_GUILDS[0]?.id}|${SHARD_GUILDS[1]?.id}`));
    const logged = readFileSync(path.join(dataDir, QUESTIONS_FILE), 'utf8').trim().split('\n');
    expect(logged).toHaveLength(4);
    expect(live.unknownRoutes.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
});

describe('npm start with SHARD_COUNT, when it cannot go on', { timeout: 120_000 }, () => {
  it('names SHARD_COUNT when it is neither auto nor a number, and exits 1', async () => {
    const bot = npm(['start'], {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      SHARD_COUNT: 'two',
    });
    children.push(bot);
    expect(await exitOf(bot, 20_000)).toBe(1);
    expect(bot.output()).toContain('  - SHARD_COUNT: must be auto (as many shards as Discord recommends)');
  });

  it('stops every shard and exits 1, without restarting it, when Discord rejects the token for good', async () => {
    fake ??= await startFakeDiscord({ applicationId: FAKE_APP_ID, botUser: FAKE_BOT, shards: 2 });
    const live = fake;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'npm-start-shards-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const bot = npm(['start'], {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: live.apiUrl,
      DATA_DIR: dataDir,
      SHARD_COUNT: 'auto',
    });
    children.push(bot);
    await expect
      .poll(() => bot.output().includes('every shard connected to Discord'), { timeout: 45_000 })
      .toBe(true);
    const identified = live.identifyCount;
    live.closeGatewaySockets(4004);
    expect(await exitOf(bot, 15_000)).toBe(1);
    expect(bot.output()).toContain('a shard stopped for good: stopping every shard');
    expect(bot.output()).toContain('Discord rejected DISCORD_TOKEN (close code 4004)');
    expect(bot.output()).not.toContain('starting it again');
    await expect.poll(() => groupAlive(bot), { timeout: 10_000 }).toBe(false);
    expect(live.identifyCount).toBe(identified);
  });
});
