import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { EVERYWHERE, localized } from './scope.js';

export const helpCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'help',
  description: 'How to ask me a question',
  description_localizations: localized('Comment me poser une question', 'How to ask me a question'),
  ...EVERYWHERE,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
