// A local fake of Discord (REST + gateway on 127.0.0.1) for running the real discord.js Client in tests.
// Facts it relies on: docs/discord-test-double.md.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { InteractionRecords } from './interactionRecords.js';
import {
  BOT_PERMISSIONS,
  type FakeUser,
  type Json,
  message,
  nextId,
  rawMember,
  rawUser,
} from './payloads.js';

// biome-ignore lint/suspicious/noExplicitAny: recorded JSON bodies are read freely by tests
export type AnyJson = any;
export interface FakeGuild {
  id: string;
  name: string;
  channels: Array<{ id: string; type: number; name?: string }>;
  preferred_locale?: string;
  /** Permissions of the bot's managed role (default: the invite's 274877991936). */
  botPermissions?: string;
}
export interface FakeDiscordOptions {
  applicationId: string;
  botUser: FakeUser;
  guilds?: FakeGuild[];
  heartbeatIntervalMs?: number;
  /** The shard count `GET /gateway/bot` recommends (default 1). */
  shards?: number;
}
export interface RecordedRequest {
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/APP/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON (the `payload_json` part for multipart), undefined when there is no body. */
  body: AnyJson;
  /** Uploaded files of a multipart request (their metadata is in `body.attachments`). */
  files?: Array<{ field: string; name: string; size: number }>;
  /** Status the fake answered with. */
  status: number;
  /** When it arrived (`performance.now()`). */
  at: number;
}
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface FakeDiscord {
  apiUrl: string;
  gatewayUrl: string;
  requests: RecordedRequest[];
  unknownRoutes: RecordedRequest[];
  readonly identifyCount: number;
  /** The `[id, count]` of every IDENTIFY, in arrival order (`[0, 1]` when the client sent none). */
  readonly identifiedShards: Array<readonly [number, number]>;
  readonly resumeCount: number;
  /** The token of every interaction dispatched so far. */
  readonly interactionTokens: string[];
  /** The shard ids with an identified/resumed socket, sorted. */
  readonly readyShards: number[];
  /** Each dispatched interaction with its dispatch time and every response to it, by token. */
  readonly interactions: InteractionRecords;
  /** Open gateway sockets. */
  readonly connections: number;
  /**
   * Sends `{op:0, t, s, d}` to every identified/resumed socket of the shard the event belongs to,
   * as Discord does: the shard of `d.guild_id` (`(guild_id >> 22) % count`), shard 0 without
   * one. Throws if that shard has no socket.
   */
  dispatch(t: string, d: Json): void;
  waitForReady(timeoutMs?: number): Promise<void>;
  waitForRequest(predicate: (req: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  failNext(match: (req: RecordedRequest) => boolean, response: FakeResponse, times?: number): void;
  closeGatewaySockets(code?: number): void;
  /** Drops every gateway socket without a close frame, as a network failure does (1006). */
  dropGatewaySockets(): void;
  /** Forgets every request, message and interaction seen so far (a long load run's memory). */
  forgetHistory(): void;
  close(): Promise<void>;
}

/** A 429 as Discord sends it (body and headers), for `failNext`. */
export const rateLimited = (retryAfterSeconds: number, global = false): FakeResponse => ({
  status: 429,
  body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global },
  headers: {
    'Retry-After': String(retryAfterSeconds),
    'X-RateLimit-Limit': '5',
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset-After': String(retryAfterSeconds),
    'X-RateLimit-Bucket': 'fake-bucket',
    'X-RateLimit-Scope': global ? 'global' : 'user',
    ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
  },
});

/** A predicate that throws (e.g. reads `r.body.x` of a bodyless request) does not match. */
const safely = (predicate: (req: RecordedRequest) => boolean, req: RecordedRequest) => {
  try {
    return predicate(req);
  } catch {
    return false;
  }
};

/** A gateway session's `[shard id, shard count]`. */
type Shard = readonly [number, number];

/** The shard Discord sends a guild's events to: `(guild_id >> 22) % count`. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** A fresh guild id whose events go to shard `shard` of `count`. */
export function guildIdOnShard(shard: number, count: number): string {
  let id = nextId();
  while (shardOfGuild(id, count) !== shard) id = nextId();
  return id;
}

const notFound = (code = 0, msg = '404: Not Found'): FakeResponse => ({
  status: 404,
  body: { message: msg, code },
});

export async function startFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  const { applicationId, botUser } = options;
  const bot = { ...botUser, bot: true };
  const guilds = options.guilds ?? [];
  const channelGuild = new Map(guilds.flatMap((g) => g.channels.map((c) => [c.id, g.id] as const)));
  const botRoles = new Map(guilds.map((g) => [g.id, nextId()]));
  const requests: RecordedRequest[] = [];
  const unknownRoutes: RecordedRequest[] = [];
  const faults: Array<{ match: (req: RecordedRequest) => boolean; response: FakeResponse; left: number }> =
    [];
  const waiters = new Set<{ test: (r: RecordedRequest) => boolean; done: (r?: RecordedRequest) => void }>();
  const readyWaiters = new Set<() => void>();
  const interactions = new Map<string, AnyJson>(); // token -> INTERACTION_CREATE payload
  const records = new InteractionRecords();
  const originals = new Map<string, Json>(); // token -> @original message
  const messages = new Map<string, Json>();
  const users = new Map<string, Json>();
  const dmChannels = new Map<string, string>(); // user id -> DM channel id
  const sessions = new Map<string, Shard>(); // session id -> the shard it identified as
  const ready = new Map<WebSocket, Shard>();
  const identifiedShards: Array<readonly [number, number]> = [];
  let seq = 0;
  let identifyCount = 0;
  let resumeCount = 0;

  const server = createServer((req, res) => void handle(req, res));
  const wss = new WebSocketServer({ server, path: '/gateway' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gatewayUrl = `ws://${base}/gateway`;

  // ---- gateway ----
  const send = (ws: WebSocket, payload: Json) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  };
  const sendDispatch = (ws: WebSocket, t: string, d: unknown) => send(ws, { op: 0, t, s: ++seq, d });
  const markReady = (ws: WebSocket, shard: Shard) => {
    ready.set(ws, shard);
    for (const w of readyWaiters) w();
  };
  const guildCreate = (g: FakeGuild): Json => ({
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: '1000000000000000000',
    preferred_locale: g.preferred_locale ?? 'en-US',
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: '2024-01-01T00:00:00.000Z',
    features: [],
    emojis: [],
    stickers: [],
    roles: [
      { id: g.id, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false },
      {
        ...{ id: botRoles.get(g.id), name: bot.username, permissions: g.botPermissions ?? BOT_PERMISSIONS },
        ...{ position: 1, color: 0, hoist: false, managed: true, tags: { bot_id: bot.id } },
      },
    ],
    channels: g.channels.map((c, i) => ({
      ...{ name: `channel-${c.id}`, position: i, permission_overwrites: [], nsfw: false, parent_id: null },
      ...c,
      guild_id: g.id,
    })),
    members: [{ ...rawMember(bot), roles: [botRoles.get(g.id)] }],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  });

  wss.on('connection', (ws) => {
    send(ws, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 41_250 } });
    ws.on('close', () => ready.delete(ws));
    ws.on('message', (raw) => {
      const { op, d } = JSON.parse(String(raw)) as { op: number; d: AnyJson };
      if (op === 1) send(ws, { op: 11 });
      else if (op === 2) {
        identifyCount++;
        const shard: Shard = Array.isArray(d?.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
        identifiedShards.push(shard);
        const session_id = `session-${nextId()}`;
        sessions.set(session_id, shard);
        const own = guilds.filter((g) => shardOfGuild(g.id, shard[1]) === shard[0]);
        sendDispatch(ws, 'READY', {
          v: 10,
          user: { ...rawUser(bot), verified: true, mfa_enabled: false, flags: 0 },
          guilds: own.map((g) => ({ id: g.id, unavailable: true })),
          session_id,
          resume_gateway_url: gatewayUrl,
          shard,
          application: { id: applicationId, flags: 0 },
          private_channels: [],
        });
        for (const g of own) sendDispatch(ws, 'GUILD_CREATE', guildCreate(g));
        markReady(ws, shard);
      } else if (op === 6) {
        resumeCount++;
        const shard = sessions.get(d?.session_id);
        if (!shard) return send(ws, { op: 9, d: false });
        sendDispatch(ws, 'RESUMED', {});
        markReady(ws, shard);
      }
    });
  });

  /** Learn ids from what the tests dispatch, so REST answers stay consistent with it. */
  const observe = (t: string, d: AnyJson) => {
    for (const u of [d.user, d.member?.user, d.author]) if (u?.id) users.set(u.id, u);
    if (t === 'INTERACTION_CREATE') {
      if (d.application_id !== applicationId) {
        throw new Error(`interaction application_id ${d.application_id} is not the fake's ${applicationId}`);
      }
      interactions.set(d.token, d);
      records.dispatched(d.id, d.token, performance.now());
      if (d.message?.id) messages.set(d.message.id, d.message);
      if (d.channel?.type === 1 && d.user) dmChannels.set(d.user.id, d.channel.id);
    } else if (t === 'MESSAGE_CREATE') {
      messages.set(d.id, d);
      if (d.channel_type === 1) dmChannels.set(d.author.id, d.channel_id);
    }
  };

  // ---- REST ----
  const botMessage = (channelId: string, body: AnyJson = {}, extra: Json = {}): Json => {
    const ref = body.message_reference;
    const guildId = channelGuild.get(channelId);
    const msg: Json = {
      ...message({
        channelId,
        ...(guildId ? { guildId } : {}),
        author: bot,
        content: body.content ?? '',
        embeds: body.embeds ?? [],
        components: body.components ?? [],
        ...(ref ? { messageReference: { channel_id: channelId, ...ref } } : {}),
      }),
      flags: body.flags ?? 0,
      ...(ref ? { referenced_message: messages.get(ref.message_id) ?? null } : {}),
      ...extra,
    };
    messages.set(String(msg.id), msg);
    return msg;
  };
  const interactionMessage = (token: string, body: AnyJson = {}) =>
    botMessage(interactions.get(token)?.channel?.id ?? 'unknown-channel', body, {
      webhook_id: applicationId,
      application_id: applicationId,
    });

  // Route keys: `METHOD /path` where `:name` matches one path segment (paths are already decoded).
  const ok = (body: unknown): FakeResponse => ({ status: 200, body });
  const routeTable: Record<string, (p: AnyJson, req: RecordedRequest) => FakeResponse> = {
    'GET /gateway/bot': () => ok(gatewayBot()),
    'GET /gateway': () => ok({ url: gatewayUrl }),
    'POST /interactions/:id/:token/callback': ({ id, token }, req) => {
      records.responded('callback', token, req);
      const { type, data } = req.body ?? {};
      const msg = type === 4 || type === 5 ? interactionMessage(token, data) : undefined;
      if (msg) originals.set(token, msg);
      if (req.query.with_response !== 'true') return { status: 204 };
      const interaction = {
        ...{ id, type: interactions.get(token)?.type ?? 2, response_message_id: msg?.id ?? null },
        ...{
          response_message_loading: type === 5,
          response_message_ephemeral: ((data?.flags ?? 0) & 64) === 64,
        },
      };
      return ok({ interaction, resource: { type, ...(msg ? { message: msg } : {}) } });
    },
    'POST /webhooks/:app/:token': ({ token }, req) => {
      records.responded('followUp', token, req);
      return ok(interactionMessage(token, req.body));
    },
    'GET /webhooks/:app/:token/messages/@original': ({ token }) =>
      originals.has(token) ? ok(originals.get(token)) : notFound(10008, 'Unknown Message'),
    'PATCH /webhooks/:app/:token/messages/:mid': ({ token, mid }, req) => {
      records.responded('edit', token, req);
      const original = mid === '@original';
      const previous = (original ? originals.get(token) : messages.get(mid)) ?? interactionMessage(token);
      const { content, embeds, components, flags } = req.body ?? {};
      const changes = Object.entries({ content, embeds, components, flags }).filter(
        ([, v]) => v !== undefined,
      );
      const edited: Json = {
        ...previous,
        ...Object.fromEntries(changes),
        edited_timestamp: new Date().toISOString(),
      };
      messages.set(String(edited.id), edited);
      if (original) originals.set(token, edited);
      return ok(edited);
    },
    'DELETE /webhooks/:app/:token/messages/:mid': () => ({ status: 204 }),
    'POST /channels/:cid/messages': ({ cid }, req) => ok(botMessage(cid, req.body)),
    'POST /channels/:cid/typing': () => ({ status: 204 }),
    'POST /users/@me/channels': (_, req) => {
      const rid = String(req.body?.recipient_id);
      const id = dmChannels.get(rid) ?? nextId();
      dmChannels.set(rid, id);
      const user = users.get(rid) ?? rawUser({ id: rid, username: `user-${rid}` });
      return ok({ id, type: 1, recipients: [user], last_message_id: null, flags: 0 });
    },
    'PUT /applications/:app/commands': ({ app }, req) => ok(echoCommands(req.body, app)),
    'PUT /applications/:app/guilds/:gid/commands': ({ app, gid }, req) =>
      ok(echoCommands(req.body, app, gid)),
  };
  const routes = Object.entries(routeTable).map(([key, handler]) => {
    const [method, pattern = ''] = key.split(' ');
    const names = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]);
    return { method, re: new RegExp(`^${pattern.replace(/:\w+/g, '([^/]+)')}$`), names, handler };
  });
  const echoCommands = (commands: Json[], app: string, gid?: string) =>
    commands.map((c) => ({
      ...{ id: nextId(), application_id: app, version: nextId(), type: 1, default_member_permissions: null },
      ...(gid ? { guild_id: gid } : {}),
      ...c,
    }));
  const gatewayBot = () => ({
    url: gatewayUrl,
    shards: options.shards ?? 1,
    session_start_limit: { total: 1000, remaining: 1000 - identifyCount, reset_after: 0, max_concurrency: 1 },
  });

  async function parseBody(req: IncomingMessage, rec: RecordedRequest): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const type = req.headers['content-type'] ?? '';
    if (raw.length === 0) return undefined;
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      rec.files = [...form.entries()].flatMap(([field, v]) =>
        typeof v === 'string' ? [] : [{ field, name: v.name, size: v.size }],
      );
      const json = form.get('payload_json');
      return typeof json === 'string' ? JSON.parse(json) : {};
    }
    return type.includes('json') ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8');
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', `http://${base}`);
    const prefixed = url.pathname.startsWith('/api/v10/');
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(prefixed ? url.pathname.slice('/api/v10'.length) : url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: undefined,
      status: 0,
      at: performance.now(),
    };
    requests.push(rec);
    let response: FakeResponse;
    try {
      rec.body = await parseBody(req, rec);
      const fault = faults.find((f) => f.left > 0 && safely(f.match, rec));
      if (fault) fault.left--;
      const route = routes.find((r) => prefixed && r.method === rec.method && r.re.test(rec.path));
      const values = route?.re.exec(rec.path)?.slice(1) ?? [];
      const params = Object.fromEntries(route?.names.map((name, i) => [name, values[i]]) ?? []);
      response = fault?.response ?? (route ? route.handler(params, rec) : notFound());
      if (!fault && !route) unknownRoutes.push(rec);
    } catch (error) {
      unknownRoutes.push(rec); // a fake failure is a test failure too: tests assert unknownRoutes is empty
      response = { status: 400, body: { message: `fake Discord: ${String(error)}`, code: 50109 } };
    }
    rec.status = response.status;
    const json = response.body !== undefined;
    res.writeHead(response.status, {
      ...(json ? { 'Content-Type': 'application/json' } : {}),
      ...response.headers,
    });
    res.end(json ? JSON.stringify(response.body) : undefined);
    for (const w of waiters) if (w.test(rec)) w.done(rec);
  }

  const describe = (r: RecordedRequest) =>
    `${r.status} ${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ''}`;

  return {
    apiUrl: `http://${base}/api`,
    gatewayUrl,
    requests,
    unknownRoutes,
    get identifyCount() {
      return identifyCount;
    },
    get identifiedShards() {
      return [...identifiedShards];
    },
    get resumeCount() {
      return resumeCount;
    },
    get readyShards() {
      return [...new Set([...ready.values()].map(([id]) => id))].sort((a, b) => a - b);
    },
    get interactionTokens() {
      return [...interactions.keys()];
    },
    interactions: records,
    get connections() {
      return [...wss.clients].filter((ws) => ws.readyState === WebSocket.OPEN).length;
    },
    dispatch(t, d) {
      const guildId = (d as { guild_id?: unknown }).guild_id;
      const targets = [...ready].filter(
        ([, [id, count]]) => id === (typeof guildId === 'string' ? shardOfGuild(guildId, count) : 0),
      );
      if (targets.length === 0) throw new Error(`dispatch(${t}): no identified gateway connection for it`);
      observe(t, d);
      for (const [ws] of targets) sendDispatch(ws, t, d);
    },
    waitForReady(timeoutMs = 5000) {
      if (ready.size > 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          readyWaiters.delete(done);
          reject(new Error(`fake Discord: no gateway IDENTIFY/RESUME within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          readyWaiters.delete(done);
          resolve();
        };
        readyWaiters.add(done);
      });
    },
    waitForRequest(predicate, timeoutMs = 5000) {
      const test = (r: RecordedRequest) => safely(predicate, r);
      const found = requests.find((r) => r.status !== 0 && test(r));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          test,
          done: (r?: RecordedRequest) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            if (r) resolve(r);
            else reject(new Error('fake Discord closed while waiting for a request'));
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const recent = requests.slice(-10).map(describe).join('\n  ') || '(none)';
          reject(new Error(`waitForRequest: no match within ${timeoutMs} ms. Recent requests:\n  ${recent}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    failNext(match, response, times = 1) {
      faults.push({ match, response, left: times });
    },
    closeGatewaySockets(code = 4000) {
      for (const ws of wss.clients) {
        ready.delete(ws);
        ws.close(code);
      }
    },
    dropGatewaySockets() {
      for (const ws of wss.clients) {
        ready.delete(ws);
        ws.terminate();
      }
    },
    forgetHistory() {
      requests.length = 0;
      for (const map of [interactions, originals, messages, users]) map.clear();
      records.clear();
    },
    async close() {
      for (const w of waiters) w.done();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
