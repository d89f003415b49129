import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/discord/commands/index.js';
import { QUESTIONS_FILE } from '../../src/discord/questionLog.js';
import {
  copyKnowledge,
  editRecords,
  FACTS,
  recordAt,
  removeCopies,
  withFact,
  withRecords,
  withText,
} from '../knowledge/copies.js';
import { commandProblems } from './commandRules.js';
import { type FakeDiscord, startFakeDiscord } from './fakeDiscord.js';
import { alice, CHANNEL, GUILD, guildAsk, TOKEN } from './harness.js';
import { FAKE_APP_ID, FAKE_BOT, messageCreate, nextId } from './payloads.js';
import { exitOf, groupAlive, npm } from './processes.js';
import { generateSigningKey, post, signed } from './signing.js';

let fake: FakeDiscord;
const children: ChildProcess[] = [];
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  fake = await startFakeDiscord({
    applicationId: FAKE_APP_ID,
    botUser: FAKE_BOT,
    guilds: [{ id: GUILD, name: 'Newsroom', channels: [{ id: CHANNEL, type: 0 }] }],
  });
});

afterEach(() => {
  expect(fake.unknownRoutes.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([]);
});

afterAll(async () => {
  removeCopies();
  for (const cleanup of cleanups) cleanup();
  for (const child of children) if (groupAlive(child) && child.pid) process.kill(-child.pid, 'SIGKILL');
  await fake?.close();
});

describe('npm start with DISCORD_TOKEN', { timeout: 30_000 }, () => {
  it('connects, answers /ask, mentions and DMs with cited embeds, and stops cleanly on SIGTERM', async () => {
    // Its own data folder: the questions asked here must not land in the developer's data/.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'npm-start-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const bot = npm(['start'], {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: FAKE_APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
    });
    children.push(bot);
    await fake.waitForReady(20_000).catch((error) => {
      throw new Error(`${error}\n--- npm start said:\n${bot.output()}`);
    });

    const ask = guildAsk('Qui est Brad Smith ?');
    fake.dispatch('INTERACTION_CREATE', ask.payload);
    const askReply = await fake.waitForRequest((r) => r.path === ask.callbackPath, 5000);
    expect(askReply.body.data.embeds[0].fields[0].value).toContain('Brad Smith');

    const mention = messageCreate({
      channelId: CHANNEL,
      guildId: GUILD,
      author: alice,
      content: `<@${FAKE_BOT.id}> combien investit Microsoft ?`,
      mentions: [FAKE_BOT],
    });
    fake.dispatch('MESSAGE_CREATE', mention);
    const mentionReply = await fake.waitForRequest(
      (r) => r.body?.message_reference?.message_id === mention.id,
      5000,
    );
    expect(mentionReply.body.embeds[0].fields[0].value).toContain('2,9 milliards');
    expect(mentionReply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });

    const dm = messageCreate({
      channelId: nextId(),
      author: alice,
      content: 'where will microsoft expand its data centres?',
    });
    fake.dispatch('MESSAGE_CREATE', dm);
    const dmReply = await fake.waitForRequest((r) => r.body?.message_reference?.message_id === dm.id, 5000);
    expect(dmReply.body.embeds[0].fields[0].value).toMatch(/Tokyo|Osaka/);

    // As a terminal's Ctrl-C or a service manager does: the whole process group gets the signal
    // (npm itself dies of it without waiting, so the bot's own log says how it ended).
    if (bot.pid) process.kill(-bot.pid, 'SIGTERM');
    await exitOf(bot, 8000);
    await expect.poll(() => bot.output(), { timeout: 5000 }).toContain('disconnected from Discord');
    await expect.poll(() => groupAlive(bot), { timeout: 5000 }).toBe(false);
    expect(bot.output()).not.toContain(TOKEN);
    // The question log, written by the process itself: the DM only counted.
    const logged = readFileSync(path.join(dataDir, QUESTIONS_FILE), 'utf8').trim().split('\n');
    expect(logged.map((line) => JSON.parse(line).surface)).toEqual(['slash', 'mention', 'dm']);
    expect(logged.join('\n')).not.toMatch(/data centres|alice|\d{17,}/);
  });
});

