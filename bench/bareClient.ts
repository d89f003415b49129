// The yardstick of the load script (bench/load.ts): a bare discord.js client with the bot's
// intents and partials, no cache settings, that answers every command with one fixed short
// message. Run as a child process, as the bot is: DISCORD_TOKEN, DISCORD_API_URL and BARE_REPLY
// (the message) from the environment; "ready" on stdout once connected; SIGTERM or SIGINT
// disconnects and exits.
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';

const token = process.env.DISCORD_TOKEN;
const api = process.env.DISCORD_API_URL;
const reply = process.env.BARE_REPLY;
if (!token || !api || !reply) {
  process.stderr.write(
    'bareClient: set DISCORD_TOKEN, DISCORD_API_URL (a fake Discord, not the real one) and BARE_REPLY\n',
  );
  process.exit(2);
}

// The same intents and partials as src/discord/bot.ts, so both receive the same gateway traffic.
const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
  partials: [Partials.Channel],
  allowedMentions: { parse: [] },
  rest: { api },
});

client.on(Events.InteractionCreate, (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  interaction.reply({ content: reply }).catch((error: unknown) => {
    process.stderr.write(`bareClient: could not reply: ${String(error)}\n`);
  });
});
client.once(Events.ClientReady, () => process.stdout.write('ready\n'));

const leave = () => void client.destroy().finally(() => process.exit(0));
process.once('SIGTERM', leave);
process.once('SIGINT', leave);
await client.login(token);
