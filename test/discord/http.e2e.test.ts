import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildEngine } from '../../src/bootstrap.js';
import { type Bot, serveEngine, startBot } from '../../src/discord/bot.js';
import type { ServedKnowledge } from '../../src/discord/handlers/context.js';
import { type HttpDoor, startHttpDoor } from '../../src/discord/httpDoor.js';
import { QUESTIONS_FILE } from '../../src/discord/questionLog.js';
import { type DoorServices, openServices } from '../../src/discord/services.js';
import { BotMetrics } from '../../src/http/metrics.js';
import { KnowledgeHost } from '../../src/knowledge/host.js';
import { KNOWLEDGE_DIR } from '../../src/knowledge/load.js';
import { createLogger, type Logger } from '../../src/log.js';
import { sampleValue } from '../http/prometheus.js';
import { type FakeDiscord, startFakeDiscord } from './fakeDiscord.js';
import {
  alice,
  bob,
  CHANNEL,
  engine,
  GUILD,
  guildAsk,
  mentionInGuild,
  openSockets,
  TOKEN,
} from './harness.js';
import {
  autocomplete,
  type BuiltInteraction,
  FAKE_APP_ID,
  FAKE_BOT,
  message,
  messageComponent,
  messageContextMenu,
  nextId,
  slashCommand,
} from './payloads.js';
import { generateSigningKey, post, signed, unixNow } from './signing.js';
import { SlowSink } from './slowSink.js';

// The HTTP interactions endpoint (INTERACTIONS_PORT), with requests signed by a key pair made
// for this run, on loopback; deferred replies are edited through the fake Discord's webhook route.

const key = generateSigningKey();
const DEFER_AFTER_MS = 300;

/** The services and logs of a door under test. */
interface Setup {
  readonly services: DoorServices;
  readonly dataDir: string;
  readonly logger: Logger;
  /** Every log line as written. */
  readonly written: string[];
  readonly sink: SlowSink;
  /** What /metrics would serve: the endpoint counts its requests there. */
  readonly metrics: BotMetrics;
}

function setUp(cooldown = { questions: 0, windowMs: 1000 }): Setup {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'article-bot-http-'));
  const written: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void written.push(line) });
  const build = (knowledge: ServedKnowledge['knowledge']) => serveEngine(buildEngine(knowledge));
  const knowledge = KnowledgeHost.of(serveEngine(engine()), { dir: KNOWLEDGE_DIR, build, logger });
  const sink = new SlowSink();
  const metrics = new BotMetrics();
  const services = openServices({ knowledge, dataDir, logger, feedback: sink, cooldown, metrics });
  return { services, dataDir, logger, written, sink, metrics };
}

const questionLines = (dataDir: string) => {
  const file = path.join(dataDir, QUESTIONS_FILE);
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
    : [];
};

const errorsIn = (written: string[]) => written.map((line) => JSON.parse(line)).filter((l) => l.level >= 50);

let fake: FakeDiscord;
let door: HttpDoor;
let setup: Setup;

beforeAll(async () => {
  fake = await startFakeDiscord({ applicationId: FAKE_APP_ID, botUser: FAKE_BOT });
  setup = setUp();
  door = await startHttpDoor({
    host: '127.0.0.1',
    port: 0,
    publicKey: key.publicKeyHex,
    apiUrl: fake.apiUrl,
    services: setup.services,
    logger: setup.logger,
    deferAfterMs: DEFER_AFTER_MS,
  });
});

afterAll(async () => {
  await door?.close();
  await setup?.services.stop();
  await fake?.close();
  if (setup) rmSync(setup.dataDir, { recursive: true, force: true });
  expect(await openSockets()).toEqual([]);
});

