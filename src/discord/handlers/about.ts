import type { ChatInputCommandInteraction } from 'discord.js';
import { renderAbout } from '../renderAbout.js';
import { languageOfLocale } from '../strings.js';
import type { Handler } from './handler.js';

export const aboutHandler: Handler<ChatInputCommandInteraction> = {
  isQuestion: false,
  ephemeral: () => true,
  reply: (interaction, context, ephemeral) =>
    renderAbout(languageOfLocale(interaction.locale), context.engine, ephemeral),
};
