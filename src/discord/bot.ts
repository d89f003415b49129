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

export interface BotOptions {
  readonly token: string;
  /** REST base such as `http://127.0.0.1:8080/api`; Discord's own when absent. */
  readonly apiUrl?: string | undefined;
  readonly engine: Engine;
  readonly dataDir: string;
  readonly logger: Logger;
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
export function createClient(apiUrl?: string): Client {
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