afterEach(() => {
  expect(fake.unknownRoutes.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  vi.restoreAllMocks();
});

/** Sends an interaction as Discord would and returns the HTTP status and the JSON it answered. */
async function interact(built: BuiltInteraction) {
  const response = await post(door.url, signed(key, built.payload));
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: a Discord interaction response, read freely
  const body: any = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  return { status: response.status, body };
}

describe('requests refused before anything happens', () => {
  // A question no test answers: it must never reach the engine, the log or the question log.
  const MARKER = 'Combien zzqmarker investit-il ?';
  const ask = () =>
    slashCommand({ name: 'ask', options: { question: MARKER }, channelId: CHANNEL, user: alice });

  let asked: ReturnType<typeof vi.spyOn>;
  let requestsBefore: number;
  let logBefore: number;
  const nothingHappened = () => {
    expect(asked).not.toHaveBeenCalled();
    expect(fake.requests.length).toBe(requestsBefore);
    expect(questionLines(setup.dataDir).filter((line) => line.question?.includes('zzqmarker'))).toEqual([]);
    const lines = setup.written.slice(logBefore);
    expect(lines.join('')).not.toContain('zzqmarker');
    expect(errorsIn(lines)).toEqual([]);
  };
  const refused = async (request: Promise<Response>, status: number, text: RegExp) => {
    asked = vi.spyOn(engine(), 'ask');
    requestsBefore = fake.requests.length;
    logBefore = setup.written.length;
    const response = await request;
    expect(response.status).toBe(status);
    expect(await response.text()).toMatch(text);
    nothingHappened();
  };

  it('refuses a request without a signature (401)', async () => {
    const { body } = signed(key, ask().payload);
    await refused(fetch(door.url, { method: 'POST', body }), 401, /missing request signature/);
    const { timestamp } = signed(key, ask().payload);
    await refused(
      fetch(door.url, { method: 'POST', body, headers: { 'X-Signature-Timestamp': timestamp } }),
      401,
      /missing/,
    );
  });

  it('refuses a signature by another key, or one that is not hex (401)', async () => {
    const other = generateSigningKey();
    await refused(post(door.url, signed(other, ask().payload)), 401, /invalid request signature/);
    const request = signed(key, ask().payload);
    await refused(post(door.url, { ...request, signature: 'zz'.repeat(64) }), 401, /invalid/);
    await refused(post(door.url, { ...request, signature: request.signature.slice(2) }), 401, /invalid/);
  });

  it('refuses a body replayed with another timestamp (401: the signature covers the timestamp)', async () => {
    const original = signed(key, ask().payload, unixNow(-5));
    await refused(post(door.url, { ...original, timestamp: unixNow() }), 401, /invalid request signature/);
  });

  it('refuses a body changed by one byte (401)', async () => {
    const original = signed(key, ask().payload);
    const changed = original.body.replace('zzqmarker', 'zzqmarkes');
    await refused(post(door.url, { ...original, body: changed }), 401, /invalid request signature/);
  });

  it('refuses a correctly signed request whose timestamp is over a minute away (401)', async () => {
    for (const offset of [-61, -3600, 61]) {
      await refused(post(door.url, signed(key, ask().payload, unixNow(offset))), 401, /timestamp/);
    }
    await refused(post(door.url, signed(key, ask().payload, 'yesterday')), 401, /timestamp/);
  });

  it('refuses the same signed request sent twice (401 the second time)', async () => {
    const ping = signed(key, { type: 1, id: nextId(), application_id: FAKE_APP_ID, token: 'ping' });
    const first = await post(door.url, ping);
    expect(first.status).toBe(200);
    await refused(post(door.url, ping), 401, /already received/);
  });

  it('refuses a body over 128 KiB (413), signed or not, announced or streamed', async () => {
    const big = { ...ask().payload, padding: 'x'.repeat(200 * 1024) };
    await refused(post(door.url, signed(key, big)), 413, /over 131072 bytes/);
    // No Content-Length: the body is counted as it arrives.
    const request = signed(key, big);
    const stream = new Blob([request.body]).stream();
    await refused(post(door.url, request, { body: stream, duplex: 'half' } as RequestInit), 413, /over/);
  });

  it('refuses malformed JSON (400) and JSON that is no interaction (400), signed', async () => {
    const json = JSON.stringify(ask().payload);
    await refused(post(door.url, signed(key, json.slice(0, -1))), 400, /malformed JSON/);
    await refused(
      post(door.url, signed(key, { type: 2, data: { name: 'ask' } })),
      400,
      /malformed interaction: id/,
    );
    const { token: _token, ...noToken } = ask().payload;
    await refused(post(door.url, signed(key, noToken)), 400, /malformed interaction: token/);
    const hostile = { ...ask().payload, token: '../../channels/1/messages' };
    await refused(post(door.url, signed(key, hostile)), 400, /not an interaction token/);
  });

  it('answers another method 405 and another path 404', async () => {
    const get = await fetch(door.url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const request = signed(key, ask().payload);
    await refused(post(door.url.replace('/interactions', '/'), request), 404, /\/interactions/);
    await refused(post(`${door.url}/x`, request), 404, /not found/);
  });
});

describe('interactions served in the HTTP response', { timeout: 10_000 }, () => {
  it('answers PING with PONG', async () => {
    const { status, body } = await interact({
      payload: { id: nextId(), application_id: FAKE_APP_ID, type: 1, token: 'ping-token', version: 1 },
      id: '',
      token: '',
      callbackPath: '',
    });
    expect(status).toBe(200);
    expect(body).toEqual({ type: 1 });
  });

  it('answers /ask in the response (type 4), public, pinging nobody, and logs the question', async () => {
    const { status, body } = await interact(guildAsk('Combien Microsoft va-t-il investir au Japon ?'));
    expect(status).toBe(200);
    expect(body.type).toBe(4);
    expect(body.data.flags).toBeUndefined();
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.data.embeds[0].fields[0].value).toContain('2,9 milliards de dollars');
    await expect
      .poll(() => questionLines(setup.dataDir).map((line) => [line.surface, line.question]))
      .toContainEqual(['slash', 'Combien Microsoft va-t-il investir au Japon ?']);
    // Nothing went through Discord's REST: the answer was the response itself.
    expect(fake.requests.filter((r) => r.path.includes('/webhooks/'))).toEqual([]);
  });

  it('answers /ask privately when asked, and refuses an unknown article privately', async () => {
    const hidden = await interact(guildAsk('Qui est Brad Smith ?', { private: true }));
    expect(hidden.body.data.flags).toBe(64);
    const unknown = await interact(guildAsk('Qui est Brad Smith ?', { article: 'no-such-article' }));
    expect(unknown.body.type).toBe(4);
    expect(unknown.body.data.flags).toBe(64);
    expect(unknown.body.data.content).toMatch(/no-such-article/);
  });

  it('suggests questions as they are typed (type 8)', async () => {
    const typed = autocomplete({
      name: 'ask',
      options: { question: 'combien microsoft' },
      focused: 'question',
      channelId: CHANNEL,
      user: alice,
      locale: 'fr',
    });
    const { body } = await interact(typed);
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeGreaterThan(0);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
    expect(body.data.choices[0].name.toLowerCase()).toContain('microsoft');
    const article = autocomplete({
      name: 'ask',
      options: { question: 'x', article: 'japon' },
      focused: 'article',
      channelId: CHANNEL,
      user: alice,
    });
    expect((await interact(article)).body.data.choices[0].value).toBe('microsoft-japan-ai');
  });

  it('answers /about and /help privately, in the member language', async () => {
    for (const name of ['about', 'help']) {
      const { body } = await interact(slashCommand({ name, channelId: CHANNEL, user: alice, locale: 'fr' }));
      expect(body.type).toBe(4);
      expect(body.data.flags).toBe(64);
      expect(body.data.embeds[0].description.length).toBeGreaterThan(0);
    }
  });

  it('answers the message menu privately, from the message text', async () => {
    const target = message({ channelId: CHANNEL, author: bob, content: 'Qui est Brad Smith ?' });
    const menu = messageContextMenu({
      name: 'Ask about this message',
      targetMessage: target,
      channelId: CHANNEL,
      user: alice,
      locale: 'en-US',
    });
    const { body } = await interact(menu);
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0].fields[0].value).toContain('Brad Smith');
  });

  it('answers a related question picked in the menu, and thanks a vote, privately', async () => {
    const { body: answer } = await interact(guildAsk('Combien Microsoft va-t-il investir au Japon ?'));
    const [menuRow, voteRow] = answer.data.components;
    const menu = menuRow.components[0];
    const onAnswer = message({
      channelId: CHANNEL,
      guildId: GUILD,
      author: FAKE_BOT,
      embeds: answer.data.embeds,
    });
    const pick = messageComponent({
      customId: menu.custom_id,
      componentType: 3,
      values: [menu.options[0].value],
      message: onAnswer,
      user: bob,
      locale: 'fr',
    });
    const picked = await interact(pick);
    expect(picked.body.type).toBe(4);
    expect(picked.body.data.flags).toBe(64);
    expect(picked.body.data.embeds[0].title).toBe(menu.options[0].label);

    setup.sink.delayMs = 0;
    const before = setup.sink.records.length;
    const up = voteRow.components[0];
    const vote = messageComponent({ customId: up.custom_id, message: onAnswer, user: bob, locale: 'en-US' });
    const voted = await interact(vote);
    expect(voted.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: expect.stringContaining('Thanks') },
    });
    expect(setup.sink.records.slice(before)).toMatchObject([
      { vote: 'up', surface: 'slash', question: 'Combien Microsoft va-t-il investir au Japon ?' },
    ]);
  });

  it('calls a component this version did not make expired', async () => {
    const stale = messageComponent({
      customId: 'vote:maybe:slash:x',
      message: message({ channelId: CHANNEL, author: FAKE_BOT }),
      user: bob,
    });
    const { body } = await interact(stale);
    expect(body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(body.data.content).toMatch(/expired|no longer/i);
  });

  it('defers a slow reply (type 5), then edits it through the webhook', async () => {
    setup.sink.delayMs = DEFER_AFTER_MS * 3;
    const vote = messageComponent({
      customId: 'vote:down:slash:investment-amount',
      message: message({ channelId: CHANNEL, author: FAKE_BOT, embeds: [{ title: 'Combien ?' }] }),
      user: alice,
      locale: 'en-US',
    });
    const { body } = await interact(vote);
    expect(body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${FAKE_APP_ID}/${vote.token}/messages/@original`,
    );
    expect(edit.status).toBe(200);
    expect(edit.body.content).toContain('Thanks');
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(edit.body.flags).toBeUndefined();
    // The edit needs no bot token: the interaction's own token is in the URL.
    expect(edit.headers.authorization).toBeUndefined();
  });

  it('refuses /knowledge reload to a member without Manage Server', async () => {
    const reload = slashCommand({
      name: 'knowledge',
      options: [{ name: 'reload', type: 1 }],
      guildId: GUILD,
      channelId: CHANNEL,
      user: alice,
      memberPermissions: '0',
    });
    const { body } = await interact(reload);
    expect(body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(body.data.content).toMatch(/Manage Server/);
  });

  it('tells the member once, privately, when a handler fails', async () => {
    const broken = slashCommand({ name: 'ask', options: {}, channelId: CHANNEL, user: bob, locale: 'en-US' });
    const lines = setup.written.length;
    const { body } = await interact(broken);
    expect(body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(body.data.content).toContain('something went wrong');
    expect(errorsIn(setup.written.slice(lines)).map((line) => line.msg)).toEqual([
      'an interaction handler failed',
    ]);
    setup.written.splice(lines);
  });

  it('answers 400 to an interaction type it does not serve (a modal)', async () => {
    const modal = { ...guildAsk('x').payload, type: 5, data: { custom_id: 'm', components: [] } };
    const response = await post(door.url, signed(key, modal));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/unsupported interaction type 5/);
  });

  it('never writes an interaction token, a user, a server or a channel in the logs', () => {
    const text = setup.written.join('');
    expect(text).not.toMatch(/tok-\d+-\d+/);
    for (const id of [alice.id, bob.id, GUILD, CHANNEL]) expect(text).not.toContain(id);
    // The logs did record the interactions, by id and command only.
    expect(text).toContain('interaction answered');
    expect(errorsIn(setup.written)).toEqual([]);
  });
});

describe('metrics of the endpoint', () => {
  it('counts every request by the status answered, and times the replies like the gateway', async () => {
    const samples = await setup.metrics.registry.metrics();
    for (const status of ['200', '400', '401', '404', '405', '413']) {
      expect(sampleValue(samples, 'interaction_requests_total', { status })).toBeGreaterThan(0);
    }
    expect(sampleValue(samples, 'answer_latency_seconds_count', { surface: 'slash' })).toBeGreaterThan(0);
    expect(
      sampleValue(samples, 'questions_total', { surface: 'related', outcome: 'answered', language: 'fr' }),
    ).toBe(1);
  });
});

describe('both doors at once', { timeout: 10_000 }, () => {
  let both: Setup;
  let gatewayFake: FakeDiscord;
  let bot: Bot;
  let httpDoor: HttpDoor;

  beforeAll(async () => {
    gatewayFake = await startFakeDiscord({
      applicationId: FAKE_APP_ID,
      botUser: FAKE_BOT,
      guilds: [{ id: GUILD, name: 'Newsroom', channels: [{ id: CHANNEL, type: 0 }], preferred_locale: 'fr' }],
    });
    both = setUp({ questions: 1, windowMs: 60_000 });
    const { services, dataDir, logger } = both;
    httpDoor = await startHttpDoor({
      ...{ host: '127.0.0.1', port: 0, publicKey: key.publicKeyHex },
      ...{ apiUrl: gatewayFake.apiUrl, services, logger },
    });
    const knowledge = KnowledgeHost.of(serveEngine(engine()), {
      dir: KNOWLEDGE_DIR,
      build: (k) => serveEngine(buildEngine(k)),
      logger,
    });
    bot = await startBot({ token: TOKEN, apiUrl: gatewayFake.apiUrl, knowledge, dataDir, logger, services });
  });

  afterAll(async () => {
    await Promise.all([bot?.stop(), httpDoor?.close()]);
    await both?.services.stop();
    await gatewayFake?.close();
    if (both) rmSync(both.dataDir, { recursive: true, force: true });
  });

  it('shares one cooldown per member and one question log between the gateway and HTTP', async () => {
    const mentioned = mentionInGuild(`<@${FAKE_BOT.id}> Qui est Brad Smith ?`, { id: nextId() });
    gatewayFake.dispatch('MESSAGE_CREATE', mentioned);
    await gatewayFake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages`,
    );
    // Alice's one question of the window went on the mention: /ask over HTTP is told to wait…
    const told = await post(httpDoor.url, signed(key, guildAsk('Combien Microsoft investit-il ?').payload));
    const body = (await told.json()) as { type: number; data: { flags?: number; content: string } };
    expect(body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(body.data.content).toMatch(/Réessayez dans \d+ s/);
    // …then gets no answer at all (204: Discord shows that the app did not respond).
    const silenced = await post(httpDoor.url, signed(key, guildAsk('Qui est Brad Smith ?').payload));
    expect(silenced.status).toBe(204);
    // Bob is not slowed down.
    const bobAsks = slashCommand({
      name: 'ask',
      options: { question: 'Qui est Brad Smith ?' },
      guildId: GUILD,
      channelId: CHANNEL,
      user: bob,
    });
    const answered = (await (await post(httpDoor.url, signed(key, bobAsks.payload))).json()) as {
      type: number;
    };
    expect(answered.type).toBe(4);
    await expect
      .poll(() => questionLines(both.dataDir).map((line) => line.surface))
      .toEqual(['mention', 'slash']);
    expect(gatewayFake.unknownRoutes).toEqual([]);
    expect(errorsIn(both.written)).toEqual([]);
  });
});
