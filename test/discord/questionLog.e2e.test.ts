import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QUESTIONS_FILE } from '../../src/discord/questionLog.js';
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
import { FAKE_APP_ID, FAKE_BOT, messageCreate, nextId } from './payloads.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 10_000);

afterEach(() => expectCleanRun(harness));

afterAll(() => closeAndCheck(harness), 10_000);

/** The question log once it holds `count` lines: it is written after the reply, off its path. */
async function questionLines(count: number): Promise<string[]> {
  const file = path.join(harness.dataDir, QUESTIONS_FILE);
  const read = () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
  for (let waited = 0; read().length < count && waited < 3000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return read();
}

describe('the question log, as the bot serves Discord', () => {
  it('records an /ask as one line, and a mention without its markup, naming no user, server or channel', async () => {
    const asked = guildAsk('Combien Microsoft va-t-il investir au Japon ?');
    await harness.interact(asked);
    const [line] = await questionLines(1);
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      surface: 'slash',
      language: 'fr',
      question: 'Combien Microsoft va-t-il investir au Japon ?',
      answered: true,
      reason: null,
      factIds: ['investment-amount'],
      sources: ['microsoft-japan-ai'],
    });

    await harness.post(mentionInGuild(mention(`Qui est Brad Smith <@${bob.id}> ?`)));
    const lines = await questionLines(2);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1] ?? '{}')).toMatchObject({
      surface: 'mention',
      question: 'Qui est Brad Smith ?',
    });

    const file = lines.join('\n');
    for (const id of [
      alice.id,
      alice.username,
      bob.id,
      bob.username,
      GUILD,
      CHANNEL,
      FAKE_BOT.id,
      FAKE_APP_ID,
    ]) {
      expect(file).not.toContain(id);
    }
    expect(file).not.toContain(asked.id);
    expect(file).not.toContain(asked.token);
  });

  it('counts a direct message without its text by default', async () => {
    const before = (await questionLines(0)).length;
    const today = () => new Date().toISOString().slice(0, 10);
    const days = [today()];
    await harness.post(
      messageCreate({ channelId: nextId(), author: bob, content: 'Qui est Fumio Kishida ?' }),
    );
    const lines = await questionLines(before + 1);
    expect(lines).toHaveLength(before + 1);
    days.push(today()); // Either, should the test run across midnight UTC.
    expect(JSON.parse(lines.at(-1) ?? '{}')).toEqual({
      time: expect.toBeOneOf(days),
      surface: 'dm',
      counted: true,
      answered: true,
    });
    expect(lines.join('\n')).not.toContain('Kishida');
  });
});
