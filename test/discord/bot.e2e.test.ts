import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIStringSelectComponent,
  ComponentType,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCustomId } from '../../src/discord/customIds.js';
import { FEEDBACK_FILE } from '../../src/discord/feedback.js';
import {
  alice,
  bob,
  CHANNEL,
  closeAndCheck,
  engine,
  expectCleanRun,
  GUILD,
  guildAsk,
  type Harness,
  mention,
  mentionInGuild,
  otherBot,
  type Reply,
  startHarness,
  TOKEN,
} from './harness.js';
import { assertWithinLimits } from './limits.js';
import {
  autocomplete,
  type BuiltInteraction,
  FAKE_BOT,
  message,
  messageComponent,
  messageContextMenu,
  messageCreate,
  nextId,
  slashCommand,
} from './payloads.js';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: Row[];
  flags?: number;
  allowed_mentions?: unknown;
  message_reference?: { message_id?: string };
}
interface Body extends MessageBody {
  type?: number;
  data?: MessageBody & { choices?: APIApplicationCommandOptionChoice[] };
}

/** The one embed of a reply. */
function embedOf(message: MessageBody | undefined): APIEmbed {
  const embed = message?.embeds?.[0];
  if (!embed) throw new Error('the reply has no embed');
  return embed;
}

/** The related-questions menu of a reply (first row). */
function selectOf(components: Row[] | undefined): APIStringSelectComponent {
  const select = components?.[0]?.components[0];
  if (select?.type !== ComponentType.StringSelect) throw new Error('the reply has no related-questions menu');
  return select;
}

/** The custom ids of the vote buttons (last row). */
function voteIdsOf(components: Row[] | undefined): string[] {
  return (components?.at(-1)?.components ?? []).map((button) =>
    'custom_id' in button ? button.custom_id : '',
  );
}

const NOBODY = { parse: [], replied_user: false };

let harness: Harness;
/** Milliseconds from a dispatch to the REST call that answers it, for the closing figures. */
const latencies: number[] = [];

beforeAll(async () => {
  harness = await startHarness();
}, 10_000);

afterEach(() => expectCleanRun(harness));

afterAll(async () => {
  await closeAndCheck(harness);
  const sorted = [...latencies].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  console.info(
    `dispatch → reply over ${sorted.length} e2e replies: median ${median.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`,
  );
}, 10_000);

async function timed(send: () => Promise<Reply>) {
  const start = performance.now();
  const { request, body } = await send();
  latencies.push(performance.now() - start);
  return { request, body: body as Body };
}

/** Sends an interaction and returns the body of its first response. */
const interact = (built: BuiltInteraction) => timed(() => harness.interact(built));
/** Sends a message and returns the bot's reply to it. */
const post = (payload: Record<string, unknown>) => timed(() => harness.post(payload));

/** Alice uses "Ask about this message" on a message of Bob's in the guild channel. */
function askAboutMessage(content: string, locale: string) {
  const targetMessage = message({ channelId: CHANNEL, guildId: GUILD, author: bob, content });
  return messageContextMenu({
    name: 'Ask about this message',
    targetMessage,
    guildId: GUILD,
    channelId: CHANNEL,
    user: alice,
    locale,
  });
}

/** The bot's answer as it sits in the guild channel, for a component clicked on it. */
const postedAnswer = (reply: MessageBody | undefined) =>
  message({
    channelId: CHANNEL,
    guildId: GUILD,
    author: FAKE_BOT,
    embeds: reply?.embeds,
    components: reply?.components,
  });

function quoteOf(embed: APIEmbed | undefined): string {
  return embed?.fields?.[0]?.value ?? '';
}

