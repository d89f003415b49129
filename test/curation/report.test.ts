import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/bootstrap.js';
import type { Engine } from '../../src/core/engine.js';
import { renderReportHtml } from '../../src/curation/html.js';
import { type LoggedQuestion, parseQuestionLines, parseVoteLines } from '../../src/curation/lines.js';
import { buildReport, type CurationReport, normaliseQuestion } from '../../src/curation/report.js';
import { renderReportText, TEXT_LIMIT } from '../../src/curation/text.js';
import { CITED_FACTS, type GeneratedLog, GROUPS, type GroupSpec, generateLog } from './generateLog.js';

const NOW = new Date('2025-06-15T12:00:00.000Z');
const DAY_MS = 86_400_000;
const COUNT = 3000;

let engine: Engine;
let log: GeneratedLog;
let questions: LoggedQuestion[];
let report: CurationReport;

beforeAll(() => {
  engine = loadEngine();
  log = generateLog({ seed: 20250615, count: COUNT, now: NOW });
  const parsed = parseQuestionLines(log.questionsJsonl);
  expect(parsed.skipped).toBe(log.damaged);
  questions = parsed.records;
  report = buildReport({ questions, votes: parseVoteLines(log.feedbackJsonl).records, engine, now: NOW });
});

/** How many questions of `group` the generator wrote with their text (DMs are only counted). */
const written = (group: GroupSpec, since = 0) =>
  log.asked.filter((q) => q.group === group && !q.counted && q.at >= since).length;
const spec = (id: string) => GROUPS.find((group) => group.id === id) as GroupSpec;

describe('normaliseQuestion', () => {
  it('groups spellings that differ only in case, accents, punctuation and function words', () => {
    expect(normaliseQuestion('Quel âge a Kishida ?')).toBe('quel age kishida');
    expect(normaliseQuestion('quel age a kishida')).toBe('quel age kishida');
    expect(normaliseQuestion('Who is the boss of Microsoft?')).toBe(
      normaliseQuestion('who is the boss of microsoft ?'),
    );
    expect(normaliseQuestion('Hello!')).toBe('hello');
  });
});

