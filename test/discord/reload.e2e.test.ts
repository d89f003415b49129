import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/discord/render.js';
import { BotMetrics } from '../../src/http/metrics.js';
import { labelSetsOf, sampleValue } from '../http/prometheus.js';
import {
  copyKnowledge,
  editRecords,
  editText,
  FACTS,
  type Records,
  removeCopies,
} from '../knowledge/copies.js';
import { alice, CHANNEL, closeAndCheck, GUILD, guildAsk, type Harness, startHarness } from './harness.js';
import { slashCommand } from './payloads.js';

// The bot runs on a copy of the knowledge, loaded and watched as `npm start` does; each test
// edits the copy while the bot serves and waits for the reload the edit causes.

const EPHEMERAL = 64;
const AMOUNT_QUOTE = 'investira 2,9 milliards de dollars';
/** Refused by the knowledge as shipped ("not in the article"), though it asks for the amount. */
const NEW_QUESTION = 'Le chèque de Microsoft pour le Japon, il est de combien ?';

let harness: Harness;
/** What /metrics would serve: the reloads are counted there. */
const metrics = new BotMetrics();
let root: string;
/** The facts file as shipped, to put back after a test broke it. */
let shipped: string;

beforeAll(async () => {
  root = copyKnowledge();
  harness = await startHarness({ knowledgeDir: root, metrics });
  shipped = readFileSync(path.join(root, FACTS), 'utf8');
});