describe('the bot against a fake Discord', { timeout: 8000 }, () => {
  it('answers /ask in a guild publicly, with a cited embed, related questions and votes', async () => {
    const { body } = await interact(guildAsk('Combien Microsoft va-t-il investir au Japon ?'));
    expect(body.type).toBe(4);
    expect(body.data?.flags ?? 0).toBe(0);
    expect(body.data?.allowed_mentions).toEqual(NOBODY);
    const embed = embedOf(body.data);
    expect(embed.description).toContain('2,9 milliards');
    expect(quoteOf(embed)).toContain('investira 2,9 milliards de dollars');
    expect(embed.fields?.[0]?.name).toMatch(/^§\d, phrase \d$/);
    expect(embed.footer?.text).toContain('Microsoft investit 2,9 milliards');
    expect(selectOf(body.data?.components).options.length).toBeGreaterThan(0);
    expect(voteIdsOf(body.data?.components).map((id) => parseCustomId(id)?.kind)).toEqual(['vote', 'vote']);
    assertWithinLimits({ embeds: body.data?.embeds ?? [], components: body.data?.components ?? [] });
  });

  it('answers a private /ask in a DM ephemerally, in English', async () => {
    const built = slashCommand({
      name: 'ask',
      options: { question: 'Who is Brad Smith?', private: true },
      channelId: nextId(),
      user: bob,
      locale: 'en-GB',
    });
    const { body } = await interact(built);
    expect(body.data?.flags).toBe(64);
    expect(embedOf(body.data).description).toMatch(/Brad Smith/);
    expect(embedOf(body.data).fields?.[0]?.name).toMatch(/^¶\d, sentence \d$/);
  });

  it('answers a private /ask in a guild and a public one in a DM', async () => {
    const inGuild = await interact(guildAsk('Qui est Fumio Kishida ?', { private: true }));
    expect(inGuild.body.data?.flags).toBe(64);
    const inDm = await interact(
      slashCommand({
        name: 'ask',
        options: { question: 'Who is Fumio Kishida?' },
        channelId: nextId(),
        user: bob,
      }),
    );
    expect(inDm.body.data?.flags ?? 0).toBe(0);
    expect(embedOf(inDm.body.data).description).toContain('Kishida');
  });

  it('answers /ask where it is user-installed, in a server it is not in', async () => {
    const elsewhere = nextId();
    const built = slashCommand({
      name: 'ask',
      options: { question: 'Où Microsoft va-t-il ouvrir un centre de recherche ?' },
      guildId: elsewhere,
      channelId: nextId(),
      user: alice,
      locale: 'fr',
    });
    built.payload.authorizing_integration_owners = { '1': alice.id };
    const { body } = await interact(built);
    expect(body.type).toBe(4);
    expect(quoteOf(embedOf(body.data))).toMatch(/centre de recherche/);
  });

  it('offers at most 25 relevant autocomplete choices within 100 characters', async () => {
    const built = autocomplete({
      name: 'ask',
      options: { question: 'combien microsft' },
      focused: 'question',
      guildId: GUILD,
      channelId: CHANNEL,
      user: alice,
      locale: 'fr',
    });
    const { body } = await interact(built);
    expect(body.type).toBe(8);
    const choices = body.data?.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(String(choice.value).length).toBeLessThanOrEqual(100);
    }
    expect(choices[0]?.name).toMatch(/combien/i);
    expect(choices[0]?.name).toMatch(/microsoft/i);
  });

  it('offers the most useful questions for an empty box, main points first', async () => {
    const built = autocomplete({
      name: 'ask',
      options: { question: '' },
      focused: 'question',
      channelId: nextId(),
      user: bob,
      locale: 'en-US',
    });
    const { body } = await interact(built);
    const names = (body.data?.choices ?? []).map((choice) => choice.name);
    const featured = engine()
      .knowledge.facts.filter((fact) => fact.featured)
      .map((fact) => fact.questions.en[0]);
    expect(names.length).toBe(25);
    expect(names.slice(0, featured.length)).toEqual(featured);
  });

  it('answers a reply that quotes someone, and does not fail when the message is gone', async () => {
    const sent = mentionInGuild(
      mention(
        `<@${bob.id}> a dit que c'est 2,9 milliards <:think:123456789012345678>, combien investit Microsoft ?`,
      ),
      { mentions: [FAKE_BOT, bob] },
    );
    const { request } = await post(sent);
    const reference = (request.body as { message_reference?: { fail_if_not_exists?: boolean } })
      .message_reference;
    expect(reference?.fail_if_not_exists).toBe(false);
    expect(quoteOf(embedOf(request.body as Body))).toContain('2,9 milliards');
  });

  it('answers a mention with a reply that pings nobody', async () => {
    const sent = mentionInGuild(mention('Où sont les centres de données ?'));
    const { body } = await post(sent);
    expect(body.allowed_mentions).toEqual(NOBODY);
    expect(quoteOf(embedOf(body))).toMatch(/Tokyo|Osaka/);
  });

  it('answers a bare mention with short help', async () => {
    const sent = mentionInGuild(`<@${FAKE_BOT.id}>`);
    const { body } = await post(sent);
    expect(embedOf(body).description).toContain('/ask');
    expect(body.components ?? []).toEqual([]);
  });

  it('answers a direct message', async () => {
    const sent = messageCreate({
      channelId: nextId(),
      author: bob,
      content: 'who is the japanese prime minister',
    });
    const { body } = await post(sent);
    expect(embedOf(body).description).toMatch(/Kishida/);
  });

  it('answers "Ask about this message" ephemerally from the target message', async () => {
    const { body } = await interact(askAboutMessage('Microsoft va ouvrir un centre de recherche ?', 'fr'));
    expect(body.data?.flags).toBe(64);
    expect(quoteOf(embedOf(body.data))).toMatch(/centre de recherche/);
  });

  it('answers a related question picked in the menu, for the picker only', async () => {
    const { body: first } = await interact(guildAsk('Qui est Brad Smith ?'));
    const select = selectOf(first.data?.components);
    const option = select.options[0];
    if (!option) throw new Error('no related question offered');
    const sitting = postedAnswer(first.data);
    const built = messageComponent({
      customId: select.custom_id,
      componentType: 3,
      values: [option.value],
      message: sitting,
      user: bob,
      locale: 'fr',
    });
    const { body } = await interact(built);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(embedOf(body.data).title).toBe(option.label);
    expect(embedOf(body.data).fields?.length).toBeGreaterThan(0);
  });

  it('records a vote in DATA_DIR without anyone’s identity and thanks the voter privately', async () => {
    const question = 'Quand l’investissement a-t-il été dévoilé ?';
    const { body: answer } = await interact(guildAsk(question));
    const [up = ''] = voteIdsOf(answer.data?.components);
    const sitting = postedAnswer(answer.data);
    const { body } = await interact(
      messageComponent({ customId: up, message: sitting, user: bob, locale: 'fr' }),
    );
    expect(body.data?.flags).toBe(64);
    expect(body.data?.content).toMatch(/Merci/);
    const lines = readFileSync(path.join(harness.dataDir, FEEDBACK_FILE), 'utf8').trim().split('\n');
    const record = JSON.parse(lines.at(-1) ?? '{}');
    expect(record).toMatchObject({ vote: 'up', surface: 'slash', question });
    expect(record.factIds.length).toBeGreaterThan(0);
    expect(Date.parse(record.time)).not.toBeNaN();
    expect(Object.keys(record).sort()).toEqual(['factIds', 'question', 'surface', 'time', 'vote']);
    const written = lines.join('\n');
    for (const secret of [bob.id, bob.username, alice.id, alice.username])
      expect(written).not.toContain(secret);

    // The same click again writes nothing more; a changed mind is written.
    const again = await interact(
      messageComponent({ customId: up, message: sitting, user: bob, locale: 'fr' }),
    );
    expect(again.body.data?.content).toMatch(/déjà enregistré/);
    const [, down = ''] = voteIdsOf(answer.data?.components);
    await interact(messageComponent({ customId: down, message: sitting, user: bob, locale: 'fr' }));
    const after = readFileSync(path.join(harness.dataDir, FEEDBACK_FILE), 'utf8').trim().split('\n');
    expect(after.slice(lines.length).map((line) => JSON.parse(line).vote)).toEqual(['down']);
  });

  it('refuses what the article does not cover, naming the entity and suggesting questions', async () => {
    const { body } = await interact(guildAsk('Que dit l’article sur Google à Paris ?'));
    const embed = embedOf(body.data);
    expect(embed.author?.name).toBe('Pas dans l’article');
    expect(embed.description).toContain('ne mentionne ni Google ni Paris');
    expect(embed.footer?.text).toContain('Microsoft investit 2,9 milliards');
    expect(embed.fields ?? []).toEqual([]);
    expect(selectOf(body.data?.components).options.length).toBeGreaterThan(0);
  });

  it('ignores messages from bots, itself included', async () => {
    const fromBot = mentionInGuild(mention('Qui est Kishida ?'), { author: otherBot });
    const fromSelf = messageCreate({ channelId: nextId(), author: FAKE_BOT, content: 'Qui est Kishida ?' });
    harness.fake.dispatch('MESSAGE_CREATE', fromBot);
    harness.fake.dispatch('MESSAGE_CREATE', fromSelf);
    // A later human question is answered: by then the bots' messages have been handled.
    await post(mentionInGuild(mention('Qui est Kishida ?')));
    const replies = harness.fake.requests.filter((request) =>
      [fromBot.id, fromSelf.id].includes((request.body as Body | null)?.message_reference?.message_id),
    );
    expect(replies).toEqual([]);
  });

  it('answers a question full of @everyone, @here and role pings without pinging anyone', async () => {
    const ignored = messageCreate({
      channelId: CHANNEL,
      guildId: GUILD,
      author: alice,
      content: '@everyone @here <@&123456789012345678> who is Kishida?',
      mentionEveryone: true,
      mentionRoles: ['123456789012345678'],
    });
    harness.fake.dispatch('MESSAGE_CREATE', ignored);
    const sent = mentionInGuild(
      mention(`@everyone @here <@&123456789012345678> <@${bob.id}> qui est Kishida ?`),
      { mentions: [FAKE_BOT, bob], mentionEveryone: true, mentionRoles: ['123456789012345678'] },
    );
    const { body } = await post(sent);
    expect(body.allowed_mentions).toEqual(NOBODY);
    expect(body.content ?? '').toBe('');
    // Answered, not sunk by the markup; and no id or mass mention is echoed.
    expect(quoteOf(embedOf(body))).toContain('Fumio Kishida');
    expect(embedOf(body).title).toBe('qui est Kishida ?');
    expect(
      harness.fake.requests.some(
        (request) => (request.body as Body | null)?.message_reference?.message_id === ignored.id,
      ),
    ).toBe(false);
  });

  it('keeps the reply to a 2,000-character question within Discord’s limits', async () => {
    const long =
      `${mention('')}${'Pourquoi **Microsoft** investit-il au [Japon](https://x.example) ? '.repeat(40)}`.slice(
        0,
        2000,
      );
    const { body } = await post(mentionInGuild(long));
    assertWithinLimits({ embeds: body.embeds ?? [], components: body.components ?? [] });
    expect(embedOf(body).title?.length).toBeLessThanOrEqual(256);
  });

  it('answers "Ask about this message" on a message with no text, saying so', async () => {
    const { body } = await interact(askAboutMessage('<@123456789012345678>', 'en-US'));
    expect(body.data?.flags).toBe(64);
    expect(body.data?.content).toBe('That message has no text to ask about.');
  });

  it('tells the user once, privately, when a handler fails, and keeps serving', async () => {
    // A malformed /ask (no question) makes the handler throw.
    const broken = slashCommand({
      name: 'ask',
      options: {},
      channelId: nextId(),
      user: bob,
      locale: 'en-US',
    });
    const { body } = await interact(broken);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.content).toContain('something went wrong');
    const errors = harness.logs.filter((line) => Number(line.level) >= 50).splice(0);
    expect(errors.map((line) => line.msg)).toEqual(['an interaction handler failed']);
    harness.logs.splice(0);
    const { body: next } = await interact(guildAsk('Qui est Brad Smith ?'));
    expect(quoteOf(embedOf(next.data))).toContain('Brad Smith');
  });

  it('answers a button it did not make as expired, and a failed vote as failed', async () => {
    const sitting = message({
      channelId: CHANNEL,
      guildId: GUILD,
      author: FAKE_BOT,
      embeds: [{ title: 'x' }],
    });
    const stale = await interact(
      messageComponent({ customId: 'vote:sideways:slash:x', message: sitting, user: bob, locale: 'en-US' }),
    );
    expect(stale.body.data?.content).toContain('no longer matches');
    // The feedback file cannot be written: a directory stands in its place.
    const file = path.join(harness.dataDir, FEEDBACK_FILE);
    rmSync(file, { force: true });
    mkdirSync(file);
    try {
      const vote = await interact(
        messageComponent({
          customId: 'vote:up:slash:investment-amount',
          message: sitting,
          user: bob,
          locale: 'en-US',
        }),
      );
      expect(vote.body.data?.flags).toBe(64);
      expect(vote.body.data?.content).toContain('could not be recorded');
      expect(harness.logs.filter((line) => Number(line.level) >= 50).map((line) => line.msg)).toEqual([
        'could not record a vote',
      ]);
      harness.logs.splice(0);
    } finally {
      rmSync(file, { recursive: true, force: true });
    }
  });

  it('answers a command it no longer has, instead of leaving Discord waiting', async () => {
    const { body } = await interact(
      slashCommand({ name: 'obsolete', channelId: nextId(), user: bob, locale: 'en-US' }),
    );
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.content).toContain('I no longer know this command');
  });

  it('logs what it served without a token, a question or who asked', async () => {
    await interact(guildAsk('Secret question de alice ?'));
    await post(messageCreate({ channelId: nextId(), author: alice, content: 'Secret question en DM ?' }));
    // Each is logged once discord.js has Discord's answer, just after the fake saw the reply.
    await expect.poll(() => harness.logs.some((line) => line.msg === 'interaction answered')).toBe(true);
    await expect.poll(() => harness.logs.some((line) => line.msg === 'message answered')).toBe(true);
    const written = harness.logs.map((line) => JSON.stringify(line)).join('\n');
    for (const secret of [TOKEN, 'tok-', 'Secret question', alice.id, alice.username, bob.id, bob.username]) {
      expect(written).not.toContain(secret);
    }
  });

  it('answers /about and /help in the user’s language', async () => {
    const about = await interact(
      slashCommand({ name: 'about', guildId: GUILD, channelId: CHANNEL, user: alice, locale: 'fr' }),
    );
    expect(JSON.stringify(about.body.data?.embeds)).toContain('NHK');
    expect(embedOf(about.body.data).title).toBe('Ce que je sais');
    const help = await interact(
      slashCommand({ name: 'help', channelId: nextId(), user: bob, locale: 'en-US' }),
    );
    expect(embedOf(help.body.data).title).toBe('How to ask me');
    expect(help.body.data?.flags).toBe(64);
  });
});
