import dotenv from 'dotenv';
import { loadEngine } from './bootstrap.js';
import { runChat } from './cli/chat.js';
import { ConfigError, readConfig } from './config.js';
import { KnowledgeError } from './knowledge/load.js';

/** Picks the door from the configuration: Discord with a token, else the terminal chat. */
async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  const config = readConfig(process.env);
  if (config.discordToken) {
    process.stderr.write(
      'DISCORD_TOKEN is set, but this version has no Discord door yet: it ships the engine and the terminal doors.\n' +
        'Remove DISCORD_TOKEN from the environment (or .env) to use the terminal chat.\n',
    );
    return 1;
  }
  if (!process.stdin.isTTY) {
    process.stderr.write(
      'No DISCORD_TOKEN is set and standard input is not a terminal, so there is nothing to run.\n' +
        'Set DISCORD_TOKEN in .env to start the Discord bot, run `npm start` in a terminal for the chat,\n' +
        'or ask from a script with: npm run --silent ask -- --json "your question"\n',
    );
    return 1;
  }
  await runChat(loadEngine(), process.stdin, process.stdout);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof ConfigError || error instanceof KnowledgeError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
