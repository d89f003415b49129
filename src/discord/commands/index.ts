import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { aboutCommand } from './about.js';
import { askCommand } from './ask.js';
import { askMessageCommand } from './askMessage.js';
import { helpCommand } from './help.js';
import { knowledgeCommand } from './knowledge.js';

/** Every command, as data: what `npm run deploy-commands` registers, and nothing else. */
export const COMMANDS: readonly RESTPostAPIApplicationCommandsJSONBody[] = [
  askCommand,
  aboutCommand,
  helpCommand,
  askMessageCommand,
  knowledgeCommand,
];
