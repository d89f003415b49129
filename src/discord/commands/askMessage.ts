import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import { EVERYWHERE, localized } from './scope.js';

/** Message context menu (Apps → …): the target message's text is the question. */
export const askMessageCommand = {
  type: ApplicationCommandType.Message,
  name: 'Ask about this message',
  name_localizations: localized('Demander à propos de ce message', 'Ask about this message'),
  ...EVERYWHERE,
} satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;
