import { type ChatInputCommandInteraction, Client, Events, GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from './fakeDiscord.js';
import { type InteractionOutcome, outcomeOf } from './interactionRecords.js';
import { FAKE_APP_ID, FAKE_BOT, nextId, slashCommand } from './payloads.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.x1Y2z3W4v5U6t7S8r9Q0p1O2n3M4l5K6j7I8h9';
const GUILD = nextId();
const CHANNEL = nextId();
const member = { id: nextId(), username: 'member' };

/** What a client does with a command named after the behaviour, as a bot might get it wrong. */
const BEHAVIOURS: Record<string, (interaction: ChatInputCommandInteraction) => Promise<unknown>> = {
  once: (i) => i.reply({ content: 'one' }),
  async twice(i) {
    await i.reply({ content: 'one' });
    await i.followUp({ content: 'two' });
  },
  async edited(i) {
    await i.reply({ content: 'one' });
    await i.editReply({ content: 'two' });
  },
  async deferred(i) {
    await i.deferReply();
    await i.editReply({ content: 'late' });
  },
  'deferred-only': (i) => i.deferReply(),
  never: async () => undefined,
};

let fake: FakeDiscord;
let client: Client;

beforeAll(async () => {
  fake = await startFakeDiscord({
    applicationId: FAKE_APP_ID,
    botUser: FAKE_BOT,
    guilds: [{ id: GUILD, name: 'Guild', channels: [{ id: CHANNEL, type: 0 }] }],
  });
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void BEHAVIOURS[interaction.commandName]?.(interaction);
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(TOKEN);
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

/** Dispatches the command, waits for the client's last REST call about it, and reads the outcome. */
async function outcomeFor(
  behaviour: string,
  lastPath: (token: string) => RegExp,
): Promise<InteractionOutcome> {
  const built = slashCommand({ name: behaviour, guildId: GUILD, channelId: CHANNEL, user: member });
  fake.dispatch('INTERACTION_CREATE', built.payload);
  await fake.waitForRequest((request) => lastPath(built.token).test(request.path));
  const record = fake.interactions.get(built.token);
  if (!record) throw new Error(`no record for ${behaviour}`);
  return outcomeOf(record);
}

const callback = (token: string) => new RegExp(`/${token}/callback$`);
const followUp = (token: string) => new RegExp(`/webhooks/${FAKE_APP_ID}/${token}$`);
const edit = (token: string) => new RegExp(`/webhooks/${FAKE_APP_ID}/${token}/messages/@original$`);

describe('what the fake records of each interaction', () => {
  it('counts one answer for a reply, with the time from dispatch to its callback', async () => {
    const outcome = await outcomeFor('once', callback);
    expect(outcome).toMatchObject({ answers: 1, deferred: false });
    expect(outcome.firstCallbackMs).toBeGreaterThan(0);
    expect(outcome.answeredMs).toBe(outcome.firstCallbackMs);
  });

  it('counts a reply and a follow-up as answered twice', async () => {
    expect(await outcomeFor('twice', followUp)).toMatchObject({ answers: 2, deferred: false });
  });

  it('counts a reply and an edit of it as answered twice: the member saw it change', async () => {
    expect(await outcomeFor('edited', edit)).toMatchObject({ answers: 2 });
  });

  it('counts a deferral and its edit as one answer, answered when the edit came', async () => {
    const outcome = await outcomeFor('deferred', edit);
    expect(outcome).toMatchObject({ answers: 1, deferred: true });
    expect(outcome.answeredMs).toBeGreaterThanOrEqual(outcome.firstCallbackMs ?? Number.POSITIVE_INFINITY);
  });

  it('counts a deferral never edited as no answer: lost', async () => {
    const outcome = await outcomeFor('deferred-only', callback);
    expect(outcome).toMatchObject({ answers: 0, deferred: true, answeredMs: null });
    expect(outcome.firstCallbackMs).not.toBeNull();
  });

  it('records nothing back for an interaction left unanswered, and forgets it all on request', async () => {
    const built = slashCommand({ name: 'never', guildId: GUILD, channelId: CHANNEL, user: member });
    fake.dispatch('INTERACTION_CREATE', built.payload);
    await outcomeFor('once', callback); // dispatched after it: the client has seen the first by now
    const record = fake.interactions.get(built.token);
    expect(record && outcomeOf(record)).toEqual({
      answers: 0,
      deferred: false,
      firstCallbackMs: null,
      answeredMs: null,
    });
    fake.forgetHistory();
    expect(fake.interactions.get(built.token)).toBeUndefined();
    expect(fake.requests).toEqual([]);
  });
});
