// The yardstick of bench/idle.ts and bench/load.ts: a bare discord.js client, run with plain
// `node`, with the bot's intents and partials (given by the bench, read from src/discord/bot.ts)
// and discord.js's default caches. It logs in to DISCORD_API_URL and says "ready" once. With
// BARE_REPLY it answers every slash command with that one short message (the load script's
// yardstick); without, it does nothing else (idle memory). SIGTERM or SIGINT disconnects it.
import { Client } from 'discord.js';

const { DISCORD_TOKEN, DISCORD_API_URL, BARE_INTENTS, BARE_PARTIALS, BARE_REPLY } = process.env;
if (!DISCORD_TOKEN || !DISCORD_API_URL || BARE_INTENTS === undefined || BARE_PARTIALS === undefined) {
  process.stderr.write('bare-client: set DISCORD_TOKEN, DISCORD_API_URL, BARE_INTENTS and BARE_PARTIALS\n');
  process.exit(2);
}

const client = new Client({
  intents: Number(BARE_INTENTS),
  partials: JSON.parse(BARE_PARTIALS),
  allowedMentions: { parse: [] },
  rest: { api: DISCORD_API_URL },
});
if (BARE_REPLY) {
  client.on('interactionCreate', (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    interaction.reply({ content: BARE_REPLY }).catch((error) => {
      process.stderr.write(`bare-client: could not reply: ${String(error)}\n`);
    });
  });
}
client.once('clientReady', () => process.stdout.write('ready\n'));
const leave = () => void client.destroy().finally(() => process.exit(0));
process.once('SIGTERM', leave);
process.once('SIGINT', leave);
await client.login(DISCORD_TOKEN);
