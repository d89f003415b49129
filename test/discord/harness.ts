import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { buildEngine, type LiveKnowledge, loadEngine, openLiveKnowledge } from '../../src/bootstrap.js';
import type { Engine } from '../../src/core/engine.js';
import { type Bot, type BotOptions, serveEngine, startBot } from '../../src/discord/bot.js';
import type { ServedKnowledge } from '../../src/discord/handlers/context.js';
import { KnowledgeHost } from '../../src/knowledge/host.js';
import { KNOWLEDGE_DIR } from '../../src/knowledge/load.js';
import { createLogger } from '../../src/log.js';
import {
  type FakeDiscord,
  type FakeGuild,
  guildIdOnShard,
  type RecordedRequest,
  startFakeDiscord,
} from './fakeDiscord.js';
import {
  type BuiltInteraction,
  FAKE_APP_ID,
  FAKE_BOT,
  type FakeUser,
  messageCreate,
  nextId,
  slashCommand,
} from './payloads.js';

/** Shaped like a real bot token, so nothing treats it differently from one. */
export const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.x1Y2z3W4v5U6t7S8r9Q0p1O2n3M4l5K6j7I8h9';
export const GUILD = nextId();
export const CHANNEL = nextId();
export const alice: FakeUser = { id: nextId(), username: 'alice' };
export const bob: FakeUser = { id: nextId(), username: 'bob' };
export const otherBot: FakeUser = { id: nextId(), username: 'echo-bot', bot: true };

let sharedEngine: Engine | undefined;
/** The engine is pure and read-only: one per test process is enough. */
export function engine(): Engine {
  sharedEngine ??= loadEngine();
  return sharedEngine;
}

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: Bot;
  /** What the bot serves; reloaded from `knowledgeDir` when a file there changes, if one was given. */
  readonly knowledge: KnowledgeHost<ServedKnowledge>;
  readonly dataDir: string;
  /** Every log line the bot wrote, as parsed JSON. */
  readonly logs: Array<Record<string, unknown>>;
  /** The same lines as written, never cleared: what an operator's log file would hold. */
  readonly written: string[];
  waitFor(predicate: (request: RecordedRequest) => boolean): Promise<RecordedRequest>;
  /** Sends an interaction and returns its first response. */
  interact(built: BuiltInteraction): Promise<Reply>;
  /** Sends a message and returns the bot's reply to it. */
  post(payload: Record<string, unknown>): Promise<Reply>;
  /** The bot token and every interaction token found in the logs so far (none, it is hoped). */
  secretsInLogs(): string[];
  close(): Promise<void>;
}

export interface Reply {
  readonly request: RecordedRequest;
  // biome-ignore lint/suspicious/noExplicitAny: recorded JSON bodies are read freely by tests
  readonly body: any;
}

export interface HarnessOptions
  extends Pick<BotOptions, 'cooldown' | 'deferAfterMs' | 'feedback' | 'metrics'> {
  /** More guilds besides the French-speaking "Newsroom". */
  readonly guilds?: FakeGuild[];
  /**
   * A knowledge folder to load and watch as `npm start` does (a reload follows 50 ms after an
   * edit). Without it the bot serves the repository's knowledge, built once per process.
   */
  readonly knowledgeDir?: string;
  /** The shard count the fake recommends in `GET /gateway/bot` (default 1). */
  readonly shards?: number;
}

/** The repository's knowledge without a watcher, or `dir` loaded and watched as `npm start` does. */
async function knowledgeFor(
  dir: string | undefined,
  logger: BotOptions['logger'],
): Promise<LiveKnowledge<ServedKnowledge>> {
  if (dir !== undefined) return openLiveKnowledge({ dir, serve: serveEngine, logger, debounceMs: 50 });
  const build = (knowledge: Engine['knowledge']) => serveEngine(buildEngine(knowledge));
  const host = KnowledgeHost.of(serveEngine(engine()), { dir: KNOWLEDGE_DIR, build, logger });
  return { host, close: () => {} };
}

