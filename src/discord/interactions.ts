import type { Interaction, RepliableInteraction } from 'discord.js';
import { describeError } from '../log.js';
import type { Surface } from './customIds.js';
import { relatedHandler, voteHandler } from './handlers/components.js';
import type { BotContext } from './handlers/context.js';
import type { Handler } from './handlers/handler.js';
import { MESSAGE_MENU_HANDLERS, SLASH_HANDLERS } from './handlers/index.js';
import { type ReplyPayload, renderCooldown, renderNotice } from './render.js';
import { respond, respondFailure } from './respond.js';
import { languageOfLocale, stringsFor } from './strings.js';

/** A handler bound to its interaction. */
interface Route {
  /** Where a question came from; null when the handler asks none. */
  readonly surface: Surface | null;
  readonly ephemeral: boolean;
  refusal(context: BotContext): ReplyPayload | null;
  reply(context: BotContext): ReturnType<Handler<unknown>['reply']>;
}

function bind<I>(handler: Handler<I>, interaction: I, surface: Surface | null): Route {
  const ephemeral = handler.ephemeral(interaction);
  return {
    surface: handler.isQuestion ? surface : null,
    ephemeral,
    refusal: (context) => handler.refuse?.(interaction, context) ?? null,
    reply: (context) => handler.reply(interaction, context, ephemeral),
  };
}

/**
 * A command Discord still lists but this version does not have (deployed by an older or newer
 * version): say so rather than leave Discord's "did not respond".
 */
const unknownCommand: Handler<RepliableInteraction & { commandName: string }> = {
  isQuestion: false,
  ephemeral: () => true,
  reply(interaction, context, ephemeral) {
    context.logger.warn(
      { command: interaction.commandName },
      'a command with no handler: run npm run deploy-commands',
    );
    return renderNotice(stringsFor(languageOfLocale(interaction.locale)).unknownCommand, ephemeral);
  },
};

function routeOf(interaction: Interaction): Route | null {
  if (interaction.isChatInputCommand()) {
    return bind(SLASH_HANDLERS.get(interaction.commandName) ?? unknownCommand, interaction, 'slash');
  }
  if (interaction.isMessageContextMenuCommand()) {
    const handler = MESSAGE_MENU_HANDLERS.get(interaction.commandName) ?? unknownCommand;
    return bind(handler, interaction, 'context-menu');
  }
  if (interaction.isStringSelectMenu()) return bind(relatedHandler, interaction, 'related');
  if (interaction.isButton()) return bind(voteHandler, interaction, null);
  return null;
}

/**
 * Whether the member may ask now. The first refusal in a window says how long to wait, to the
 * member alone; later ones get no answer at all, so a flood costs the bot nothing.
 */
async function admitted(interaction: RepliableInteraction, context: BotContext): Promise<boolean> {
  const verdict = context.cooldown.take(interaction.user.id);
  if (verdict.allowed) return true;
  if (verdict.notify) {
    context.logger.info(
      { interaction: describeInteraction(interaction), retryAfterMs: verdict.retryAfterMs },
      'cooldown: a member asks too fast; later questions in this window are ignored',
    );
    const language = languageOfLocale(interaction.locale);
    await interaction.reply(renderCooldown(language, verdict.retryAfterMs, context.cooldown.config, true));
  }
  return false;
}

/**
 * Routes an interaction to its handler: the cooldown first, a deferral if the reply is slow,
 * and one private notice if the handler throws. A question's reply is timed once it is sent.
 */
export async function handleInteraction(interaction: Interaction, context: BotContext): Promise<void> {
  const start = performance.now();
  try {
    if (interaction.isAutocomplete()) {
      const handler = SLASH_HANDLERS.get(interaction.commandName);
      if (handler?.autocomplete) await handler.autocomplete(interaction, context);
      else await interaction.respond([]);
    } else {
      const route = routeOf(interaction);
      if (!route || !interaction.isRepliable()) return;
      const refusal = route.refusal(context);
      if (refusal) await interaction.reply(refusal);
      else {
        if (route.surface && !(await admitted(interaction, context))) return;
        await respond(interaction, route.ephemeral, () => route.reply(context), context.deferAfterMs);
        if (route.surface) context.metrics.observeReply(route.surface, (performance.now() - start) / 1000);
      }
    }
    // No user id and no question text: what was served, and how fast.
    context.logger.debug(
      { interaction: describeInteraction(interaction), ms: Math.round(performance.now() - start) },
      'interaction answered',
    );
  } catch (error) {
    context.logger.error(
      { err: describeError(error), interaction: describeInteraction(interaction) },
      'an interaction handler failed',
    );
    if (!interaction.isRepliable()) return;
    const notice = renderNotice(stringsFor(languageOfLocale(interaction.locale)).failed, true);
    try {
      await respondFailure(interaction, notice);
    } catch (noticeError) {
      context.logger.warn({ err: describeError(noticeError) }, 'could not tell the user about the failure');
    }
  }
}

/** Enough to find an interaction in the logs, without its token or the user's identity. */
function describeInteraction(interaction: Interaction) {
  return {
    id: interaction.id,
    type: interaction.type,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() ? interaction.customId : undefined,
    guild: interaction.guildId,
    channel: interaction.channelId,
  };
}
