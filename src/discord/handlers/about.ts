import { renderAbout } from '../renderAbout.js';
import { languageOfLocale } from '../strings.js';
import type { Handler } from './handler.js';

export const aboutHandler: Handler = {
  isQuestion: false,
  ephemeral: () => true,
  reply: (interaction, context) => renderAbout(languageOfLocale(interaction.locale), context.engine),
};
