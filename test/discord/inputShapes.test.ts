import { describe, expect, it } from 'vitest';
import type { Answer, Language } from '../../src/core/types.js';
import { SURFACES } from '../../src/discord/customIds.js';
import { askAbout, MAX_QUESTION_INPUT } from '../../src/discord/question.js';
import { LIMITS, type ReplyPayload, unescapeMarkdown } from '../../src/discord/render.js';
import { answerCase, checkQuestion, createQuestionContext } from '../properties/questionProperty.js';
import { engine } from './harness.js';

const context = createQuestionContext(engine());
const QUESTION = 'Combien Microsoft va-t-il investir au Japon ?';
const CONTROL = `${Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join('')}\u007f`;
const ZERO_WIDTH = '\u200b\u200d\ufeff\u2060';

/**
 * Asks as every surface does, private or not, in either member language, and checks each reply
 * as the property does (limits, no ping, escaped echo, verbatim quotes). Returns the slash reply.
 */
function askEverywhere(question: string): { answer: Answer; payload: ReplyPayload } {
  for (const surface of SURFACES) {
    for (const ephemeral of [false, true]) {
      for (const fallbackLanguage of ['fr', 'en'] as Language[]) {
        checkQuestion({ question, surface, ephemeral, fallbackLanguage }, context);
      }
    }
  }
  return answerCase({ question, surface: 'slash', ephemeral: false, fallbackLanguage: 'fr' }, context);
}

const titleOf = (payload: ReplyPayload) => payload.embeds[0]?.title;
const clean = askEverywhere(QUESTION);

describe('a question with nothing to ask', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', ' \t\n\r\u000b\u000c\u00a0\u2003\u3000\u2028 '],
    ['emoji only', '😀🤔 👩‍👩‍👧 🇯🇵 <:pepe:123456789012345678>'],
    ['punctuation only', '?!... ¿¡ «» --- *** ### ```'],
    ['control characters only', CONTROL],
    ['zero-width characters only', ZERO_WIDTH],
    ['mentions only', '<@123456789012345678> <@!42> <@&42> <#42> @everyone @here'],
  ])('gets help and suggestions, with nothing to vote on: %s', (_, question) => {
    const { answer, payload } = askEverywhere(question);
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('empty');
    expect(payload.embeds[0]?.description?.length).toBeGreaterThan(0);
    expect(payload.components.flatMap((row) => row.components).some((c) => 'custom_id' in c)).toBe(true);
    expect(JSON.stringify(payload.components)).not.toContain('vote:');
  });
});

describe('a real question wrapped in noise', () => {
  it.each([
    ['control characters around it', `\u0000${QUESTION}\u0007\u001b\u007f`],
    ['zero-width characters between its words', `\u200b${QUESTION.replaceAll(' ', ` ${ZERO_WIDTH}`)}\ufeff`],
    ['a right-to-left override around it', `\u202e${QUESTION}\u202c`],
    ['mentions of users, roles and channels', `<@123456789012345678> <@!42> <@&42> <#42> ${QUESTION}`],
    ['@everyone and @here', `@everyone ${QUESTION} @here`],
    ['timestamps and custom emoji', `<t:1700000000:R> ${QUESTION} <t:1700000000> <:pepe:1> <a:dance:2>`],
    ['bold markdown', `**${QUESTION}**`],
    ['a heading', `# ${QUESTION}`],
    ['a quote', `> ${QUESTION}`],
  ])('is answered as the bare question is: %s', (_, question) => {
    const { answer } = askEverywhere(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations).toEqual(clean.answer.citations);
  });
});

