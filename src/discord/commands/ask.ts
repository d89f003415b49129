import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { EVERYWHERE, localized } from './scope.js';

/** Option names, shared by the definition below and the handler that reads them. */
export const ASK_OPTIONS = { question: 'question', private: 'private', article: 'article' } as const;

export const QUESTION_MAX_LENGTH = 300;
/** An article's id (its folder name) is the value; Discord allows 100 characters in a choice value. */
export const ARTICLE_MAX_LENGTH = 100;

export const askCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'ask',
  description: 'Ask a question about the articles I know, in French or English',
  description_localizations: localized(
    'Poser une question sur les articles que je connais, en français ou en anglais',
    'Ask a question about the articles I know, in French or English',
  ),
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: ASK_OPTIONS.question,
      description: 'Your question (suggestions appear as you type)',
      description_localizations: localized(
        'Votre question (des suggestions apparaissent pendant la saisie)',
        'Your question (suggestions appear as you type)',
      ),
      required: true,
      autocomplete: true,
      min_length: 1,
      max_length: QUESTION_MAX_LENGTH,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: ASK_OPTIONS.private,
      name_localizations: localized('privé', 'private'),
      description: 'Only you see the answer',
      description_localizations: localized('Vous seul voyez la réponse', 'Only you see the answer'),
      required: false,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: ASK_OPTIONS.article,
      description: 'Ask this article only (suggestions appear as you type)',
      description_localizations: localized(
        'N’interroger que cet article (des suggestions apparaissent pendant la saisie)',
        'Ask this article only (suggestions appear as you type)',
      ),
      required: false,
      autocomplete: true,
      max_length: ARTICLE_MAX_LENGTH,
    },
  ],
  ...EVERYWHERE,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