/**
 * A fake Discord with one French-speaking guild, and the bot started as `npm start` starts it.
 * The cooldown is off unless a test sets one: most tests ask many questions as one member.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeDiscord({
    applicationId: FAKE_APP_ID,
    botUser: FAKE_BOT,
    guilds: [
      { id: GUILD, name: 'Newsroom', channels: [{ id: CHANNEL, type: 0 }], preferred_locale: 'fr' },
      ...(options.guilds ?? []),
    ],
    ...(options.shards === undefined ? {} : { shards: options.shards }),
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'article-bot-'));
  const logs: Array<Record<string, unknown>> = [];
  const written: string[] = [];
  const logger = createLogger('debug', {
    write: (line: string) => {
      written.push(line);
      logs.push(JSON.parse(line));
    },
  });
  const knowledge = await knowledgeFor(options.knowledgeDir, logger);
  const bot = await startBot({
    token: TOKEN,
    apiUrl: fake.apiUrl,
    knowledge: knowledge.host,
    dataDir,
    logger,
    cooldown: options.cooldown ?? { questions: 0, windowMs: 1000 },
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
    ...(options.feedback === undefined ? {} : { feedback: options.feedback }),
    ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
  });
  return {
    fake,
    bot,
    knowledge: knowledge.host,
    dataDir,
    logs,
    written,
    waitFor: (predicate) => fake.waitForRequest(predicate, 3000),
    async interact(built) {
      fake.dispatch('INTERACTION_CREATE', built.payload);
      const request = await fake.waitForRequest((r) => r.path === built.callbackPath, 3000);
      return { request, body: request.body };
    },
    async post(payload) {
      fake.dispatch('MESSAGE_CREATE', payload);
      const request = await fake.waitForRequest(
        (r) =>
          r.method === 'POST' &&
          r.path === `/channels/${String(payload.channel_id)}/messages` &&
          r.body?.message_reference?.message_id === payload.id,
        3000,
      );
      return { request, body: request.body };
    },
    secretsInLogs() {
      const text = written.join('');
      return [TOKEN, ...fake.interactionTokens].filter((secret) => text.includes(secret));
    },
    async close() {
      knowledge.close();
      await Promise.race([bot.stop(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** After each test: every REST call hit a known route, and no error was logged. */
export function expectCleanRun(harness: Harness): void {
  expect(harness.fake.unknownRoutes.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  expect(harness.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
}

/**
 * After all tests: no token in the whole run's logs, then the bot and the fake closed with no
 * socket or server left open (of the fake, the gateway or the REST client).
 */
export async function closeAndCheck(harness: Harness | undefined): Promise<void> {
  expect(harness?.secretsInLogs()).toEqual([]);
  await harness?.close();
  expect(await openSockets()).toEqual([]);
}

/** TCP handles still open in this process, after giving closing ones up to two seconds. */
export async function openSockets(): Promise<string[]> {
  const open = () => process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP'));
  for (let waited = 0; open().length > 0 && waited < 2000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return open();
}

/** Text that mentions the bot first. */
export const mention = (text: string) => `<@${FAKE_BOT.id}> ${text}`;

/** A message in the guild channel that mentions the bot: Alice's, unless `extra` says otherwise. */
export const mentionInGuild = (content: string, extra: Partial<Parameters<typeof messageCreate>[0]> = {}) =>
  messageCreate({
    channelId: CHANNEL,
    guildId: GUILD,
    author: alice,
    content,
    mentions: [FAKE_BOT],
    ...extra,
  });

/** Alice's /ask in the French-speaking guild channel. */
export const guildAsk = (question: string, extra: Record<string, unknown> = {}) =>
  slashCommand({
    name: 'ask',
    options: { question, ...extra },
    guildId: GUILD,
    channelId: CHANNEL,
    user: alice,
    locale: 'fr',
  });

/** A guild of each of two shards (by `(id >> 22) % 2`), each with one text channel. */
export const SHARD_GUILDS = [0, 1].map((shard) => ({
  shard,
  id: guildIdOnShard(shard, 2),
  channel: nextId(),
}));

export const fakeShardGuild = (guild: (typeof SHARD_GUILDS)[number]): FakeGuild => ({
  id: guild.id,
  name: `shard-${guild.shard}`,
  channels: [{ id: guild.channel, type: 0 }],
});

/** Alice's /ask, in English, in a guild of `SHARD_GUILDS`. */
export const askInShardGuild = (guild: (typeof SHARD_GUILDS)[number], question: string) =>
  slashCommand({
    name: 'ask',
    options: { question },
    guildId: guild.id,
    channelId: guild.channel,
    user: alice,
    locale: 'en-US',
  });