/** A loopback port free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm start with INTERACTIONS_PORT and no token', { timeout: 30_000 }, () => {
  it('serves signed HTTP interactions and /healthz without logging in to the gateway', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'npm-start-http-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const key = generateSigningKey();
    const [port, metricsPort] = [await freePort(), await freePort()];
    const identified = fake.identifyCount;
    const bot = npm(['start'], {
      INTERACTIONS_PORT: String(port),
      DISCORD_PUBLIC_KEY: key.publicKeyHex,
      DISCORD_API_URL: fake.apiUrl,
      METRICS_PORT: String(metricsPort),
      DATA_DIR: dataDir,
    });
    children.push(bot);
    const url = `http://127.0.0.1:${port}/interactions`;
    const ping = () =>
      post(url, signed(key, { type: 1, id: nextId(), application_id: FAKE_APP_ID, token: 'p' }));
    await expect
      .poll(
        () =>
          ping().then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 20_000, interval: 200 },
      )
      .toBe(200);
    const answer = await post(url, signed(key, guildAsk('Qui est Brad Smith ?').payload));
    const body = (await answer.json()) as {
      type: number;
      data: { embeds: Array<{ fields: Array<{ value: string }> }> };
    };
    expect(body.type).toBe(4);
    expect(body.data.embeds[0]?.fields[0]?.value).toContain('Brad Smith');
    const health = await fetch(`http://127.0.0.1:${metricsPort}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', gateway: { status: 'off' } });
    expect(fake.identifyCount).toBe(identified);
    if (bot.pid) process.kill(-bot.pid, 'SIGTERM');
    await exitOf(bot, 8000);
    await expect.poll(() => groupAlive(bot), { timeout: 5000 }).toBe(false);
    expect(bot.output()).toContain('serving Discord interactions over HTTP');
  });
});

describe('npm start with a bad token or no Discord', { timeout: 30_000 }, () => {
  it('says the token was rejected and how to fix it, and exits 1', async () => {
    fake.failNext((r) => r.path === '/gateway/bot', {
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    });
    const bot = npm(['start'], { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl });
    children.push(bot);
    expect(await exitOf(bot, 20_000)).toBe(1);
    expect(bot.output()).toContain('DISCORD_TOKEN: Discord rejected this token');
    expect(bot.output()).not.toContain(TOKEN);
    expect(bot.output()).not.toMatch(/^\s+at /m);
  });
});

describe('npm start when Discord closes the gateway for good', { timeout: 30_000 }, () => {
  it('says why and how to fix it, and exits 1 instead of waiting silently', async () => {
    const bot = npm(['start'], { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl });
    children.push(bot);
    const before = fake.identifyCount;
    await expect
      .poll(() => fake.identifyCount > before && bot.output().includes('connected to Discord'), {
        timeout: 20_000,
      })
      .toBe(true);
    fake.closeGatewaySockets(4004);
    expect(await exitOf(bot, 10_000)).toBe(1);
    expect(bot.output()).toContain('Discord rejected DISCORD_TOKEN (close code 4004)');
    expect(bot.output()).not.toContain(TOKEN);
    await expect.poll(() => groupAlive(bot), { timeout: 5000 }).toBe(false);
  });
});

describe('npm run deploy-commands', { timeout: 30_000 }, () => {
  const env = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: FAKE_APP_ID };

  it('registers every command in DISCORD_GUILD_ID with a body that follows Discord’s rules', async () => {
    const deploy = npm(['deploy-commands'], {
      ...env,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: GUILD,
    });
    expect(await exitOf(deploy, 20_000)).toBe(0);
    const put = await fake.waitForRequest(
      (r) => r.method === 'PUT' && r.path === `/applications/${FAKE_APP_ID}/guilds/${GUILD}/commands`,
      1000,
    );
    expect(put.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(COMMANDS)));
    expect(put.body.flatMap(commandProblems)).toEqual([]);
    expect(deploy.output()).toMatch(/Registered 5 commands in guild/);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const deploy = npm(['deploy-commands'], { ...env, DISCORD_API_URL: fake.apiUrl });
    expect(await exitOf(deploy, 20_000)).toBe(0);
    await fake.waitForRequest(
      (r) => r.method === 'PUT' && r.path === `/applications/${FAKE_APP_ID}/commands`,
      1000,
    );
  });

  it('names what is missing and exits 1, without calling Discord', async () => {
    const before = fake.requests.length;
    const deploy = npm(['deploy-commands'], { DISCORD_API_URL: fake.apiUrl });
    expect(await exitOf(deploy, 20_000)).toBe(1);
    expect(deploy.output()).toContain('DISCORD_TOKEN');
    expect(deploy.output()).toContain('DISCORD_CLIENT_ID');
    expect(fake.requests.length).toBe(before);
  });
});

describe('npm start with a broken configuration or knowledge', { timeout: 60_000 }, () => {
  /** Starts the bot and returns its exit code and output; it must stop before reaching Discord. */
  async function start(env: Record<string, string>) {
    const before = fake.requests.length;
    const bot = npm(['start'], { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, ...env });
    children.push(bot);
    const code = await exitOf(bot, 30_000);
    expect(fake.requests.length).toBe(before);
    return { code, output: bot.output() };
  }

  it('names every bad variable in one message and exits 1, without a stack trace or the token', async () => {
    const { code, output } = await start({
      DISCORD_TOKEN: `Bot ${TOKEN}`,
      DISCORD_CLIENT_ID: 'my-bot',
      COOLDOWN_SECONDS: 'thirty',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/^Invalid configuration:\n {2}- DISCORD_TOKEN: remove the "Bot " prefix/);
    expect(output).toContain('DISCORD_CLIENT_ID: must be a Discord id');
    expect(output).toContain('COOLDOWN_SECONDS: must be a whole number');
    expect(output).not.toContain(TOKEN);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('stops when DATA_DIR cannot be written, naming it and the error, before reaching Discord', async () => {
    const file = path.join(copyKnowledge(), 'glossary.yaml');
    const { code, output } = await start({ DATA_DIR: path.join(file, 'data') });
    expect(code).toBe(1);
    expect(output).toBe(
      `Invalid configuration:\n  - DATA_DIR: cannot write in ${path.join(file, 'data')} (ENOTDIR). Point it at a folder this user may write in, or fix the folder's permissions\nSee .env.example.\n`,
    );
  });

  it('names METRICS_PORT when its port is taken, and exits 1 before connecting', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    try {
      const { code, output } = await start({ METRICS_PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`  - METRICS_PORT: 127.0.0.1:${port} is already in use: choose another port`);
      expect(output).not.toMatch(/^\s+at /m);
    } finally {
      taken.close();
    }
  });

  it('names INTERACTIONS_PORT when its port is taken, and exits 1', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    try {
      const { code, output } = await start({
        DISCORD_TOKEN: '',
        INTERACTIONS_PORT: String(port),
        DISCORD_PUBLIC_KEY: 'ab'.repeat(32),
      });
      expect(code).toBe(1);
      expect(output).toContain(
        `  - INTERACTIONS_PORT: 127.0.0.1:${port} is already in use: choose another port`,
      );
      expect(output).not.toMatch(/^\s+at /m);
    } finally {
      taken.close();
    }
  });

  // Each broken copy, and what the error must name: the file, the fact id and the field.
  const cases: Array<[string, () => { root: string; expected: RegExp }]> = [
    [
      'invalid YAML',
      () => ({
        root: withText(FACTS, (text) => `${text}\n- id: [unclosed\n`),
        expected: /knowledge\/microsoft-japan-ai\/facts\.yaml: is not valid YAML/,
      }),
    ],
    [
      'a missing field',
      () => {
        const { root, id } = withFact((fact) => {
          delete fact.quote;
        });
        return { root, expected: new RegExp(`facts\\.yaml \\(id "${id}", field "quote"\\): `) };
      },
    ],
    [
      'a quote not verbatim in the article',
      () => {
        const { root, id } = withFact((fact) => {
          fact.quote = `${fact.quote} (or so)`;
        }, 2);
        return { root, expected: new RegExp(`\\(id "${id}", field "quote"\\): is not verbatim in`) };
      },
    ],
    [
      'a duplicate id',
      () => {
        let id = '';
        const root = withRecords(FACTS, (records) => {
          id = recordAt(records, 0).id;
          recordAt(records, 3).id = id;
        });
        return { root, expected: new RegExp(`\\(id "${id}", field "id"\\): duplicate id`) };
      },
    ],
    [
      'an empty alternate question',
      () => {
        const { root, id } = withFact((fact) => {
          (fact.questions as { fr: string[] }).fr[0] = '';
        });
        return {
          root,
          expected: new RegExp(
            `\\(id "${id}", field "questions\\.fr\\.0"\\): an alternate question must not be empty`,
          ),
        };
      },
    ],
    [
      'a fact that points to a missing source',
      () => {
        const { root, id } = withFact((fact) => {
          fact.source = 'le-monde-2031';
        });
        return {
          root,
          expected: new RegExp(
            `\\(id "${id}", field "source"\\): names the source "le-monde-2031", which does not exist`,
          ),
        };
      },
    ],
  ];

  it.concurrent.each(cases)(
    'stops at %s, naming the file, the fact id and the field, and exits 1',
    async (_, broken) => {
      const { root, expected } = broken();
      const { code, output } = await start({ KNOWLEDGE_DIR: root });
      expect(code).toBe(1);
      expect(output).toMatch(/^The knowledge base has \d+ error\(s\):/);
      expect(output).toMatch(expected);
      expect(output).not.toMatch(/^\s+at /m);
    },
  );

  it('starts from an intact copy given in KNOWLEDGE_DIR, logs readably, reloads it when edited, and stops on Ctrl-C', async () => {
    const root = copyKnowledge();
    const bot = npm(['start'], {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      KNOWLEDGE_DIR: root,
      LOG_FORMAT: 'pretty',
    });
    children.push(bot);
    await expect.poll(() => bot.output(), { timeout: 20_000 }).toContain('connected to Discord');
    // LOG_FORMAT=pretty: "[12:34:56] INFO: connected to Discord" and its fields, not JSON.
    expect(bot.output()).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: connected to Discord$/m);
    expect(bot.output()).not.toMatch(/^\{/m);
    editRecords(root, FACTS, (records) => {
      (recordAt(records, 1).answer as { en: string }).en = 'An answer edited while the bot runs.';
    });
    await expect
      .poll(() => bot.output(), { timeout: 5000 })
      .toMatch(/^\[[\d:]+\] INFO: knowledge reloaded$/m);
    if (bot.pid) process.kill(-bot.pid, 'SIGINT');
    await exitOf(bot, 5000);
    await expect.poll(() => bot.output(), { timeout: 5000 }).toContain('disconnected from Discord');
    await expect.poll(() => groupAlive(bot), { timeout: 5000 }).toBe(false);
  });
});
