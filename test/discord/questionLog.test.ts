import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuestionLogConfig } from '../../src/config.js';
import type { Answer } from '../../src/core/types.js';
import { SURFACES } from '../../src/discord/customIds.js';
import { askAbout } from '../../src/discord/question.js';
import {
  APPEND_EVERY_MS,
  QUESTIONS_FILE,
  QuestionLog,
  questionLine,
  questionRecord,
} from '../../src/discord/questionLog.js';
import { deepFreeze } from '../../src/discord/rememberedAnswers.js';
import { createLogger } from '../../src/log.js';

const NOW = new Date('2025-06-15T12:00:00.000Z');
const DAY_MS = 86_400_000;
const ON: QuestionLogConfig = { enabled: true, days: 30, dms: false };
const MEMBER_ID = '123456789012345678';

/** An answer citing `investment-amount`, plus what an engine might one day add about the asker. */
function answerTo(question: string): Answer {
  const answer: Answer & { userId: string; guildId: string } = {
    question,
    answered: true,
    text: 'Microsoft investira 2,9 milliards de dollars au Japon.',
    language: 'fr',
    confidence: 0.6,
    citations: [
      {
        source: 'microsoft-japan-ai',
        factId: 'investment-amount',
        paragraph: 1,
        sentence: 1,
        quote: 'investira 2,9 milliards de dollars',
      },
      {
        source: 'microsoft-japan-ai',
        factId: 'investment-duration',
        paragraph: 1,
        sentence: 2,
        quote: 'sur deux ans',
      },
    ],
    suggestions: [],
    hedged: true,
    answerType: 'amount',
    premises: [],
    article: null,
    searched: [],
    reason: null,
    unknownEntity: null,
    userId: MEMBER_ID,
    guildId: '223456789012345678',
  };
  return answer;
}

const engine = { ask: (question: string) => answerTo(question) };

let dataDir: string;
let logs: Array<Record<string, unknown>>;

function questionLog(config: Partial<QuestionLogConfig> = {}, clock = () => NOW) {
  const logger = createLogger('info', { write: (line: string) => logs.push(JSON.parse(line)) });
  return new QuestionLog(dataDir, { ...ON, ...config }, logger, clock);
}