describe('the report over a generated month of questions', () => {
  it('reads every line the bot wrote and skips the damaged ones', () => {
    expect(questions).toHaveLength(COUNT);
    expect(report.totals.questions).toBe(COUNT);
    const answered = log.asked.filter((q) => q.group.outcome.answered).length;
    expect(report.totals).toMatchObject({
      answered,
      refused: COUNT - answered,
      countedOnly: log.asked.filter((q) => q.counted).length,
      votesUp: log.votes.filter((v) => v.vote === 'up').length,
      votesDown: log.votes.filter((v) => v.vote === 'down').length,
    });
    expect(report.totals.countedOnly).toBeGreaterThan(200);
    expect(Object.values(report.bySurface).reduce((a, b) => a + b, 0)).toBe(COUNT);
  });

  it('groups refusals by form, most asked first, with exact counts and spellings', () => {
    const expected = GROUPS.filter((group) => !group.outcome.answered)
      .map((group) => ({ form: group.form, count: written(group) }))
      .sort((a, b) => b.count - a.count);
    expect(report.refused.map(({ form, count }) => ({ form, count }))).toEqual(expected);
    const [top] = report.refused;
    expect(top).toMatchObject({
      form: 'combien gpu',
      count: written(spec('gpu')),
      spellings: 4,
      factId: null,
      reasons: { 'not-in-article': written(spec('gpu')) },
    });
  });

  it('puts a group with something to do before an off-topic one asked as often', () => {
    const line = (question: string): LoggedQuestion => ({
      at: NOW.getTime(),
      day: '2025-06-15',
      surface: 'slash',
      counted: false,
      question,
      answered: false,
      reason: 'not-in-article',
      confidence: 0,
      hedged: false,
      factIds: [],
    });
    const tied = buildReport({
      questions: [line('Bonjour'), line('Combien de GPU ?')],
      votes: [],
      engine,
      now: NOW,
    });
    expect(tied.refused.map((group) => [group.form, group.advice.kind])).toEqual([
      ['combien gpu', 'alternate'],
      ['bonjour', 'off-topic'],
    ]);
  });

  it('advises per refused group: an alternate, a glossary variant, or nothing', () => {
    const adviceOf = (form: string) => report.refused.find((group) => group.form === form)?.advice;
    expect(adviceOf('combien gpu')).toEqual({ kind: 'alternate', factId: 'next-gen-gpus' });
    expect(adviceOf('who boss microsoft')).toEqual({
      kind: 'glossary',
      word: 'boss',
      factId: 'brad-smith-president',
    });
    expect(adviceOf('quel temps fera paris')).toEqual({ kind: 'off-topic', names: ['Paris'] });
    expect(adviceOf('quel cours action microsoft')).toEqual({ kind: 'off-topic', names: [] });
    expect(adviceOf('hello')).toEqual({ kind: 'off-topic', names: [] });
  });

  it('groups low-confidence answers with the fact they were answered from', () => {
    expect(report.lowConfidence).toEqual([
      expect.objectContaining({
        form: 'quel age kishida',
        factId: 'ai-opportunity-ageing-population',
        count: written(spec('age')),
        spellings: 3,
        advice: { kind: 'confirm', factId: 'ai-opportunity-ageing-population' },
      }),
      expect.objectContaining({
        form: 'combien coute azure',
        factId: 'investment-amount',
        count: written(spec('azure')),
      }),
    ]);
    expect(report.totals.lowConfidence).toBe(written(spec('age')) + written(spec('azure')));
  });

  it('lists answers voted down with their facts, most down-votes first', () => {
    const votesOf = (group: GroupSpec, vote: 'up' | 'down') =>
      log.votes.filter((v) => v.group === group && v.vote === vote).length;
    // Most down-votes first; among equals, the fewest up-votes.
    const expected = GROUPS.filter((group) => votesOf(group, 'down') > 0).sort(
      (a, b) => votesOf(b, 'down') - votesOf(a, 'down') || votesOf(a, 'up') - votesOf(b, 'up'),
    );
    expect(report.downVoted.map(({ factIds, down, up }) => ({ factIds, down, up }))).toEqual(
      expected.map((group) => ({
        factIds: group.outcome.factIds,
        down: votesOf(group, 'down'),
        up: votesOf(group, 'up'),
      })),
    );
    expect(report.downVoted[0]).toMatchObject({
      form: 'quel age kishida',
      factIds: ['ai-opportunity-ageing-population', 'kishida-collaboration-important'],
      down: votesOf(spec('age'), 'down'),
      up: 0,
    });
    expect(report.downVoted.reduce((sum, answer) => sum + answer.down, 0)).toBe(report.totals.votesDown);
  });

  it('names the facts no answer cited', () => {
    const all = engine.knowledge.facts.map((fact) => fact.id);
    expect(report.neverAsked).toEqual(all.filter((id) => !CITED_FACTS.has(id)));
    expect(report.neverAsked).toHaveLength(all.length - CITED_FACTS.size);
  });

  it('counts answered and refused questions for each of the 31 days, DMs included', () => {
    expect(report.perDay.map((d) => d.day)).toEqual(
      Array.from({ length: 31 }, (_, i) =>
        new Date(NOW.getTime() - (30 - i) * DAY_MS).toISOString().slice(0, 10),
      ),
    );
    for (const day of report.perDay) {
      const ofDay = log.asked.filter((q) => new Date(q.at).toISOString().slice(0, 10) === day.day);
      expect(day).toEqual({
        day: day.day,
        answered: ofDay.filter((q) => q.group.outcome.answered).length,
        refused: ofDay.filter((q) => !q.group.outcome.answered).length,
      });
    }
  });

  it('reads only the window asked for', () => {
    const week = buildReport({ questions, votes: [], engine, now: NOW, sinceMs: 7 * DAY_MS });
    const since = NOW.getTime() - 7 * DAY_MS;
    const sinceDay = Date.parse(new Date(since).toISOString().slice(0, 10));
    const inWeek = log.asked.filter((q) => (q.counted ? q.at >= sinceDay : q.at >= since)).length;
    expect(week.totals.questions).toBe(inWeek);
    expect(week.since).toBe(new Date(since).toISOString());
    expect(week.perDay).toHaveLength(8);
    expect(week.refused.find((group) => group.form === 'combien gpu')?.count).toBe(
      written(spec('gpu'), since),
    );
  });

  it('prints the sections in order, each group with its advice, at most TEXT_LIMIT a section', () => {
    const text = renderReportText(report);
    const headings = [
      'Refused questions',
      'Low-confidence answers',
      'Answers voted down',
      'Facts never asked',
      'Answered per day',
    ];
    const positions = headings.map((heading) => text.indexOf(heading));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const top = report.refused[0];
    expect(spec('gpu').spellings).toContain(top?.question);
    expect(text).toContain(
      `${written(spec('gpu'))} × ${JSON.stringify(top?.question)}  (4 spellings; not-in-article)`,
    );
    expect(text).toContain('→ add it as an alternate question to fact next-gen-gpus');
    expect(text).toContain('→ add a glossary variant for "boss"');
    expect(text).toContain('→ nothing: off-topic (the article never mentions Paris)');
    const [first] = report.refused;
    if (!first) throw new Error('no refused group');
    const many = { ...report, refused: Array.from({ length: 40 }, (_, i) => ({ ...first, form: `${i}` })) };
    expect(renderReportText(many)).toContain(`… ${40 - TEXT_LIMIT} more`);
  });

  it('draws one self-contained page with a bar pair per day and every question escaped', () => {
    const hostile = '<script>alert(1)</script> "quoted" & <img src=x onerror=alert(2)>';
    const withHostile = buildReport({
      questions: [
        ...questions,
        {
          at: NOW.getTime(),
          day: '2025-06-15',
          surface: 'slash',
          counted: false,
          question: hostile,
          answered: false,
          reason: 'not-in-article',
          confidence: 0,
          hedged: false,
          factIds: [],
        },
      ],
      votes: [
        {
          at: NOW.getTime(),
          vote: 'down',
          surface: 'slash',
          question: hostile,
          factIds: ['investment-amount'],
        },
      ],
      engine,
      now: NOW,
    });
    const html = renderReportHtml(withHostile);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    // Every tag of the page is one the renderer writes: no script, image, link or external file.
    const tags = new Set(
      [...html.matchAll(/<\/?([a-z!][a-z0-9]*)/gi)].map((match) => match[1]?.toLowerCase()),
    );
    expect([...tags].sort()).toEqual([
      '!doctype',
      'body',
      'br',
      'h1',
      'h2',
      'head',
      'html',
      'meta',
      'p',
      'rect',
      'span',
      'style',
      'svg',
      'table',
      'td',
      'text',
      'th',
      'title',
      'tr',
    ]);
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html.match(/<rect class="answered"/g)).toHaveLength(report.perDay.length);
    expect(html.match(/<rect class="refused"/g)).toHaveLength(report.perDay.length);
  });
});
