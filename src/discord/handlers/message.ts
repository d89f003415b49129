import { askAbout, stripDiscordMarkup } from '../question.js';
import { type ReplyBody, renderAnswer, renderCooldown } from '../render.js';
import { renderHelp } from '../renderAbout.js';
import { languageOfLocale } from '../strings.js';
import type { BotContext } from './context.js';

/** The little a message handler needs to know; the gateway adapter fills it from discord.js. */
export interface IncomingMessage {
  readonly content: string;
  readonly authorId: string;
  readonly authorIsBot: boolean;
  /** False in a DM with the bot. */
  readonly inGuild: boolean;
  /** Users the message pings (`message.mentions.users`): also holds the author of a replied-to message. */
  readonly mentionedUserIds: ReadonlySet<string>;
  /** The server's preferred locale, used when the question's language is unclear. */
  readonly locale: string | null;
  /** Permissions the bot lacks to answer in this channel, by name (none when unknown or in a DM). */
  missingPermissions(): readonly string[];
  /** Sends a reply that pings nobody (the adapter adds that, where it leaves). */
  reply(body: ReplyBody): Promise<unknown>;
}

/** What became of a message: answered, or why not. */
export type MessageOutcome = 'not-addressed' | 'answered' | 'no-permission' | 'cooldown';

function mentionPattern(botId: string): RegExp {
  return new RegExp(`<@!?${botId}>`, 'g');
}

/**
 * The question a message asks the bot, or null when it is not addressed to it. In a server
 * only a direct mention counts: not @everyone, @here, a role the bot holds, or a reply ping
 * (that one puts the bot in the mentions without `<@id>` in the text).
 */
export function questionOf(message: IncomingMessage, botId: string): string | null {
  if (message.authorIsBot) return null;
  const addressed = message.mentionedUserIds.has(botId) && mentionPattern(botId).test(message.content);
  if (message.inGuild && !addressed) return null;
  return stripDiscordMarkup(message.content);
}

/**
 * Mentions in a server and every direct message: answered with a reply that pings nobody.
 * Skipped where the bot may not post an answer (it would only earn a 403), and once the
 * member has used up the cooldown: told once, then silence until the window ends.
 */
export async function handleMessage(
  message: IncomingMessage,
  botId: string,
  context: BotContext,
): Promise<MessageOutcome> {
  const received = performance.now();
  const question = questionOf(message, botId);
  if (question === null) return 'not-addressed';
  if (message.missingPermissions().length > 0) return 'no-permission';
  const fallbackLanguage = languageOfLocale(message.locale);
  const verdict = context.cooldown.take(message.authorId);
  if (!verdict.allowed) {
    if (verdict.notify) {
      await message.reply(renderCooldown(fallbackLanguage, verdict.retryAfterMs, context.cooldown.config));
    }
    return 'cooldown';
  }
  if (question === '') {
    await message.reply(renderHelp(fallbackLanguage, context.engine));
    return 'answered';
  }
  const surface = message.inGuild ? 'mention' : 'dm';
  const answer = askAbout(question, fallbackLanguage, surface, context);
  await message.reply(renderAnswer(answer, { surface }, context));
  context.metrics.observeReply(surface, (performance.now() - received) / 1000);
  return 'answered';
}