const file = () => path.join(dataDir, QUESTIONS_FILE);
const lines = () =>
  readFileSync(file(), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'question-log-'));
  logs = [];
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('recording a question', () => {
  it('writes one line with the question as the engine read it, its outcome and the cited facts', async () => {
    const log = questionLog();
    askAbout(`<@${MEMBER_ID}> Combien   Microsoft investit-il ?`, 'fr', 'slash', {
      engine,
      questionLog: log,
    });
    await log.flush();
    expect(lines()).toEqual([
      {
        time: NOW.toISOString(),
        surface: 'slash',
        language: 'fr',
        question: 'Combien Microsoft investit-il ?',
        answered: true,
        reason: null,
        confidence: 0.6,
        hedged: true,
        factIds: ['investment-amount', 'investment-duration'],
        sources: ['microsoft-japan-ai'],
      },
    ]);
  });

  it('writes no user or server id, even when the answer carries one', async () => {
    const log = questionLog();
    askAbout(`<@!${MEMBER_ID}> <#323456789012345678> qui est Kishida ?`, 'fr', 'mention', {
      engine,
      questionLog: log,
    });
    await log.flush();
    const text = readFileSync(file(), 'utf8');
    expect(text).not.toContain(MEMBER_ID);
    expect(text).not.toContain('223456789012345678');
    expect(text).not.toContain('323456789012345678');
    expect(Object.keys(lines()[0] ?? {}).sort()).toEqual([
      'answered',
      'confidence',
      'factIds',
      'hedged',
      'language',
      'question',
      'reason',
      'sources',
      'surface',
      'time',
    ]);
  });

  it('keeps the engine reason as it comes, whatever new reasons the engine gains', async () => {
    const log = questionLog();
    const refusal = {
      ...answerTo('x'),
      answered: false,
      hedged: false,
      citations: [],
      reason: 'missing-answer-type',
    };
    log.record('Quel âge a Kishida ?', refusal as unknown as Answer, 'slash');
    await log.flush();
    expect(lines()[0]).toMatchObject({ answered: false, reason: 'missing-answer-type', hedged: false });
  });

  it('takes the hedged flag from the engine when it gives one', async () => {
    const log = questionLog();
    log.record('q', { ...answerTo('q'), confidence: 0.9, hedged: true } as Answer, 'slash');
    await log.flush();
    expect(lines()[0]).toMatchObject({ confidence: 0.9, hedged: true });
  });

  it('counts a direct message without its text, as its day and outcome only', async () => {
    const log = questionLog();
    askAbout('Combien Microsoft investit-il ?', 'fr', 'dm', { engine, questionLog: log });
    await log.flush();
    expect(lines()).toEqual([{ time: '2025-06-15', surface: 'dm', counted: true, answered: true }]);
    expect(readFileSync(file(), 'utf8')).not.toContain('Microsoft');
  });

  it('records the text of direct messages when QUESTION_LOG_DMS is on', async () => {
    const log = questionLog({ dms: true });
    askAbout('Combien Microsoft investit-il ?', 'fr', 'dm', { engine, questionLog: log });
    await log.flush();
    expect(lines()[0]).toMatchObject({ surface: 'dm', question: 'Combien Microsoft investit-il ?' });
  });

  it('writes nothing at all when QUESTION_LOG is off', async () => {
    const log = questionLog({ enabled: false });
    log.start();
    askAbout('Combien Microsoft investit-il ?', 'fr', 'slash', { engine, questionLog: log });
    await log.stop();
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('keeps lines whole and in order when many questions arrive at once', async () => {
    const log = questionLog();
    for (let i = 0; i < 500; i += 1) log.record(`question ${i} ${'é'.repeat(i)}`, answerTo('q'), 'slash');
    await log.flush();
    expect(lines().map((line) => line.question.split(' ')[1])).toEqual(
      Array.from({ length: 500 }, (_, i) => String(i)),
    );
  });

  it('writes the lines of a batch in one append once the batch is over, with no flush asked', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const log = questionLog();
    for (let i = 0; i < 3; i += 1) log.record(`question ${i}`, answerTo('q'), 'slash');
    expect(readdirSync(dataDir)).toEqual([]);
    vi.advanceTimersByTime(100);
    await vi.waitFor(() =>
      expect(lines().map((line) => line.question)).toEqual(['question 0', 'question 1', 'question 2']),
    );
  });

  it('appends at most once every APPEND_EVERY_MS under load: a later line waits, and none is lost', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const log = questionLog();
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    log.record('first', answerTo('q'), 'slash');
    await turn();
    expect(lines().map((line) => line.question)).toEqual(['first']);
    log.record('second', answerTo('q'), 'slash');
    await turn();
    log.record('third', answerTo('q'), 'slash');
    await turn();
    expect(lines()).toHaveLength(1);
    vi.advanceTimersByTime(APPEND_EVERY_MS);
    expect(lines().map((line) => line.question)).toEqual(['first', 'second', 'third']);
    log.record('after a pause', answerTo('q'), 'slash');
    vi.advanceTimersByTime(APPEND_EVERY_MS);
    await turn();
    expect(lines()).toHaveLength(4);
    await log.stop();
  });

  it('writes the lines still in a batch when stopped', async () => {
    const log = questionLog();
    log.record('just before the stop', answerTo('q'), 'slash');
    await log.stop();
    expect(lines().map((line) => line.question)).toEqual(['just before the stop']);
  });

  it('logs a failing disk once, keeps answering, and says when the file is writable again', async () => {
    rmSync(dataDir, { recursive: true });
    writeFileSync(dataDir, 'a file where the folder should be');
    const log = questionLog();
    for (let i = 0; i < 3; i += 1) {
      const answer = askAbout('Combien ?', 'fr', 'slash', { engine, questionLog: log });
      expect(answer.answered).toBe(true);
    }
    await log.flush();
    expect(logs.filter((line) => line.level === 50)).toEqual([
      expect.objectContaining({ file: file(), msg: expect.stringMatching(/^could not record a question/) }),
    ]);
    rmSync(dataDir);
    log.record('Combien ?', answerTo('q'), 'slash');
    await log.flush();
    expect(lines()).toHaveLength(1);
    expect(logs.at(-1)).toMatchObject({ level: 30, msg: 'the question log is writable again' });
  });
});

