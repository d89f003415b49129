import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gatewayState } from '../../src/discord/instrument.js';
import { BotMetrics } from '../../src/http/metrics.js';
import { serveBotMetrics } from '../../src/http/serveBot.js';
import type { MetricsServer } from '../../src/http/server.js';
import { knowledgeVersion } from '../../src/knowledge/version.js';
import { createLogger } from '../../src/log.js';
import { health, parseSamples, sampleValue, scrape } from '../http/prometheus.js';
import { type RecordedRequest, rateLimited } from './fakeDiscord.js';
import {
  alice,
  CHANNEL,
  closeAndCheck,
  engine,
  expectCleanRun,
  GUILD,
  guildAsk,
  type Harness,
  mention,
  mentionInGuild,
  startHarness,
} from './harness.js';
import { messageCreate, nextId } from './payloads.js';

// /healthz and /metrics of the real client against the fake Discord, served as `npm start`
// serves them with METRICS_PORT set (here on a free loopback port).

const metrics = new BotMetrics();
let server: MetricsServer;
let harness: Harness | undefined;
let beforeLogin: Awaited<ReturnType<typeof health>>;

beforeAll(async () => {
  server = await serveBotMetrics(
    { host: '127.0.0.1', port: 0 },
    metrics,
    () => gatewayState(harness?.bot.client),
    createLogger('silent'),
  );
  beforeLogin = await health(server.url);
  harness = await startHarness({ metrics });
}, 10_000);

afterEach(() => harness && expectCleanRun(harness));

afterAll(async () => {
  await server.close();
  await closeAndCheck(harness);
}, 10_000);

/** How much each sample of /metrics grew while `act` ran (samples that did not grow left out). */
async function growthDuring(act: () => Promise<unknown>): Promise<Map<string, number>> {
  const key = (name: string, labels: Record<string, string>) => `${name}${JSON.stringify(labels)}`;
  const before = new Map(parseSamples(await scrape(server.url)).map((s) => [key(s.name, s.labels), s.value]));
  await act();
  const grown = new Map<string, number>();
  for (const sample of parseSamples(await scrape(server.url))) {
    const id = key(sample.name, sample.labels);
    const growth = sample.value - (before.get(id) ?? 0);
    if (growth > 0 && !sample.name.startsWith('process_') && !sample.name.startsWith('nodejs_')) {
      grown.set(id, growth);
    }
  }
  return grown;
}

describe('/healthz', () => {
  it('is 503, gateway "starting", before the bot has logged in', () => {
    expect(beforeLogin.status).toBe(503);
    expect(beforeLogin.body).toMatchObject({
      status: 'unavailable',
      gateway: { status: 'starting', ping: null },
    });
  });

  it('is 200 once connected, with the version and size of the knowledge', async () => {
    const knowledge = engine().knowledge;
    const { status, body } = await health(server.url);
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      gateway: { status: 'ready', ping: expect.any(Object) }, // null until the first heartbeat
      knowledge: { version: knowledgeVersion(knowledge), articles: 1, facts: knowledge.facts.length },
      uptimeSeconds: expect.any(Number),
    });
  });
});

describe('/metrics', { timeout: 15_000 }, () => {
  it('counts an /ask, a mention and a DM by surface, outcome and language, and times each reply', async () => {
    const grown = await growthDuring(async () => {
      await harness?.interact(guildAsk('Qui est Brad Smith ?'));
      await harness?.post(mentionInGuild(mention('Qui est Elon Musk ?')));
      await harness?.post(
        messageCreate({ channelId: nextId(), author: alice, content: 'Who is Fumio Kishida?' }),
      );
    });
    const questions = [...grown].filter(([id]) => id.startsWith('questions_total'));
    expect(questions).toEqual([
      ['questions_total{"surface":"slash","outcome":"answered","language":"fr"}', 1],
      ['questions_total{"surface":"mention","outcome":"unknown-entity","language":"fr"}', 1],
      ['questions_total{"surface":"dm","outcome":"answered","language":"en"}', 1],
    ]);
    for (const surface of ['slash', 'mention', 'dm']) {
      expect(grown.get(`answer_latency_seconds_count{"surface":"${surface}"}`)).toBe(1);
      // Loopback: well under a second from the dispatch to the reply having been sent.
      expect(grown.get(`answer_latency_seconds_bucket{"le":"1","surface":"${surface}"}`)).toBe(1);
    }
  });

  it('holds no user, guild or channel id, no name and no question text', async () => {
    const text = await scrape(server.url);
    for (const secret of [alice.id, alice.username, GUILD, CHANNEL, 'Brad Smith', 'Elon Musk']) {
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
    }
  });

  it('counts every REST attempt Discord answered with an error, by status', async () => {
    const grown = await growthDuring(async () => {
      const asked = guildAsk('Qui est Brad Smith ?');
      harness?.fake.failNext((r) => r.path === asked.callbackPath, {
        status: 500,
        body: { message: '500: Internal Server Error', code: 0 },
      });
      harness?.fake.dispatch('INTERACTION_CREATE', asked.payload);
      await harness?.waitFor((r) => r.path === asked.callbackPath && r.status === 204);

      const sent = mentionInGuild(mention('Qui est Brad Smith ?'));
      const isReply = (r: RecordedRequest) => r.body?.message_reference?.message_id === sent.id;
      harness?.fake.failNext(isReply, rateLimited(0.2), 2);
      harness?.fake.dispatch('MESSAGE_CREATE', sent);
      await harness?.waitFor((r) => isReply(r) && r.status === 200);
    });
    expect(grown.get('discord_rest_errors_total{"status":"500"}')).toBe(1);
    expect(grown.get('discord_rest_errors_total{"status":"429"}')).toBe(2);
    // Each member still got one answer, counted once.
    expect(grown.get('questions_total{"surface":"slash","outcome":"answered","language":"fr"}')).toBe(1);
    expect(grown.get('questions_total{"surface":"mention","outcome":"answered","language":"fr"}')).toBe(1);
  });

  it('counts a gateway reconnect, and /healthz is 200 again once the session is resumed', async () => {
    const fake = harness?.fake;
    if (!fake) throw new Error('no harness');
    const reconnects = async () => sampleValue(await scrape(server.url), 'discord_gateway_reconnects_total');
    const before = await reconnects();
    const resumed = fake.resumeCount;
    fake.dropGatewaySockets();
    await expect.poll(() => fake.resumeCount, { timeout: 10_000 }).toBeGreaterThan(resumed);
    await expect.poll(reconnects).toBe((before ?? Number.NaN) + 1);
    await expect.poll(async () => (await health(server.url)).status).toBe(200);
  });

  it('includes the process metrics and the knowledge gauges', async () => {
    const text = await scrape(server.url);
    expect(sampleValue(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sampleValue(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sampleValue(text, 'knowledge_facts')).toBe(engine().knowledge.facts.length);
    expect(sampleValue(text, 'knowledge_articles')).toBe(1);
    expect(sampleValue(text, 'knowledge_reloads_total', { result: 'error' })).toBe(0);
  });
});