describe('the question echoed in the title', () => {
  it.each([
    ['markdown emphasis', '**gras** *it* __souligné__ ~~barré~~ ||spoiler|| `code`'],
    ['headings and lists', '# titre\n- liste\n1. liste\n> citation'],
    ['backslashes', '\\*pas gras\\* \\\\**gras**'],
  ])('is escaped, on one line, and reads back as typed: %s', (_, question) => {
    const { payload } = askEverywhere(question);
    const title = titleOf(payload) ?? '';
    expect(title).not.toBe(question);
    expect(unescapeMarkdown(title)).toBe(question.replace(/\s+/g, ' '));
  });

  it.each([
    ['a code fence', '```js\ncombien Microsoft investit\n```', 'combien Microsoft investit'],
    [
      'masked links, two on a line',
      '[Microsoft](https://evil.example) et [](https://evil.example/2) ?',
      'Microsoft et ?',
    ],
    ['a bare link', 'combien https://evil.example/x?y=1 investit Microsoft', 'combien investit Microsoft'],
  ])('keeps the words but not the link or the fence: %s', (_, question, words) => {
    const { payload } = askEverywhere(question);
    const title = titleOf(payload) ?? '';
    expect(unescapeMarkdown(title)).toBe(words);
    expect(title).not.toMatch(/https?:|```/);
  });

  it('keeps right-to-left text and its direction marks as typed', () => {
    const question = 'كم ستستثمر مايكروسوفت في اليابان؟ \u202eמה כתוב במאמר?\u202c';
    const { answer, payload } = askEverywhere(question);
    expect(answer.answered).toBe(false);
    expect(titleOf(payload)).toBe(question);
  });

  it.each([
    ['<@id>', '<@123456789012345678>'],
    ['<@!id>', '<@!123456789012345678>'],
    ['<@&id>', '<@&123456789012345678>'],
    ['<#id>', '<#123456789012345678>'],
    ['@everyone', '@everyone'],
    ['@here', '@here'],
    ['<t:…>', '<t:1700000000:R>'],
    ['<:name:id>', '<:pepe:123456789012345678>'],
    ['<a:name:id>', '<a:dance:123456789012345678>'],
  ])('leaves out Discord markup: %s', (_, markup) => {
    const { payload } = askEverywhere(`qui est ${markup} Kishida ${markup}?`);
    expect(titleOf(payload)).toBe('qui est Kishida ?');
  });

  it('breaks a mass mention glued to a word, which is not stripped', () => {
    const { payload } = askEverywhere('qui est Kishida@everyone ?');
    expect(titleOf(payload)).toBe('qui est Kishida@\u200beveryone ?');
  });
});

describe('a very long question', () => {
  it.each([10_000, 1_000_000])('of %i characters is cut, answered or refused cleanly', (length) => {
    const question = `${QUESTION} ${'blabla '.repeat(length / 7)}`.slice(0, length);
    const { answer, payload } = askEverywhere(question);
    expect(answer.question.length).toBeLessThanOrEqual(MAX_QUESTION_INPUT);
    expect(titleOf(payload)?.length).toBeLessThanOrEqual(LIMITS.title);
    expect(titleOf(payload)).toMatch(/^Combien Microsoft .*…$/);
  });

  it('gets the same reply whatever follows its first MAX_QUESTION_INPUT characters', () => {
    // What lies past the cap differs in every way: markup, names the article lacks, length.
    const head = `${QUESTION} ${'et '.repeat(MAX_QUESTION_INPUT)}`.slice(0, MAX_QUESTION_INPUT);
    const tails = [
      '<@123456789012345678> @everyone '.repeat(40_000),
      ' Tim Cook Google Paris'.repeat(50_000),
      `${'\u202e😀'.repeat(300_000)}`,
    ];
    const replies = tails.map((tail) => {
      const { answer, payload } = answerCase(
        { question: head + tail, surface: 'mention', ephemeral: false, fallbackLanguage: 'en' },
        context,
      );
      return { answer, payload };
    });
    for (const reply of replies.slice(1)) expect(reply).toEqual(replies[0]);
    expect(replies[0]?.answer).toEqual(askAbout(head, 'en', 'mention', context));
  });
});
