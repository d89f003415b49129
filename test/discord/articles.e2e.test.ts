import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIComponentInMessageActionRow,
  APIEmbed,
} from 'discord.js';
import { ComponentType } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { removeCopies, SECOND_ARTICLE, withSecondArticle } from '../knowledge/copies.js';
import {
  alice,
  bob,
  CHANNEL,
  closeAndCheck,
  expectCleanRun,
  GUILD,
  guildAsk,
  type Harness,
  mention,
  mentionInGuild,
  startHarness,
} from './harness.js';
import { assertWithinLimits } from './limits.js';
import {
  autocomplete,
  FAKE_BOT,
  message,
  messageComponent,
  messageContextMenu,
  messageCreate,
  nextId,
  slashCommand,
} from './payloads.js';

// The bot serves the real article and a second one (test/fixtures/second-article/), loaded from
// a copy of the knowledge folder as `npm start` loads KNOWLEDGE_DIR.

const SEED = 'microsoft-japan-ai';
const SECOND_TITLE = 'Harwick launches a solar ferry across the Elm estuary';
const SEED_TITLE = 'Microsoft investit 2,9 milliards de dollars dans l’IA et le cloud au Japon';
const FERRY_QUESTION = 'How many passengers does the ferry carry?';
const EPHEMERAL = 64;

interface Body {
  type?: number;
  data?: {
    content?: string;
    embeds?: APIEmbed[];
    components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
    flags?: number;
    choices?: APIApplicationCommandOptionChoice[];
  };
  embeds?: APIEmbed[];
}

function embedOf(embeds: APIEmbed[] | undefined): APIEmbed {
  const embed = embeds?.[0];
  if (!embed) throw new Error('the reply has no embed');
  return embed;
}

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ knowledgeDir: withSecondArticle() });
}, 10_000);

afterEach(() => expectCleanRun(harness));

afterAll(async () => {
  await closeAndCheck(harness);
  removeCopies();
}, 10_000);

const interact = async (built: Parameters<Harness['interact']>[0]) =>
  (await harness.interact(built)).body as Body;

/** Alice's autocomplete of /ask, `focused` being typed. */
const typing = (options: Record<string, string>, focused: string) =>
  autocomplete({
    name: 'ask',
    options,
    focused,
    guildId: GUILD,
    channelId: CHANNEL,
    user: alice,
    locale: 'en-US',
  });

