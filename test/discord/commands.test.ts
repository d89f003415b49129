import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/discord/commands/index.js';
import { MESSAGE_MENU_HANDLERS, SLASH_HANDLERS } from '../../src/discord/handlers/index.js';
import { commandProblems } from './commandRules.js';

describe('command definitions', () => {
  it('follow Discord’s rules for names, lengths, localisations and contexts', () => {
    expect(COMMANDS.flatMap(commandProblems)).toEqual([]);
  });

  it('are unique by type and name', () => {
    const keys = COMMANDS.map((command) => `${command.type}:${command.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('each have a handler, and every handler has a command', () => {
    const slash = COMMANDS.filter((command) => command.type === ApplicationCommandType.ChatInput).map(
      (c) => c.name,
    );
    const menus = COMMANDS.filter((command) => command.type === ApplicationCommandType.Message).map(
      (c) => c.name,
    );
    expect([...SLASH_HANDLERS.keys()].sort()).toEqual([...slash].sort());
    expect([...MESSAGE_MENU_HANDLERS.keys()]).toEqual(menus);
  });

  it('give /ask an autocompleted question of at most 300 characters, a private flag and an autocompleted article', () => {
    const ask = COMMANDS.find((command) => command.name === 'ask');
    const options = ask && 'options' in ask ? (ask.options ?? []) : [];
    expect(options[0]).toMatchObject({
      name: 'question',
      required: true,
      autocomplete: true,
      max_length: 300,
    });
    expect(options[1]).toMatchObject({ name: 'private', required: false });
    expect(options[2]).toMatchObject({
      type: ApplicationCommandOptionType.String,
      name: 'article',
      required: false,
      autocomplete: true,
      max_length: 100,
    });
    expect(options).toHaveLength(3);
  });

  it('give /knowledge a reload subcommand, for members who may manage the server, in servers only', () => {
    const knowledge = COMMANDS.find((command) => command.name === 'knowledge');
    expect(knowledge).toMatchObject({
      default_member_permissions: String(PermissionFlagsBits.ManageGuild),
      contexts: [InteractionContextType.Guild],
      options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'reload' }],
    });
  });

  it('leave every other command open to every member', () => {
    const open = COMMANDS.filter((command) => command.name !== 'knowledge');
    expect(open.map((command) => command.default_member_permissions)).toEqual(open.map(() => undefined));
  });
});
