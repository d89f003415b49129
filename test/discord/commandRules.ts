import { ApplicationCommandType, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

const LOCALES = ['fr', 'en-US', 'en-GB'];
const CHAT_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Discord's rules for an application command, as documented; returns every broken one. */
export function commandProblems(command: RESTPostAPIApplicationCommandsJSONBody): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(`${command.name}: ${problem}`);
  };
  const chatInput = (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
  const nameOk = (name: string) =>
    chatInput ? CHAT_NAME.test(name) && name === name.toLowerCase() : name.length >= 1 && name.length <= 32;
  check(nameOk(command.name), 'bad name');
  for (const [locale, name] of Object.entries(command.name_localizations ?? {})) {
    check(typeof name === 'string' && nameOk(name), `bad ${locale} name`);
  }
  if (command.type === undefined || command.type === ApplicationCommandType.ChatInput) {
    check(command.description.length >= 1 && command.description.length <= 100, 'description length');
    for (const locale of LOCALES) {
      const text = command.description_localizations?.[locale as 'fr'];
      check(typeof text === 'string' && text.length >= 1 && text.length <= 100, `${locale} description`);
    }
    const options = 'options' in command ? (command.options ?? []) : [];
    check(options.length <= 25, 'more than 25 options');
    let optionalSeen = false;
    for (const option of options) {
      check(
        CHAT_NAME.test(option.name) && option.name === option.name.toLowerCase(),
        `option ${option.name}`,
      );
      check(option.description.length >= 1 && option.description.length <= 100, `${option.name} description`);
      for (const locale of LOCALES) {
        const text = option.description_localizations?.[locale as 'fr'];
        check(
          typeof text === 'string' && text.length >= 1 && text.length <= 100,
          `${option.name} ${locale} description`,
        );
      }
      for (const [locale, name] of Object.entries(option.name_localizations ?? {})) {
        check(
          typeof name === 'string' && CHAT_NAME.test(name) && name === name.toLowerCase(),
          `option ${option.name} ${locale} name`,
        );
      }
      if (!option.required) optionalSeen = true;
      else check(!optionalSeen, 'a required option after an optional one');
      const lengths = option as { min_length?: number; max_length?: number };
      if (lengths.max_length !== undefined) {
        check(lengths.max_length >= 1 && lengths.max_length <= 6000, `${option.name} max_length`);
      }
      if (lengths.min_length !== undefined) {
        check(
          lengths.min_length >= 0 &&
            lengths.min_length <= 6000 &&
            lengths.min_length <= (lengths.max_length ?? 6000),
          `${option.name} min_length`,
        );
      }
    }
  } else {
    check(!Object.hasOwn(command, 'description'), 'context menus take no description');
    for (const locale of LOCALES)
      check(Boolean(command.name_localizations?.[locale as 'fr']), `${locale} name`);
  }
  const permissions = command.default_member_permissions;
  if (permissions === undefined || permissions === null) {
    check(
      JSON.stringify(command.contexts) === '[0,1,2]',
      'contexts must be guild, bot DM and private channel',
    );
    check(
      JSON.stringify(command.integration_types) === '[0,1]',
      'integration types must be guild and user install',
    );
  } else {
    // A server permission means nothing in a DM, nor in a server where only a member installed the app.
    check(
      /^[1-9]\d*$/.test(permissions),
      'default_member_permissions must be a non-zero bit set, as a string',
    );
    check(JSON.stringify(command.contexts) === '[0]', 'a command that needs a permission must be guild only');
    check(
      JSON.stringify(command.integration_types) === '[0]',
      'a command that needs a permission must be guild install only',
    );
  }
  return problems;
}