describe('the bot with two articles', { timeout: 8000 }, () => {
  it('lists both articles in /about, with their language, date and reviewed facts', async () => {
    const served = harness.knowledge.current().engine.knowledge;
    const count = (id: string) => served.facts.filter((fact) => fact.source === id).length;
    const body = await interact(
      slashCommand({ name: 'about', channelId: nextId(), user: bob, locale: 'en-US' }),
    );
    const embed = embedOf(body.data?.embeds);
    expect(embed.description).toMatch(/^I know 2 articles\./);
    const [second, seed] = embed.fields ?? [];
    expect(second?.value).toContain(`**${SECOND_TITLE}**`);
    expect(second?.value).toContain(
      `Language: English · date: 2025-03-10 · ${count(SECOND_ARTICLE)} reviewed facts`,
    );
    expect(second?.value).toContain('https://news.example.org/harwick-solar-ferry');
    expect(seed?.value).toContain(`Language: French · date unknown · ${count(SEED)} reviewed facts`);
    expect(count(SECOND_ARTICLE)).toBe(3);
    assertWithinLimits({ embeds: body.data?.embeds ?? [], components: [] });
  });

  it('answers /ask about the second article and names it, with its date', async () => {
    const body = await interact(guildAsk(FERRY_QUESTION));
    const embed = embedOf(body.data?.embeds);
    expect(embed.fields?.[0]?.value).toContain('120 passengers');
    expect(embed.footer?.text).toMatch(new RegExp(`^${SECOND_TITLE} \\(2025-03-10\\) · confidence`));
  });

  it('refuses a question about the second article when /ask is set to the first, naming the one searched', async () => {
    const body = await interact(guildAsk(FERRY_QUESTION, { article: SEED }));
    const embed = embedOf(body.data?.embeds);
    expect(embed.fields ?? []).toEqual([]);
    expect(embed.author?.name).toBe('Not in the article');
    expect(embed.footer?.text).toBe(`Article searched: ${SEED_TITLE}`);
  });

  it('names every article searched when none answers', async () => {
    const body = await interact(guildAsk('Quel temps fera-t-il demain à Paris ?'));
    const embed = embedOf(body.data?.embeds);
    expect(embed.author?.name).toBe('Pas dans les articles');
    expect(embed.footer?.text).toBe(`Articles consultés : ${SECOND_TITLE} (2025-03-10) ; ${SEED_TITLE}`);
  });

  it('offers both articles when the article option is empty, and the one a typo points to', async () => {
    const all = await interact(typing({ question: 'x', article: '' }, 'article'));
    expect(all.type).toBe(8);
    expect(all.data?.choices).toEqual([
      { name: `${SECOND_TITLE} (2025-03-10)`, value: SECOND_ARTICLE },
      { name: SEED_TITLE, value: SEED },
    ]);
    const typo = await interact(typing({ question: 'x', article: 'microsft japn' }, 'article'));
    expect(typo.data?.choices?.map((choice) => choice.value)).toEqual([SEED]);
  });

  it('keeps suggesting questions of every article for the question option', async () => {
    const body = await interact(typing({ question: 'ferry passengers' }, 'question'));
    expect(body.data?.choices?.map((choice) => choice.name)).toContain(FERRY_QUESTION);
    const seed = await interact(typing({ question: 'combien microsoft' }, 'question'));
    expect(seed.data?.choices?.[0]?.name).toMatch(/Combien Microsoft/);
  });

  it('tells the asker privately that an article value names no article, listing the known titles', async () => {
    const body = await interact(guildAsk(FERRY_QUESTION, { article: '**lost** @everyone' }));
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.embeds ?? []).toEqual([]);
    const text = body.data?.content ?? '';
    expect(text).toContain('« \\*\\*lost\\*\\* @\u200beveryone »');
    expect(text).toContain(`« ${SECOND_TITLE} » ; « ${SEED_TITLE} »`);
  });

  it('names the article in the answer to a mention and to the message menu', async () => {
    const { body } = await harness.post(mentionInGuild(mention('who is Ellen Price?')));
    expect(embedOf((body as Body).embeds).footer?.text).toContain(`${SECOND_TITLE} (2025-03-10)`);
    const target = message({ channelId: CHANNEL, guildId: GUILD, author: bob, content: FERRY_QUESTION });
    const menu = await interact(
      messageContextMenu({
        name: 'Ask about this message',
        targetMessage: target,
        guildId: GUILD,
        channelId: CHANNEL,
        user: alice,
        locale: 'en-US',
      }),
    );
    expect(embedOf(menu.data?.embeds).footer?.text).toContain(`${SECOND_TITLE} (2025-03-10)`);
    const dm = await harness.post(
      messageCreate({ channelId: nextId(), author: bob, content: FERRY_QUESTION }),
    );
    expect(embedOf((dm.body as Body).embeds).footer?.text).toContain(SECOND_TITLE);
  });

  it('answers a related question from the article it was offered for', async () => {
    const body = await interact(guildAsk(FERRY_QUESTION));
    const select = body.data?.components?.[0]?.components[0];
    if (select?.type !== ComponentType.StringSelect) throw new Error('no related-questions menu');
    const labels = select.options.map((option) => option.label);
    // The menu spans both articles: the ferry's other questions and the seed's main points.
    expect(labels).toContain('What did Harwick launch?');
    expect(labels).toContain('How much will Microsoft invest in Japan?');
    const picked = select.options.find((option) => option.label === 'What did Harwick launch?');
    const sitting = message({
      channelId: CHANNEL,
      guildId: GUILD,
      author: FAKE_BOT,
      embeds: body.data?.embeds,
      components: body.data?.components,
    });
    const related = await interact(
      messageComponent({
        customId: select.custom_id,
        componentType: 3,
        values: [picked?.value ?? ''],
        message: sitting,
        user: bob,
        locale: 'en-US',
      }),
    );
    expect(embedOf(related.data?.embeds).footer?.text).toContain(SECOND_TITLE);
  });

  it('names both articles in /help, and an example from the knowledge', async () => {
    const body = await interact(
      slashCommand({ name: 'help', channelId: nextId(), user: bob, locale: 'en-US' }),
    );
    const text = embedOf(body.data?.embeds).description ?? '';
    expect(text).toContain(`about 2 news articles (“${SECOND_TITLE}”; “${SEED_TITLE}”)`);
    expect(text).toContain('Example: How much will Microsoft invest in Japan?');
  });
});
