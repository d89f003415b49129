import type { CommandInteraction, Interaction } from 'discord.js';
import { describeError } from '../log.js';
import { handleRelated, handleVote } from './handlers/components.js';
import type { BotContext } from './handlers/context.js';
import { MESSAGE_MENU_HANDLERS, SLASH_HANDLERS } from './handlers/index.js';
import { renderNotice } from './render.js';
import { languageOfLocale, stringsFor } from './strings.js';

/** Routes an interaction to its handler; a handler that throws costs the user one ephemeral notice. */
export async function handleInteraction(interaction: Interaction, context: BotContext): Promise<void> {
  const start = performance.now();
  try {
    if (interaction.isAutocomplete()) {
      const handler = SLASH_HANDLERS.get(interaction.commandName);
      if (handler?.autocomplete) await handler.autocomplete(interaction, context);
      else await interaction.respond([]);
    } else if (interaction.isChatInputCommand()) {
      const handler = SLASH_HANDLERS.get(interaction.commandName);
      if (handler) await handler.execute(interaction, context);
      else await replyUnknown(interaction, context);
    } else if (interaction.isMessageContextMenuCommand()) {
      const handler = MESSAGE_MENU_HANDLERS.get(interaction.commandName);
      if (handler) await handler(interaction, context);
      else await replyUnknown(interaction, context);
    } else if (interaction.isStringSelectMenu()) {
      await handleRelated(interaction, context);
    } else if (interaction.isButton()) {
      await handleVote(interaction, context);
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
      if (interaction.replied || interaction.deferred) await interaction.followUp(notice);
      else await interaction.reply(notice);
    } catch (noticeError) {
      context.logger.warn({ err: describeError(noticeError) }, 'could not tell the user about the failure');
    }
  }
}

/**
 * A command Discord still lists but this version does not have (deployed by an older or newer
 * version): say so rather than leave Discord's "did not respond".
 */
async function replyUnknown(interaction: CommandInteraction, context: BotContext): Promise<void> {
  context.logger.warn(
    { command: interaction.commandName },
    'a command with no handler: run npm run deploy-commands',
  );
  await interaction.reply(
    renderNotice(stringsFor(languageOfLocale(interaction.locale)).unknownCommand, true),
  );
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
