import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type Message, Partials } from 'discord.js';
import type { Engine } from '../core/engine.js';
import { createQuestionIndex } from '../core/questionIndex.js';
import { describeError, type Logger } from '../log.js';
import { FeedbackLog } from './feedback.js';
import type { BotContext } from './handlers/context.js';
import { handleMessage, type IncomingMessage } from './handlers/message.js';
import { handleInteraction } from './interactions.js';
import { noMentions } from './render.js';

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

export interface BotOptions {
  readonly token: string;
  /** REST base such as `http://127.0.0.1:8080/api`; Discord's own when absent. */
  readonly apiUrl?: string | undefined;
  readonly engine: Engine;
  readonly dataDir: string;
  readonly logger: Logger;
  /** Discord closed the gateway for good (a fatal close code): the process should stop. */
  readonly onFatal?: (message: string) => void;
}

export interface Bot {
  readonly client: Client<true>;
  /** Closes the gateway session and stops every timer. */
  stop(): Promise<void>;
}

/**
 * The gateway door. No MessageContent intent: Discord still sends the text of DMs, of
 * messages that mention the bot and of context-menu targets, which is all the bot reads.
 */
function createClient(apiUrl?: string): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: noMentions(),
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
  });
}

function toIncoming(message: Message): IncomingMessage {
  return {
    content: message.content,
    authorIsBot: message.author.bot,
    inGuild: message.inGuild(),
    mentionedUserIds: new Set(message.mentions.users.keys()),
    locale: message.guild?.preferredLocale ?? null,
    // A message reply cannot be ephemeral; it still pings nobody, not even the asker.
    reply: ({ content, embeds, components, allowedMentions }) =>
      message.reply({ content, embeds, components, allowedMentions, failIfNotExists: false }),
  };
}

/** Connects to Discord and serves every surface until `stop()`. */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { logger } = options;
  const client = createClient(options.apiUrl);
  const context: BotContext = {
    engine: options.engine,
    knowledge: options.engine.knowledge,
    questions: createQuestionIndex(options.engine.knowledge),
    feedback: new FeedbackLog(options.dataDir),
    logger,
  };

  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction, context);
  });
  client.on(Events.MessageCreate, (message) => {
    if (!client.isReady()) return;
    handleMessage(toIncoming(message), client.user.id, context).then(
      (answered) => {
        if (answered) logger.debug({ message: message.id, channel: message.channelId }, 'message answered');
      },
      (error: unknown) => {
        logger.error(
          { err: describeError(error), message: message.id, channel: message.channelId },
          'could not answer a message',
        );
      },
    );
  });
  client.on(Events.Error, (error) => logger.error({ err: describeError(error) }, 'discord.js client error'));
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const message = FATAL_CLOSE_CODES.get(event.code);
    if (message === undefined) return;
    logger.fatal({ code: event.code, shard: shardId }, message);
    options.onFatal?.(message);
  });
  client.on(Events.Warn, (warning) => logger.warn({ warning }, 'discord.js warning'));

  const ready = once(client, Events.ClientReady);
  ready.catch(() => {}); // Awaited below; a failed login must not leave it unhandled.
  await client.login(options.token);
  await ready;
  if (!client.isReady()) throw new Error('the Discord client reported ready without a user');
  logger.info(
    { user: client.user.tag, id: client.user.id, guilds: client.guilds.cache.size },
    'connected to Discord',
  );
  return { client, stop: () => client.destroy() };
}
