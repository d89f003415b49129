import type { ChatInputCommandInteraction } from 'discord.js';
import { renderHelp } from '../renderAbout.js';
import { languageOfLocale } from '../strings.js';
import type { Handler } from './handler.js';

export const helpHandler: Handler<ChatInputCommandInteraction> = {
  isQuestion: false,
  ephemeral: () => true,
  reply: (interaction, context, ephemeral) =>
    renderHelp(languageOfLocale(interaction.locale), context.engine, ephemeral),
};
