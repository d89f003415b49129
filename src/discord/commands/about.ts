import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { EVERYWHERE, localized } from './scope.js';

export const aboutCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'about',
  description: 'What I know: the articles, their sources and the topics they cover',
  description_localizations: localized(
    'Ce que je sais : les articles, leurs sources et les sujets couverts',
    'What I know: the articles, their sources and the topics they cover',
  ),
  ...EVERYWHERE,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
