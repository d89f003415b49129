import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  EmbedBuilder,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  Partials,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, type RecordedRequest, rateLimited, startFakeDiscord } from './fakeDiscord.js';
import {
  autocomplete,
  FAKE_APP_ID,
  FAKE_BOT,
  type FakeUser,
  message,
  messageComponent,
  messageContextMenu,
  messageCreate,
  nextId,
  slashCommand,
} from './payloads.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.x1Y2z3W4v5U6t7S8r9Q0p1O2n3M4l5K6j7I8h9'; // real shape, 38-char tail
const GUILD = nextId();
const CHANNEL = nextId();
const alice: FakeUser = { id: nextId(), username: 'alice' };
/** Alice's /ask in the guild channel, for tests about the protocol rather than the question. */
const askInGuild = () =>
  slashCommand({ name: 'ask', options: { question: 'q' }, guildId: GUILD, channelId: CHANNEL, user: alice });

let fake: FakeDiscord;
let client: Client;
let onInteraction: ((i: Interaction) => Promise<unknown>) | undefined;
let onMessage: ((m: Message) => Promise<unknown>) | undefined;
const handlerErrors: unknown[] = [];
const run = <T>(fn: ((x: T) => Promise<unknown>) | undefined, x: T) =>
  fn?.(x).catch((error: unknown) => handlerErrors.push(error));

