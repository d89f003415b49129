import type { ChatInputCommandInteraction } from 'discord.js';
import { renderHelp } from '../render.js';
import { languageOfLocale } from '../strings.js';
import type { BotContext } from './context.js';

export async function executeHelp(interaction: ChatInputCommandInteraction, context: BotContext) {
  const language = languageOfLocale(interaction.locale);
  await interaction.reply(renderHelp(language, context.engine.knowledge, true));
}
