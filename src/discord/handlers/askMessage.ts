import { askAbout, stripDiscordMarkup } from '../question.js';
import { renderAnswer, renderNotice } from '../render.js';
import { languageOfLocale, stringsFor } from '../strings.js';
import type { Handler } from './handler.js';

/** "Ask about this message": the target's text is the question; only the asker sees the reply. */
export const askMessageHandler: Handler = {
  isQuestion: true,
  ephemeral: () => true,
  reply(interaction, context) {
    const fallbackLanguage = languageOfLocale(interaction.locale);
    const question = stripDiscordMarkup(interaction.targetText ?? '');
    if (question === '') return renderNotice(stringsFor(fallbackLanguage).noText);
    const answer = askAbout(question, fallbackLanguage, 'context-menu', context);
    return renderAnswer(answer, { surface: 'context-menu' }, context);
  },
};
