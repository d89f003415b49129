import type { ChatInputCommandInteraction } from 'discord.js';
import { renderAbout } from '../render.js';
import { languageOfLocale } from '../strings.js';
import type { BotContext } from './context.js';

export async function executeAbout(interaction: ChatInputCommandInteraction, context: BotContext) {
  const language = languageOfLocale(interaction.locale);
  await interaction.reply(renderAbout(language, context.engine.knowledge, true));
}
