import { renderHelp } from '../renderAbout.js';
import { languageOfLocale } from '../strings.js';
import type { Handler } from './handler.js';

export const helpHandler: Handler = {
  isQuestion: false,
  ephemeral: () => true,
  reply: (interaction, context) => renderHelp(languageOfLocale(interaction.locale), context.engine),
};
