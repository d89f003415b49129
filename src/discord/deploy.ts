import { REST, Routes } from 'discord.js';
import dotenv from 'dotenv';
import { ConfigError, readConfig, requireDiscord } from '../config.js';
import { describeError } from '../log.js';
import { COMMANDS } from './commands/index.js';

/**
 * `npm run deploy-commands`: registers the commands in DISCORD_GUILD_ID (instant, for
 * development) or globally. Run it after changing a command, never on every start: Discord
 * allows 200 command creations a day per guild.
 */
async function deploy(): Promise<number> {
  dotenv.config({ quiet: true });
  const config = requireDiscord(readConfig(process.env), { clientId: true });
  const clientId = config.discordClientId ?? '';
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(
    config.discordToken,
  );
  const guildId = config.discordGuildId;
  const route = guildId
    ? Routes.applicationGuildCommands(clientId, guildId)
    : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body: COMMANDS })) as Array<{ name: string }>;
  const names = registered.map((command) => command.name).join(', ');
  process.stdout.write(
    guildId
      ? `Registered ${registered.length} commands in guild ${guildId}: ${names}. They are usable now.\n`
      : `Registered ${registered.length} global commands: ${names}. Discord may take a few minutes to show them everywhere.\n`,
  );
  return 0;
}

try {
  process.exitCode = await deploy();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    const { status, message } = describeError(error);
    const hint =
      status === 401
        ? ' Discord rejected DISCORD_TOKEN: copy it again from the Bot tab.'
        : status === 403 || status === 404
          ? ' Check DISCORD_CLIENT_ID (the application id) and that the bot is in DISCORD_GUILD_ID.'
          : '';
    process.stderr.write(`Could not register the commands: ${String(message)}.${hint}\n`);
  }
  process.exitCode = 1;
}