/** A promise and the function that settles it, for results produced inside a handler. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

const waitFor = (predicate: (r: RecordedRequest) => boolean) => fake.waitForRequest(predicate, 2000); // < test timeout
const callback = (i: { callbackPath: string }) => waitFor((r) => r.path === i.callbackPath);
const path = (p: string) => (r: RecordedRequest) => r.path === p;
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);

beforeAll(async () => {
  fake = await startFakeDiscord({
    applicationId: FAKE_APP_ID,
    botUser: FAKE_BOT,
    guilds: [{ id: GUILD, name: 'Newsroom', channels: [{ id: CHANNEL, type: 0 }], preferred_locale: 'fr' }],
  });
  client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: fake.apiUrl },
  });
  client.on('interactionCreate', (i) => run(onInteraction, i));
  client.on('messageCreate', (m) => run(onMessage, m));
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(TOKEN);
  await ready;
}, 5000);

afterEach(() => {
  onInteraction = undefined;
  onMessage = undefined;
  // splice: report each failure in the test that caused it, not in every later one
  expect(handlerErrors.splice(0)).toEqual([]);
  expect(fake.unknownRoutes.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([]);
});

afterAll(async () => {
  await within(client?.destroy() ?? Promise.resolve(), 2000);
  await fake?.close();
}, 5000);

describe('fake Discord with the real discord.js client', { timeout: 3000 }, () => {
  it('logs in: gateway/bot with the bot token, one IDENTIFY, the guild and its channel cached', () => {
    const gateway = fake.requests.find(path('/gateway/bot'));
    expect(gateway?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(fake.identifyCount).toBe(1);
    expect(fake.connections).toBe(1);
    expect(client.user?.id).toBe(FAKE_BOT.id);
    const guild = client.guilds.cache.get(GUILD);
    expect(guild?.preferredLocale).toBe('fr');
    expect(guild?.channels.cache.get(CHANNEL)?.type).toBe(ChannelType.GuildText);
    expect(guild?.members.me?.permissions.has('SendMessages')).toBe(true);
  });

  it('guild slash command → ephemeral embed reply (callback type 4)', async () => {
    const cmd = slashCommand({
      name: 'ask',
      options: { question: 'Qui ?' },
      guildId: GUILD,
      channelId: CHANNEL,
      user: alice,
      locale: 'fr',
    });
    let seen: unknown;
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      seen = [i.inGuild(), i.channelId, i.locale, i.guildLocale, i.options.getString('question'), i.user.id];
      await i.reply({
        embeds: [new EmbedBuilder().setDescription('Réponse')],
        flags: MessageFlags.Ephemeral,
      });
    };
    fake.dispatch('INTERACTION_CREATE', cmd.payload);
    const req = await callback(cmd);
    expect(seen).toEqual([true, CHANNEL, 'fr', 'en-US', 'Qui ?', alice.id]);
    expect(req.query).toEqual({ with_response: 'false' });
    expect(req.headers.authorization).toBeUndefined();
    expect(req.body.type).toBe(4);
    expect(req.body.data.embeds).toEqual([{ description: 'Réponse' }]);
    expect(req.body.data.flags).toBe(MessageFlags.Ephemeral);
  });

  it('DM slash command → reply', async () => {
    const cmd = slashCommand({
      name: 'ask',
      options: { question: 'Who?' },
      channelId: nextId(),
      user: alice,
    });
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply(`${i.inGuild()} ${i.channel?.type} ${i.context}`);
    };
    fake.dispatch('INTERACTION_CREATE', cmd.payload);
    expect((await callback(cmd)).body).toMatchObject({ type: 4, data: { content: 'false 1 1' } });
  });

  it('button → update (callback type 7)', async () => {
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('more:1').setLabel('More').setStyle(ButtonStyle.Primary),
    );
    const msg = message({ channelId: CHANNEL, guildId: GUILD, author: FAKE_BOT, components: [row.toJSON()] });
    const click = messageComponent({ customId: 'more:1', message: msg, user: alice }); // guild from msg
    onInteraction = async (i) => {
      if (!i.isButton()) return;
      await i.update({ content: `updated ${i.message.id} ${i.inGuild()}`, components: [] });
    };
    fake.dispatch('INTERACTION_CREATE', click.payload);
    expect((await callback(click)).body).toMatchObject({
      type: 7,
      data: { content: `updated ${msg.id} true` },
    });
  });

  it('string select → values reach the handler', async () => {
    const msg = message({ channelId: CHANNEL, guildId: GUILD, author: FAKE_BOT });
    const pick = messageComponent({
      ...{ customId: 'lang', componentType: 3, values: ['en'], message: msg, guildId: GUILD, user: alice },
    });
    onInteraction = async (i) => {
      if (i.isStringSelectMenu()) await i.reply({ content: i.values.join(), flags: MessageFlags.Ephemeral });
    };
    fake.dispatch('INTERACTION_CREATE', pick.payload);
    expect((await callback(pick)).body).toMatchObject({ type: 4, data: { content: 'en', flags: 64 } });
  });

  it('autocomplete → respond (callback type 8, no query string)', async () => {
    const ac = autocomplete({
      ...{ name: 'ask', options: { question: 'ele', lang: 'fr' }, focused: 'question' },
      ...{ guildId: GUILD, channelId: CHANNEL, user: alice },
    });
    onInteraction = async (i) => {
      if (!i.isAutocomplete()) return;
      const focused = i.options.getFocused(true);
      await i.respond([{ name: `${focused.name}=${focused.value}`, value: 'election' }]);
    };
    fake.dispatch('INTERACTION_CREATE', ac.payload);
    const req = await callback(ac);
    expect(req.query).toEqual({});
    expect(req.body).toEqual({ type: 8, data: { choices: [{ name: 'question=ele', value: 'election' }] } });
  });

  it('deferReply → followUp and editReply', async () => {
    const cmd = askInGuild();
    const { promise: results, resolve: done } = deferred<unknown[]>();
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      const edited = await i.editReply({ content: 'edited' });
      const followed = await i.followUp({ content: 'more', flags: MessageFlags.Ephemeral });
      done([edited.content, edited.channelId, followed.content]);
    };
    fake.dispatch('INTERACTION_CREATE', cmd.payload);
    expect((await callback(cmd)).body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await waitFor(path(`/webhooks/${FAKE_APP_ID}/${cmd.token}/messages/@original`));
    expect(edit.method).toBe('PATCH');
    const follow = await waitFor(path(`/webhooks/${FAKE_APP_ID}/${cmd.token}`));
    expect(follow.query).toEqual({ wait: 'true' });
    expect([edit.headers.authorization, follow.headers.authorization]).toEqual([undefined, undefined]);
    expect(follow.body).toMatchObject({ content: 'more', flags: 64 });
    expect(await results).toEqual(['edited', CHANNEL, 'more']);
  });

  it('withResponse, fetchReply and a multipart reply with a file', async () => {
    const cmd = askInGuild();
    const { promise: results, resolve: done } = deferred<unknown[]>();
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({
        content: 'with file',
        files: [{ attachment: Buffer.from('hello'), name: 'a.txt' }],
        withResponse: true,
      });
      const fetched = await i.fetchReply();
      done([response.resource?.message?.content, fetched.id === response.resource?.message?.id]);
    };
    fake.dispatch('INTERACTION_CREATE', cmd.payload);
    const req = await callback(cmd);
    expect(req.query).toEqual({ with_response: 'true' });
    expect(String(req.headers['content-type'])).toMatch(/^multipart\/form-data/);
    expect(req.body).toMatchObject({ type: 4, data: { content: 'with file', attachments: [{ id: '0' }] } });
    expect(req.files).toEqual([{ field: 'files[0]', name: 'a.txt', size: 5 }]);
    expect(await results).toEqual(['with file', true]);
  });

  it('message context menu → the target message is resolved', async () => {
    const target = message({ channelId: CHANNEL, guildId: GUILD, author: alice, content: 'quoted text' });
    const menu = messageContextMenu({
      name: 'Check',
      targetMessage: target,
      guildId: GUILD,
      channelId: CHANNEL,
      user: alice,
    });
    onInteraction = async (i) => {
      if (i.isMessageContextMenuCommand()) await i.reply(`${i.targetId}:${i.targetMessage.content}`);
    };
    fake.dispatch('INTERACTION_CREATE', menu.payload);
    expect((await callback(menu)).body.data.content).toBe(`${target.id}:quoted text`);
  });

  it('guild mention → message.reply with message_reference', async () => {
    const msg = messageCreate({
      ...{ channelId: CHANNEL, guildId: GUILD, author: alice, content: `<@${FAKE_BOT.id}> hi` },
      mentions: [FAKE_BOT],
    });
    onMessage = async (m) => {
      if (m.author.bot || !m.mentions.users.has(m.client.user.id)) return;
      const reply = await m.reply({ content: 'hello', allowedMentions: { parse: [], repliedUser: false } });
      expect(reply.reference?.messageId).toBe(msg.id);
    };
    fake.dispatch('MESSAGE_CREATE', msg);
    const req = await waitFor((r) => r.body?.message_reference?.message_id === msg.id);
    expect(req.path).toBe(`/channels/${CHANNEL}/messages`);
    expect(req.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(req.body).toMatchObject({
      content: 'hello',
      allowed_mentions: { parse: [], replied_user: false },
    });
  });

  it('first DM messageCreate → reply', async () => {
    const dm = nextId();
    const msg = messageCreate({
      channelId: dm,
      author: { id: nextId(), username: 'bob' },
      content: 'hello bot',
    });
    onMessage = async (m) => {
      if (m.channel.type === ChannelType.DM && !m.author.bot) await m.reply(`you said ${m.content}`);
    };
    fake.dispatch('MESSAGE_CREATE', msg);
    const req = await waitFor((r) => r.body?.message_reference?.message_id === msg.id);
    expect(req.path).toBe(`/channels/${dm}/messages`);
    expect(req.body.content).toBe('you said hello bot');
  });

  it('user.send opens a DM channel first', async () => {
    const carol = nextId();
    const message = await client.users.send(carol, 'psst');
    const open = await waitFor(path('/users/@me/channels'));
    expect(open.body).toEqual({ recipient_id: carol });
    expect(message.channel.type).toBe(ChannelType.DM);
    expect(fake.requests.filter(path(`/channels/${message.channelId}/messages`))).toHaveLength(1);
  });

  it('registers global and guild commands', async () => {
    const body = [{ name: 'ask', description: 'Ask a question', options: [] }];
    const global = await client.application?.commands.set(body);
    const guild = await client.guilds.cache.get(GUILD)?.commands.set(body);
    expect(global?.first()?.name).toBe('ask');
    expect(guild?.first()?.guildId).toBe(GUILD);
    expect(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([
      `/applications/${FAKE_APP_ID}/commands`,
      `/applications/${FAKE_APP_ID}/guilds/${GUILD}/commands`,
    ]);
  });

  it('failNext 500 once: discord.js retries and the reply arrives once', async () => {
    const cmd = askInGuild();
    fake.failNext(path(cmd.callbackPath), { status: 500, body: { message: 'oops', code: 0 } });
    onInteraction = async (i) => {
      if (i.isChatInputCommand()) await i.reply('ok');
    };
    fake.dispatch('INTERACTION_CREATE', cmd.payload);
    await waitFor((r) => r.path === cmd.callbackPath && r.status === 204);
    expect(fake.requests.filter(path(cmd.callbackPath)).map((r) => r.status)).toEqual([500, 204]);
  });

  it('failNext 429: discord.js waits Retry-After and retries', async () => {
    const cmd = askInGuild();
    fake.failNext(path(cmd.callbackPath), rateLimited(0.05));
    onInteraction = async (i) => {
      if (i.isChatInputCommand()) await i.reply('ok');
    };
    fake.dispatch('INTERACTION_CREATE', cmd.payload);
    await waitFor((r) => r.path === cmd.callbackPath && r.status === 204);
    expect(fake.requests.filter(path(cmd.callbackPath)).map((r) => r.status)).toEqual([429, 204]);
  });

  it('a dropped gateway socket (4000) is resumed, and dispatches flow again', async () => {
    fake.closeGatewaySockets(4000);
    await fake.waitForReady();
    expect([fake.resumeCount, fake.identifyCount]).toEqual([1, 1]);
    const cmd = askInGuild();
    onInteraction = async (i) => {
      if (i.isChatInputCommand()) await i.reply('back');
    };
    fake.dispatch('INTERACTION_CREATE', cmd.payload);
    expect((await callback(cmd)).body.data.content).toBe('back');
  });
});
