import type { AutocompleteInteraction, Interaction, RepliableInteraction } from 'discord.js';
import { type IncomingInteraction, readOptions } from './handlers/interaction.js';
import type { Responder } from './respond.js';

const noChoices = () => Promise.reject(new Error('only autocomplete is answered with choices'));
const notRepliable = () => Promise.reject(new Error('autocomplete is answered with choices only'));

/** Replies through discord.js, which calls Discord's callback and webhook routes. */
function repliesOf(interaction: RepliableInteraction): Responder {
  return {
    get deferred() {
      return interaction.deferred;
    },
    get replied() {
      return interaction.replied;
    },
    reply: (payload) => interaction.reply(payload),
    deferReply: (options) => interaction.deferReply(options),
    editReply: (payload) => interaction.editReply(payload),
    followUp: (payload) => interaction.followUp(payload),
    choices: noChoices,
  };
}

function choicesOf(interaction: AutocompleteInteraction): Responder {
  return {
    deferred: false,
    replied: false,
    reply: notRepliable,
    deferReply: notRepliable,
    editReply: notRepliable,
    followUp: notRepliable,
    choices: (choices) => interaction.respond(choices),
  };
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
      respond: choicesOf(interaction),
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
