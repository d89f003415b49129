// The yardstick of bench/idle.ts: a bare discord.js client, run with plain `node`, with the bot's
// intents and partials (given by the bench, read from src/discord/bot.ts) and discord.js's default
// caches. It logs in to DISCORD_API_URL, says "ready" once, and does nothing else until SIGTERM.
import { Client } from 'discord.js';

const { DISCORD_TOKEN, DISCORD_API_URL, BARE_INTENTS, BARE_PARTIALS } = process.env;
if (!DISCORD_TOKEN || !DISCORD_API_URL || BARE_INTENTS === undefined || BARE_PARTIALS === undefined) {
  process.stderr.write('bare-client: set DISCORD_TOKEN, DISCORD_API_URL, BARE_INTENTS and BARE_PARTIALS\n');
  process.exit(2);
}

const client = new Client({
  intents: Number(BARE_INTENTS),
  partials: JSON.parse(BARE_PARTIALS),
  rest: { api: DISCORD_API_URL },
});
client.once('clientReady', () => process.stdout.write('ready\n'));
process.once('SIGTERM', () => void client.destroy().finally(() => process.exit(0)));
await client.login(DISCORD_TOKEN);
