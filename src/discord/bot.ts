import { once } from 'node:events';
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type GuildMember,
  type Message,
  Options,
  Partials,
  PermissionFlagsBits,
  RESTEvents,
  RESTJSONErrorCodes,
  type User,
} from 'discord.js';
import type { Engine } from '../core/engine.js';
import { createQuestionIndex } from '../core/questionIndex.js';
import type { MetricsRecorder } from '../http/recorder.js';
import { describeError } from '../log.js';
import { fromGateway } from './fromGateway.js';
import type { ServedKnowledge } from './handlers/context.js';
import { handleMessage, type IncomingMessage } from './handlers/message.js';
import { instrumentClient } from './instrument.js';
import { handleInteraction } from './interactions.js';
import { RateLimitEpisodes } from './rateLimits.js';
import { rememberingAnswers } from './rememberedAnswers.js';
import { noMentions, type ReplyBody } from './render.js';
import { DEFER_AFTER_MS } from './respond.js';
import { type DoorServices, openServices, type ServiceOptions } from './services.js';

/** Gateway close codes after which Discord will not take the bot back, and what to do. */
const FATAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [
    4004,
    'Discord rejected DISCORD_TOKEN (close code 4004). Copy the token from the Bot tab of the developer portal (Reset Token gives a new one).',
  ],
  [4010, 'Discord refused the shard settings (close code 4010).'],
  [4011, 'Discord requires sharding (close code 4011): the bot is in too many servers for one connection.'],
  [4012, 'Discord refused the gateway version (close code 4012): update discord.js.'],
  [4013, 'Discord refused the gateway intents (close code 4013).'],
  [
    4014,
    'Discord refused a privileged intent (close code 4014): this bot needs none, so check its code and the portal.',
  ],
]);

export interface BotOptions extends ServiceOptions {
  readonly token: string;
  /** REST base such as `http://127.0.0.1:8080/api`; Discord's own when absent. */
  readonly apiUrl?: string | undefined;
  /**
   * Shared with the HTTP interactions endpoint when both run; the caller then starts and stops
   * them. Absent: the bot opens its own and stops them with itself.
   */
  readonly services?: DoorServices;
  /** An interaction reply not ready after this long is deferred first (default 2 s). */
  readonly deferAfterMs?: number;
  /** Discord closed the gateway for good (a fatal close code): the process should stop. */
  readonly onFatal?: (message: string) => void;
}

export interface Bot {
  readonly client: Client<true>;
  readonly metrics: MetricsRecorder;
  /** Closes the gateway session, stops every timer and waits for the question log's writes. */
  stop(): Promise<void>;
}

/**
 * No MessageContent intent: Discord still sends the text of DMs, of messages that mention the
 * bot and of context-menu targets, which is all the bot reads. (bench/idle.ts gives a bare client
 * the same intents and partials.)
 */
export const GATEWAY_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
] as const;
/** A first DM arrives on a channel the client has never seen. */
export const PARTIALS = [Partials.Channel] as const;

/** Only the client's own user and member: it reads nobody else's from the cache. */
const onlySelf = {
  maxSize: 0,
  keepOverLimit: (held: User | GuildMember) => held.id === held.client.user?.id,
};

/**
 * What the client caches. It keeps guilds, channels (a DM's, from its first message, with
 * Partials.Channel), threads, roles and permission overwrites, and its own member in each guild:
 * `missingPermissions` reads them before answering a mention. Nothing reads a cached message (a
 * reply goes to the message of the event, a vote reads the interaction's), another user or
 * member, or a guild's emojis, stickers, events and stages, which GUILD_CREATE sends for
 * every server: those are not kept.
 */
const CACHE_LIMITS = Options.cacheWithLimits({
  MessageManager: 0,
  UserManager: onlySelf,
  GuildMemberManager: onlySelf,
  ThreadMemberManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  GuildEmojiManager: 0,
  GuildStickerManager: 0,
  GuildScheduledEventManager: 0,
  StageInstanceManager: 0,
  PresenceManager: 0,
  VoiceStateManager: 0,
});

/**
 * The gateway door. It opens as many shards as `GET /gateway/bot` recommends (discord.js's
 * default is one), except in a child of the ShardingManager (`SHARD_COUNT`), where discord.js
 * reads its shard from the environment the manager set.
 */
function createClient(apiUrl?: string): Client {
  return new Client({
    intents: [...GATEWAY_INTENTS],
    partials: [...PARTIALS],
    makeCache: CACHE_LIMITS,
    allowedMentions: noMentions(),
    ...(process.env.SHARDING_MANAGER ? {} : { shards: 'auto' as const }),
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
  });
}

/** What the bot needs in a server channel to post an answer: see it, write in it, embed. */
function missingPermissions(message: Message): string[] {
  if (!message.inGuild()) return [];
  const me = message.guild.members.me;
  // Unknown (member or channel not cached): try, and handle a 50013 if it comes.
  const granted = me ? message.channel.permissionsFor(me) : null;
  if (!granted) return [];
  const write = message.channel.isThread()
    ? PermissionFlagsBits.SendMessagesInThreads
    : PermissionFlagsBits.SendMessages;
  return granted.missing([PermissionFlagsBits.ViewChannel, write, PermissionFlagsBits.EmbedLinks]);
}

/**
 * Replies to a message, pinging nobody, not even the asker. A reply points at the question,
 * which Discord allows only with Read Message History; without it the answer is posted plain.
 */
