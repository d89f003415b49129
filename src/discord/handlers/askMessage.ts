import type { MessageContextMenuCommandInteraction } from 'discord.js';
import { askAbout, stripDiscordMarkup } from '../question.js';
import { renderAnswer, renderNotice } from '../render.js';
import { languageOfLocale, stringsFor } from '../strings.js';
import type { BotContext } from './context.js';

/** "Ask about this message": the target's text is the question; only the asker sees the reply. */
export async function executeAskMessage(
  interaction: MessageContextMenuCommandInteraction,
  context: BotContext,
) {
  const fallbackLanguage = languageOfLocale(interaction.locale);
  const question = stripDiscordMarkup(interaction.targetMessage.content);
  if (question === '') {
    await interaction.reply(renderNotice(stringsFor(fallbackLanguage).noText, true));
    return;
  }
  const answer = askAbout(question, fallbackLanguage, context);
  await interaction.reply(renderAnswer(answer, { surface: 'context-menu', ephemeral: true }, context));
}
