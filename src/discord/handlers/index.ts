import { aboutCommand } from '../commands/about.js';
import { askCommand } from '../commands/ask.js';
import { askMessageCommand } from '../commands/askMessage.js';
import { helpCommand } from '../commands/help.js';
import { knowledgeCommand } from '../commands/knowledge.js';
import { aboutHandler } from './about.js';
import { askHandler } from './ask.js';
import { askMessageHandler } from './askMessage.js';
import type { Handler, SlashHandler } from './handler.js';
import { helpHandler } from './help.js';
import { knowledgeHandler } from './knowledge.js';

/** Slash commands by name: each definition in commands/, its handler here. */
export const SLASH_HANDLERS: ReadonlyMap<string, SlashHandler> = new Map<string, SlashHandler>([
  [askCommand.name, askHandler],
  [aboutCommand.name, aboutHandler],
  [helpCommand.name, helpHandler],
  [knowledgeCommand.name, knowledgeHandler],
]);

export const MESSAGE_MENU_HANDLERS: ReadonlyMap<string, Handler> = new Map([
  [askMessageCommand.name, askMessageHandler],
]);
