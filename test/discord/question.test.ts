import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/types.js';
import { askAbout, MAX_QUESTION_INPUT, stripDiscordMarkup } from '../../src/discord/question.js';
import { BotMetrics } from '../../src/http/metrics.js';
import { sampleValue } from '../http/prometheus.js';

describe('stripDiscordMarkup', () => {
  it('removes mentions of users, roles and channels, and the mass mentions', () => {
    expect(
      stripDiscordMarkup('<@123456789012345678> <@!42> <@&987> <#555> @everyone @here qui est Kishida ?'),
    ).toBe('qui est Kishida ?');
  });

  it('removes custom emoji, timestamps and command mentions, and keeps ordinary text', () => {
    expect(
      stripDiscordMarkup('combien <:pepe:1234> <a:dance:99> investit <t:1700000000:R> Microsoft </ask:42> ?'),
    ).toBe('combien investit Microsoft ?');
    expect(stripDiscordMarkup('email me@here.com, 2 < 3 > 1, <not a tag>')).toBe(
      'email me@here.com, 2 < 3 > 1, <not a tag>',
    );
  });

  it('keeps the text of masked links and drops bare links and code-fence tags', () => {
    expect(stripDiscordMarkup('Qui est [Brad Smith](https://example.com/brad "bio") ?')).toBe(
      'Qui est Brad Smith ?',
    );
    expect(
      stripDiscordMarkup('Qui est Brad Smith ? https://www.nhk.or.jp/news/123 <https://x.example>'),
    ).toBe('Qui est Brad Smith ?');
    expect(stripDiscordMarkup('```js\nQui est Brad Smith ?\n```')).toBe('Qui est Brad Smith ?');
    expect(stripDiscordMarkup('[](https://evil.example) [a [b] c](x)')).toBe('[a [b] c](x)');
  });

  it('leaves nothing of a message made only of markup', () => {
    expect(stripDiscordMarkup(' <@1> <:x:2> @everyone ')).toBe('');
  });
});

describe('reading a long question', () => {
  /** An engine that records what it was asked and refuses everything. */
  function recordingEngine() {
    const asked: string[] = [];
    const ask = (question: string): Answer => {
      asked.push(question);
      return {
        question,
        answered: false,
        text: '',
        language: 'fr',
        confidence: 0,
        citations: [],
        suggestions: [],
        reason: 'empty',
        unknownEntity: null,
        hedged: false,
        answerType: null,
        premises: [],
        article: null,
        searched: [],
      };
    };
    return { asked, engine: { ask } };
  }

  it('hands the engine at most MAX_QUESTION_INPUT characters of a million', () => {
    const { asked, engine } = recordingEngine();
    askAbout(`qui est Kishida ? ${'x '.repeat(500_000)}`, 'fr', 'slash', { engine });
    expect(asked).toHaveLength(1);
    expect(asked[0]?.startsWith('qui est Kishida ?')).toBe(true);
    expect(asked[0]?.length).toBeLessThanOrEqual(MAX_QUESTION_INPUT);
  });

  it('notes the question as the engine read it in the log, and counts it by surface, once each', async () => {
    const { asked, engine } = recordingEngine();
    const recorded: Array<[string, string]> = [];
    const questionLog = {
      record: (question: string, _answer: Answer, surface: string) => recorded.push([question, surface]),
    };
    const metrics = new BotMetrics();

    const answer = askAbout('<@123456789012345678> qui est Kishida ?', 'fr', 'dm', {
      engine,
      questionLog,
      metrics,
    });

    expect(recorded).toEqual([['qui est Kishida ?', 'dm']]);
    expect(asked).toEqual(['qui est Kishida ?']);
    const exposition = await metrics.registry.metrics();
    expect(
      sampleValue(exposition, 'questions_total', {
        surface: 'dm',
        outcome: answer.reason ?? '',
        language: 'fr',
      }),
    ).toBe(1);
  });

  it('cuts the text before stripping markup, so markup past the cap is never read', () => {
    // A mention that straddles the cap is cut in two: what is left is not a mention, and stays.
    const question = `${'a'.repeat(MAX_QUESTION_INPUT - 6)} <@123456789012345678> tail`;
    expect(stripDiscordMarkup(question)).toBe(`${'a'.repeat(MAX_QUESTION_INPUT - 6)} <@123`);
  });

  it('never cuts an emoji in half at the cap', () => {
    const stripped = stripDiscordMarkup(`${'a'.repeat(MAX_QUESTION_INPUT - 1)}😀😀`);
    expect(stripped).toBe('a'.repeat(MAX_QUESTION_INPUT - 1));
  });
});