describe('retention', () => {
  const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY_MS).toISOString();
  const line = (time: string, question: string) => JSON.stringify({ time, surface: 'slash', question });

  it('drops lines older than QUESTION_LOG_DAYS and keeps the rest, and lines it cannot date', async () => {
    writeFileSync(
      file(),
      [
        line(at(40), 'old'),
        line(at(29.9), 'recent'),
        JSON.stringify({ time: at(31).slice(0, 10), surface: 'dm', counted: true, answered: false }),
        JSON.stringify({ time: at(2).slice(0, 10), surface: 'dm', counted: true, answered: true }),
        '{"half a line',
        line(at(0), 'today'),
        '',
      ].join('\n'),
    );
    const log = questionLog();
    expect(await log.prune()).toBe(2);
    expect(readFileSync(file(), 'utf8').split('\n')).toEqual([
      line(at(29.9), 'recent'),
      JSON.stringify({ time: at(2).slice(0, 10), surface: 'dm', counted: true, answered: true }),
      '{"half a line',
      line(at(0), 'today'),
      '',
    ]);
    expect(readdirSync(dataDir)).toEqual([QUESTIONS_FILE]);
  });

  it('loses no line appended while it rewrites a long file', async () => {
    const old = Array.from({ length: 5000 }, (_, i) => line(at(60 - i / 1000), `old ${i}`));
    const kept = Array.from({ length: 5000 }, (_, i) => line(at(10 - i / 1000), `kept ${i}`));
    writeFileSync(file(), `${[...old, ...kept].join('\n')}\n`);
    const log = questionLog();
    log.record('before', answerTo('q'), 'slash');
    const pruned = log.prune();
    // Questions keep arriving on every turn of the event loop while the rewrite reads and writes.
    let arriving = true;
    let sent = 0;
    const arrive = () => {
      if (!arriving) return;
      log.record(`during ${sent}`, answerTo('q'), 'slash');
      sent += 1;
      setImmediate(arrive);
    };
    arrive();
    expect(await pruned).toBe(5000);
    arriving = false;
    await log.flush();
    const questions = lines().map((record) => record.question);
    expect(sent).toBeGreaterThan(1);
    expect(questions).toEqual([
      ...kept.map((text) => JSON.parse(text).question),
      'before',
      ...Array.from({ length: sent }, (_, i) => `during ${i}`),
    ]);
  });

  it('runs at start and every 24 hours until stopped, on a timer that keeps no process alive', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = NOW;
    const log = questionLog({ days: 1 }, () => now);
    writeFileSync(file(), `${line(at(2), 'two days old')}\n${line(at(0.5), 'half a day old')}\n`);
    log.start();
    await log.flush();
    expect(lines().map((record) => record.question)).toEqual(['half a day old']);
    now = new Date(NOW.getTime() + DAY_MS);
    vi.advanceTimersByTime(DAY_MS);
    await log.flush();
    expect(lines()).toEqual([]);
    writeFileSync(file(), `${line(at(5), 'old')}\n`);
    await log.stop();
    vi.advanceTimersByTime(2 * DAY_MS);
    await log.flush();
    expect(lines()).toHaveLength(1);
  });

  it('does nothing, and logs nothing, when there is no file yet', async () => {
    const log = questionLog();
    expect(await log.prune()).toBe(0);
    expect(readdirSync(dataDir)).toEqual([]);
    expect(logs).toEqual([]);
  });
});

describe('questionLine', () => {
  const options = [
    { now: NOW, dms: false },
    { now: new Date('2026-01-02T03:04:05.678Z'), dms: true },
  ];
  it('is the JSON of questionRecord, for every surface, whether the answer is shared or not', () => {
    for (const surface of SURFACES) {
      for (const option of options) {
        for (const answer of [answerTo('q'), deepFreeze(answerTo('q'))]) {
          for (const question of ['Combien ?', 'Qui a dit "ça" \\ ici ?', 'Combien ?']) {
            expect(questionLine(question, answer, surface, option)).toBe(
              JSON.stringify(questionRecord(question, answer, surface, option)),
            );
          }
        }
      }
    }
  });
});
