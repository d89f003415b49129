import type { Interaction } from 'discord.js';
import { type IncomingInteraction, readOptions } from './handlers/interaction.js';
import { ApiReplies, callbackOf } from './replies.js';
import type { Responder } from './respond.js';

/**
 * Replies through discord.js's REST client, in Discord's JSON built once (`replies.ts`), not
 * through the interaction's `reply`, which converts every embed's and component's keys anew.
 */
function repliesOf(interaction: Interaction): Responder {
  const { rest } = interaction.client;
  const address = { applicationId: interaction.applicationId, token: interaction.token };
  return new ApiReplies(callbackOf(rest, interaction), rest, address);
}

/**
 * The gateway's adapter: the narrow interaction the handlers take, from a discord.js
 * Interaction; null for one the bot does not serve (a modal, a user menu…).
 */
export function fromGateway(interaction: Interaction): IncomingInteraction | null {
  const common = {
    id: interaction.id,
    userId: interaction.user.id,
    locale: interaction.locale,
    memberPermissions: interaction.memberPermissions?.bitfield ?? null,
    subcommand: null,
    options: new Map(),
    focused: null,
    targetText: null,
    values: [],
    message: null,
  } as const;
  if (interaction.isChatInputCommand()) {
    const { commandName: name } = interaction;
    const options = readOptions(interaction.options.data);
    return { ...common, ...options, kind: 'command', name, respond: repliesOf(interaction) };
  }
  if (interaction.isMessageContextMenuCommand()) {
    const { commandName: name, targetMessage } = interaction;
    return {
      ...common,
      kind: 'message-menu',
      name,
      targetText: targetMessage.content,
      respond: repliesOf(interaction),
    };
  }
  if (interaction.isAutocomplete()) {
    const options = readOptions(interaction.options.data);
    return {
      ...common,
      ...options,
      kind: 'autocomplete',
      name: interaction.commandName,
      respond: repliesOf(interaction),
    };
  }
  if (interaction.isButton() || interaction.isStringSelectMenu()) {
    return {
      ...common,
      kind: 'component',
      name: interaction.customId,
      values: interaction.isStringSelectMenu() ? interaction.values : [],
      message: { id: interaction.message.id, title: interaction.message.embeds[0]?.title ?? '' },
      respond: repliesOf(interaction),
    };
  }
  return null;
}