function sendReply(message: Message, { content, embeds, components }: ReplyBody) {
  const allowedMentions = noMentions();
  const me = message.guild?.members.me;
  if (
    message.inGuild() &&
    me &&
    message.channel.permissionsFor(me)?.has(PermissionFlagsBits.ReadMessageHistory) === false
  ) {
    return message.channel.send({ content, embeds, components, allowedMentions });
  }
  return message.reply({ content, embeds, components, allowedMentions, failIfNotExists: false });
}

function toIncoming(message: Message): IncomingMessage {
  return {
    content: message.content,
    authorId: message.author.id,
    authorIsBot: message.author.bot,
    inGuild: message.inGuild(),
    mentionedUserIds: new Set(message.mentions.users.keys()),
    locale: message.guild?.preferredLocale ?? null,
    missingPermissions: () => missingPermissions(message),
    reply: (payload) => sendReply(message, payload),
  };
}

/** Discord errors that say the bot may not post here: expected, logged as such, never retried. */
const CANNOT_POST: ReadonlyMap<number, string> = new Map([
  [RESTJSONErrorCodes.MissingPermissions, 'no permission to reply in this channel: skipped'],
  [RESTJSONErrorCodes.MissingAccess, 'no access to this channel: skipped'],
  [RESTJSONErrorCodes.CannotSendMessagesToThisUser, 'this member does not accept direct messages: skipped'],
]);

/**
 * What the Discord door serves from one version of the knowledge: its engine, remembering its
 * recent answers (`rememberedAnswers.ts`), and known questions, those of every fact it answers
 * from (the suggested questions of unreviewed sentences too).
 */
export function serveEngine(engine: Engine): ServedKnowledge {
  const questions = createQuestionIndex({ ...engine.knowledge, facts: engine.facts });
  return { engine: rememberingAnswers(engine), knowledge: engine.knowledge, questions };
}

/** Connects to Discord and serves every surface until `stop()`. */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { logger } = options;
  const client = createClient(options.apiUrl);
  const services = options.services ?? openServices(options);
  const { metrics } = services;
  instrumentClient(client, metrics);
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const contextNow = () => services.context(deferAfterMs);

  client.on(Events.InteractionCreate, (interaction) => {
    const incoming = fromGateway(interaction);
    if (incoming) void handleInteraction(incoming, contextNow());
  });
  client.on(Events.MessageCreate, (message) => {
    if (!client.isReady()) return;
    const where = { message: message.id, channel: message.channelId };
    handleMessage(toIncoming(message), client.user.id, contextNow()).then(
      (outcome) => {
        if (outcome === 'no-permission') {
          logger.info(
            { ...where, missing: missingPermissions(message) },
            'no permission to answer here: skipped',
          );
        } else if (outcome === 'answered') {
          logger.debug(where, 'message answered');
        } else if (outcome === 'cooldown') {
          logger.debug(where, 'message not answered: the member is in a cooldown');
        }
      },
      (error: unknown) => {
        const expected = error instanceof DiscordAPIError ? CANNOT_POST.get(Number(error.code)) : undefined;
        if (expected) logger.warn({ ...where, code: (error as DiscordAPIError).code }, expected);
        else logger.error({ err: describeError(error), ...where }, 'could not answer a message');
      },
    );
  });
  client.on(Events.Error, (error) => logger.error({ err: describeError(error) }, 'discord.js client error'));
  // The client reconnects by itself after these; they are worth a line, not a crash.
  client.on(Events.ShardError, (error, shardId) =>
    logger.error({ err: describeError(error), shard: shardId }, 'gateway connection error'),
  );
  client.on(Events.ShardReconnecting, (shardId) =>
    logger.info({ shard: shardId }, 'reconnecting to the gateway'),
  );
  client.on(Events.ShardResume, (shardId, replayed) =>
    logger.info({ shard: shardId, replayed }, 'gateway session resumed'),
  );
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const message = FATAL_CLOSE_CODES.get(event.code);
    if (message === undefined) return;
    logger.fatal({ code: event.code, shard: shardId }, message);
    options.onFatal?.(message);
  });
  client.on(Events.Warn, (warning) => logger.warn({ warning }, 'discord.js warning'));
  // discord.js waits and retries by itself; the route is a template, without ids or tokens.
  // It says so for every waiting request at every wake-up: one line per episode is enough.
  const rateLimits = new RateLimitEpisodes();
  client.rest.on(RESTEvents.RateLimited, (info) => {
    if (!rateLimits.starts(info)) return;
    logger.warn(
      {
        route: info.route,
        method: info.method,
        retryAfterMs: info.retryAfter,
        global: info.global,
        scope: info.scope,
      },
      'rate limited by Discord: the request waits and is retried (later waits on this bucket until it frees are not logged)',
    );
  });

  const ready = once(client, Events.ClientReady);
  ready.catch(() => {}); // Awaited below; a failed login must not leave it unhandled.
  await client.login(options.token);
  await ready;
  if (!client.isReady()) throw new Error('the Discord client reported ready without a user');
  logger.info(
    { user: client.user.tag, id: client.user.id, guilds: client.guilds.cache.size },
    'connected to Discord',
  );
  if (!options.services) services.start();
  return {
    client,
    metrics,
    async stop() {
      await client.destroy();
      if (!options.services) await services.stop();
    },
  };
}
