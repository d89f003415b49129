import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { EVERYWHERE, localized } from './scope.js';

export const aboutCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'about',
  description: 'What I know: the article, its source and the topics it covers',
  description_localizations: localized(
    'Ce que je sais : l’article, sa source et les sujets couverts',
    'What I know: the article, its source and the topics it covers',
  ),
  ...EVERYWHERE,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