afterEach(() => {
  expect(harness.fake.unknownRoutes.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  // A broken edit is logged as an error on purpose; anything else at error level is not.
  const errors = harness.logs.filter((line) => Number(line.level) >= 50);
  expect(errors.filter((line) => !String(line.msg).startsWith('knowledge not reloaded'))).toEqual([]);
});

afterAll(async () => {
  await closeAndCheck(harness);
  removeCopies();
}, 10_000);

/** Runs `edit`, then waits (at most 5 s) for the reload it causes and returns its log line. */
async function reloadAfter(edit: () => void, from = harness.logs.length): Promise<Record<string, unknown>> {
  edit();
  for (let waited = 0; waited < 5000; waited += 10) {
    const line = harness.logs.slice(from).find((l) => /^knowledge (not )?reloaded/.test(String(l.msg)));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no reload was logged within 5 s of the edit');
}

/** Puts the shipped facts back and waits for them to be served again. */
async function restoreFacts(): Promise<void> {
  const line = await reloadAfter(() => editText(root, FACTS, () => shipped));
  expect(line.msg).toMatch(/^knowledge reloaded/);
}

function factById(records: Records, id: string): Records[number] {
  const fact = records.find((record) => record.id === id);
  if (!fact) throw new Error(`no fact ${id}`);
  return fact;
}

async function ask(question: string) {
  const reply = await harness.interact(guildAsk(question));
  return reply.body.data;
}

/** `/knowledge reload` in the guild, by a member with these permissions. */
function knowledgeReload(permissions: bigint) {
  return slashCommand({
    name: 'knowledge',
    options: [{ name: 'reload', type: 1 }],
    guildId: GUILD,
    channelId: CHANNEL,
    user: alice,
    locale: 'en-US',
    memberPermissions: String(permissions),
  });
}

describe('a valid edit while the bot runs', () => {
  it('is answered at once: a new alternate question finds its fact', async () => {
    const before = await ask(NEW_QUESTION);
    expect(before.embeds[0].fields ?? []).toEqual([]);

    const line = await reloadAfter(() =>
      editRecords(root, FACTS, (records) => {
        (factById(records, 'investment-amount').questions as { fr: string[] }).fr.push(NEW_QUESTION);
      }),
    );
    expect(line).toMatchObject({
      level: 30,
      msg: 'knowledge reloaded',
      trigger: 'watch',
      diff: { facts: { added: [], removed: [], changed: ['investment-amount'] } },
    });

    const after = await ask(NEW_QUESTION);
    expect(after.embeds[0].fields[0].value).toContain(AMOUNT_QUOTE);
    await restoreFacts();
    expect((await ask(NEW_QUESTION)).embeds[0].fields ?? []).toEqual([]);
  });

  it('is answered at once: a new answer text is the one shown', async () => {
    const answer = 'Brad Smith est vice-président et président de Microsoft (réponse modifiée).';
    await reloadAfter(() =>
      editRecords(root, FACTS, (records) => {
        (factById(records, 'brad-smith-president').answer as { fr: string }).fr = answer;
      }),
    );
    expect((await ask('Qui est Brad Smith ?')).embeds[0].description).toBe(answer);
    await restoreFacts();
  });
});

describe('a broken edit while the bot runs', () => {
  it('changes nothing: invalid YAML is logged with its file, and the bot answers as before', async () => {
    const before = await ask('Combien Microsoft va-t-il investir au Japon ?');

    const line = await reloadAfter(() => editText(root, FACTS, (text) => `${text}\n- id: [unclosed\n`));

    expect(line).toMatchObject({ level: 50, trigger: 'watch', msg: expect.stringContaining('1 error(s)') });
    expect(line.errors).toEqual([
      {
        file: 'knowledge/microsoft-japan-ai/facts.yaml',
        message: expect.stringContaining('is not valid YAML'),
      },
    ]);
    const after = await ask('Combien Microsoft va-t-il investir au Japon ?');
    expect(after.embeds).toEqual(before.embeds);
    await restoreFacts();
  });

  it('changes nothing: a fact with a missing field is logged with its file, id and field', async () => {
    const before = await ask('Qui est Brad Smith ?');

    const line = await reloadAfter(() =>
      editRecords(root, FACTS, (records) => {
        delete factById(records, 'brad-smith-president').answer;
        (factById(records, 'investment-amount').questions as { fr: string[] }).fr.push(NEW_QUESTION);
      }),
    );

    expect(line.errors).toEqual([
      expect.objectContaining({
        file: 'knowledge/microsoft-japan-ai/facts.yaml',
        id: 'brad-smith-president',
        field: 'answer',
      }),
    ]);
    expect((await ask('Qui est Brad Smith ?')).embeds).toEqual(before.embeds);
    // The valid half of the edit is not served either: all of it or none.
    expect((await ask(NEW_QUESTION)).embeds[0].fields ?? []).toEqual([]);
    await restoreFacts();
  });
});

describe('the metrics of a reload', () => {
  /** The reload counters, the facts gauge and the knowledge version, as /metrics shows them. */
  async function reloadMetrics() {
    const exposition = await metrics.registry.metrics();
    return {
      ok: sampleValue(exposition, 'knowledge_reloads_total', { result: 'ok' }),
      error: sampleValue(exposition, 'knowledge_reloads_total', { result: 'error' }),
      facts: sampleValue(exposition, 'knowledge_facts'),
      versions: labelSetsOf(exposition, 'knowledge_info').map((labels) => labels.version),
    };
  }

  it('counts a broken edit as an error and keeps the facts and the version', async () => {
    const before = await reloadMetrics();
    await reloadAfter(() => editText(root, FACTS, (text) => `${text}\n- id: [unclosed\n`));
    expect(await reloadMetrics()).toEqual({ ...before, error: (before.error ?? 0) + 1 });
    await restoreFacts();
  });

  it('counts a valid edit as ok, with the facts and the version it now serves', async () => {
    const before = await reloadMetrics();
    await reloadAfter(() =>
      editRecords(root, FACTS, (records) => {
        records.push({ ...factById(records, 'investment-amount'), id: 'investment-amount-again' });
      }),
    );
    const after = await reloadMetrics();
    expect(after).toMatchObject({
      ok: (before.ok ?? 0) + 1,
      error: before.error,
      facts: (before.facts ?? 0) + 1,
    });
    expect(after.versions).toHaveLength(1);
    expect(after.versions).not.toEqual(before.versions);

    await restoreFacts();
    expect(await reloadMetrics()).toEqual({ ...before, ok: (before.ok ?? 0) + 2 });
  });
});

describe('/knowledge reload', () => {
  it('reloads for a member who may manage the server, and says so to them alone', async () => {
    const from = harness.logs.length;
    const reply = await harness.interact(knowledgeReload(PermissionFlagsBits.ManageGuild));

    expect(reply.body.data.flags).toBe(EPHEMERAL);
    expect(reply.body.data.content).toMatch(/^Knowledge reloaded: 1 article, \d+ facts \(\+0 −0 ~0\)\.$/);
    expect(harness.logs.slice(from)).toContainEqual(
      expect.objectContaining({ msg: 'knowledge reloaded: no change', trigger: 'command' }),
    );
  });

  it('lists the errors of a broken folder to that member, within Discord’s limits, and keeps the knowledge', async () => {
    const before = await ask('Qui est Brad Smith ?');
    // Every fact loses its answer: more errors than one message can list.
    const logged = await reloadAfter(() =>
      editRecords(root, FACTS, (records) => {
        for (const record of records) delete record.answer;
      }),
    );
    const errors = (logged.errors as unknown[]).length;

    const reply = await harness.interact(knowledgeReload(PermissionFlagsBits.ManageGuild));

    const content: string = reply.body.data.content;
    expect(reply.body.data.flags).toBe(EPHEMERAL);
    expect(content.length).toBeLessThanOrEqual(LIMITS.content);
    expect(content).toMatch(new RegExp(`^Nothing changed: the files have ${errors} errors`));
    expect(content).toContain(
      '• knowledge/microsoft-japan-ai/facts.yaml (id "microsoft-american-tech-giant", field "answer"): ',
    );
    const listed = content.split('\n').filter((l) => l.startsWith('• ')).length;
    expect(listed).toBeGreaterThan(0);
    expect(content.split('\n').at(-1)).toBe(`… and ${errors - listed} more.`);
    expect((await ask('Qui est Brad Smith ?')).embeds).toEqual(before.embeds);
    await restoreFacts();
  });

  it('is refused, privately and without reloading, to a member who may not manage the server', async () => {
    const from = harness.logs.length;
    const reply = await harness.interact(knowledgeReload(PermissionFlagsBits.ManageMessages));

    expect(reply.body.data.flags).toBe(EPHEMERAL);
    expect(reply.body.data.content).toBe('Reloading my knowledge takes the Manage Server permission.');
    expect(harness.logs.slice(from).map((line) => line.msg)).toContain(
      'knowledge reload refused: the member lacks Manage Server',
    );
    expect(
      harness.logs.slice(from).filter((line) => String(line.msg).startsWith('knowledge reloaded')),
    ).toEqual([]);
  });
});
