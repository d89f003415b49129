import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
} from 'discord.js';
import { aboutCommand } from '../commands/about.js';
import { askCommand } from '../commands/ask.js';
import { askMessageCommand } from '../commands/askMessage.js';
import { helpCommand } from '../commands/help.js';
import { executeAbout } from './about.js';
import { autocompleteAsk, executeAsk } from './ask.js';
import { executeAskMessage } from './askMessage.js';
import type { BotContext } from './context.js';
import { executeHelp } from './help.js';

export interface SlashHandler {
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

/** Slash commands by name: each definition in commands/, its handler here. */
export const SLASH_HANDLERS: ReadonlyMap<string, SlashHandler> = new Map<string, SlashHandler>([
  [askCommand.name, { execute: executeAsk, autocomplete: autocompleteAsk }],
  [aboutCommand.name, { execute: executeAbout }],
  [helpCommand.name, { execute: executeHelp }],
]);

export const MESSAGE_MENU_HANDLERS: ReadonlyMap<
  string,
  (interaction: MessageContextMenuCommandInteraction, context: BotContext) => Promise<void>
> = new Map([[askMessageCommand.name, executeAskMessage]]);
