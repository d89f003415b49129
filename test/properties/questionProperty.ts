/**
 * One property, two runners: `npm test` checks it on 10,000 generated questions and
 * `npm run fuzz` on 100,000 or more. A question goes the way every Discord surface sends one
 * (`askAbout`, then `renderAnswer`), and the payload must be safe to post whatever was typed.
 */
import { MessageFlags } from 'discord.js';
import fc from 'fast-check';
import type { Engine } from '../../src/core/engine.js';
import { createQuestionIndex } from '../../src/core/questionIndex.js';
import type { Answer, KnowledgeBase, Language } from '../../src/core/types.js';
import { parseCustomId, SURFACES, type Surface } from '../../src/discord/customIds.js';
import { askAbout, MAX_QUESTION_INPUT } from '../../src/discord/question.js';
import {
  type RenderContext,
  type ReplyPayload,
  renderAnswer,
  unescapeMarkdown,
} from '../../src/discord/render.js';
import { leaving } from '../../src/discord/respond.js';
import { limitViolations } from '../discord/limits.js';

/** How the generated text was built: reported by the fuzz run, so a skew shows. */
export const SHAPES = [
  'empty',
  'whitespace',
  'emoji',
  'punctuation',
  'invisible',
  'rtl',
  'discord-markup',
  'markdown',
  'unicode',
  'known-question',
  'mixed',
  'long',
] as const;
export type Shape = (typeof SHAPES)[number];

/** A question as a surface receives it: where from, whether the reply is private, the member's language. */
export interface QuestionCase {
  readonly question: string;
  readonly surface: Surface;
  readonly ephemeral: boolean;
  readonly fallbackLanguage: Language;
}

export interface GeneratedCase extends QuestionCase {
  readonly shape: Shape;
}

export interface QuestionContext extends RenderContext {
  readonly engine: Engine;
  /** Every source's text: where each quote must be found, verbatim. */
  readonly article: string;
}

export function createQuestionContext(engine: Engine): QuestionContext {
  const knowledge = engine.knowledge;
  return {
    engine,
    knowledge,
    questions: createQuestionIndex({ ...knowledge, facts: engine.facts }),
    article: knowledge.sources.map((source) => source.text).join('\n'),
  };
}

// ------------------------------------------------------------------------------------ generators

const SNOWFLAKE = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String);
const NAME = fc.stringMatching(/^\w{1,32}$/);

/** Mentions, mass mentions, timestamps, custom emoji, command mentions, and near misses of each. */
const discordMarkup = fc.oneof(
  SNOWFLAKE.map((id) => `<@${id}>`),
  SNOWFLAKE.map((id) => `<@!${id}>`),
  SNOWFLAKE.map((id) => `<@&${id}>`),
  SNOWFLAKE.map((id) => `<#${id}>`),
  fc.constantFrom('@everyone', '@here', '@everyone’s', '@@here', 'mail@here.com', '@Everyone', '@ everyone'),
  fc
    .tuple(fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 }), fc.constantFrom('', ...'tTdDfFR'))
    .map(([time, style]) => (style ? `<t:${time}:${style}>` : `<t:${time}>`)),
  fc.tuple(NAME, SNOWFLAKE).map(([name, id]) => `<:${name}:${id}>`),
  fc.tuple(NAME, SNOWFLAKE).map(([name, id]) => `<a:${name}:${id}>`),
  fc.tuple(NAME, SNOWFLAKE).map(([name, id]) => `</${name}:${id}>`),
  SNOWFLAKE.map((id) => `<@${id}`),
  SNOWFLAKE.map((id) => `<@ ${id}>`),
  fc.constantFrom('<@>', '<#>', '<t:>', '<:>', '< @1 >', '<<@1>@2>', '@every<@1>one'),
);

/** Markdown Discord would format: emphasis, headings, lists, quotes, code, masked links, escapes. */
const markdown = (word: fc.Arbitrary<string>) =>
  fc.oneof(
    word.chain((w) =>
      fc.constantFrom(
        `**${w}**`,
        `*${w}*`,
        `_${w}_`,
        `__${w}__`,
        `***${w}***`,
        `~~${w}~~`,
        `||${w}||`,
        `\`${w}\``,
        `# ${w}`,
        `## ${w}`,
        `### ${w}`,
        `-# ${w}`,
        `- ${w}`,
        `* ${w}`,
        `1. ${w}`,
        `42) ${w}`,
        `> ${w}`,
        `>>> ${w}`,
        `\`\`\`js\n${w}\n\`\`\``,
        `\`\`\`\n${w}`,
        `[${w}](https://evil.example/${w})`,
        `[${w}](<https://evil.example>)`,
        `[**${w}**](https://evil.example "title")`,
        `<https://evil.example/${w}>`,
        `https://evil.example/a_${w}_b`,
        `\\${w}`,
        `\\*${w}*`,
        `\\\\**${w}**`,
        `${w}\\`,
      ),
    ),
    fc.constantFrom('**', '__', '~~', '||', '`', '```', '\\', '#', '-', '>', '[', '](', ')'),
  );

const RTL_TEXT = [
  'ما هو المقال؟',
  'كم ستستثمر مايكروسوفت في اليابان؟',
  'مايكروسوفت',
  'מה כתוב במאמר?',
  'שלום',
  'مرحبا Microsoft',
  'יפן',
];
const BIDI_CONTROLS = [...'\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c'];
const rtl = fc.oneof(fc.constantFrom(...RTL_TEXT), fc.constantFrom(...BIDI_CONTROLS));

const ZERO_WIDTH = [...'\u200b\u200c\u200d\ufeff\u2060\u00ad\u180e'];
const CONTROL = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f), fc.integer({ min: 0x80, max: 0x9f }))
  .map((code) => String.fromCharCode(code));
const invisible = fc.oneof(CONTROL, fc.constantFrom(...ZERO_WIDTH));

const EMOJI = [
  '😀',
  '🤔',
  '❓',
  '🇯🇵',
  '🇫🇷',
  '👍🏽',
  '👩‍👩‍👧',
  '🏳️‍🌈',
  '1️⃣',
  '©️',
  '🧑🏿‍💻',
  '❤',
  '\u2764\ufe0f',
];
const emoji = fc.oneof(
  fc.constantFrom(...EMOJI),
  fc.integer({ min: 0x1f300, max: 0x1faff }).map((code) => String.fromCodePoint(code)),
);

const PUNCTUATION = [...'!?.,;:…«»"\'’()[]{}<>/\\|@#$%^&*-_=+~`¿¡。、？！・—–'];
const punctuation = fc.constantFrom(...PUNCTUATION);

const WHITESPACE = [...' \t\n\r\u000b\u000c\u00a0\u1680\u2000\u2003\u2009\u202f\u205f\u3000\u2028\u2029'];
const whitespace = fc.constantFrom(...WHITESPACE);

const LONE_SURROGATE = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const unicode = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.oneof(LONE_SURROGATE, fc.constantFrom('a', ' ', '😀')), maxLength: 20 }),
);

/** A slip of the keyboard: a letter dropped, doubled, swapped, replaced, or the case or accents lost. */
function typo(word: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.nat({ max: Math.max(0, word.length - 1) }),
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom(...'aeiouyéèçnrstlmqkx'),
    )
    .map(([at, kind, letter]) => {
      switch (kind) {
        case 0:
          return word.slice(0, at) + word.slice(at + 1);
        case 1:
          return word.slice(0, at + 1) + word.slice(at);
        case 2:
          return word.slice(0, at) + word.slice(at + 1, at + 2) + word.slice(at, at + 1) + word.slice(at + 2);
        case 3:
          return word.slice(0, at) + letter + word.slice(at + 1);
        case 4:
          return word.toUpperCase();
        case 5:
          return word.normalize('NFD').replace(/\p{M}/gu, '');
        default:
          return word;
      }
    });
}

/** Words and questions of the knowledge in both languages, and names the article never mentions. */
function vocabulary(knowledge: KnowledgeBase) {
  const split = (text: string) => text.split(/[\s,.;:!?«»()"]+/u).filter((word) => word.length > 0);
  const questions = knowledge.facts.flatMap((fact) => [...fact.questions.fr, ...fact.questions.en]);
  const words = [
    ...new Set([
      ...knowledge.sources.flatMap((source) => split(source.text)),
      ...questions.flatMap(split),
      ...knowledge.facts.flatMap((fact) => [...split(fact.answer.fr), ...split(fact.answer.en)]),
      ...knowledge.glossary.flatMap((concept) => [...concept.variants.fr, ...concept.variants.en]),
      ...['Tim Cook', 'Google', 'Paris', 'Macron', 'Apple', 'Elon Musk', 'Berlin', 'Amazon', 'Nvidia'],
    ]),
  ];
  return { questions, words };
}

const SEPARATORS = fc.oneof(
  { weight: 6, arbitrary: fc.constant(' ') },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: whitespace },
  { weight: 1, arbitrary: fc.constantFrom(...ZERO_WIDTH) },
);

/** Pieces joined by spaces, or glued, or split by odd whitespace and zero-width characters. */
function joined(piece: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(piece, SEPARATORS), { minLength: 1, maxLength })
    .map((parts) => parts.map(([text, separator]) => text + separator).join(''));
}

/** The generated question, tagged with how it was built. */
export function questionText(knowledge: KnowledgeBase): fc.Arbitrary<{ shape: Shape; question: string }> {
  const { questions, words } = vocabulary(knowledge);
  const word = fc.constantFrom(...words).chain((w) => fc.oneof(fc.constant(w), typo(w)));
  const knownQuestion = fc.constantFrom(...questions).chain((question) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(question) },
      { weight: 2, arbitrary: typo(question) },
      {
        weight: 1,
        arbitrary: fc
          .array(fc.constantFrom(...questions).chain(typo), { maxLength: 2 })
          .map((more) => [question, ...more].join(' ')),
      },
    ),
  );
  const noise = fc.oneof(
    discordMarkup,
    markdown(word),
    rtl,
    invisible,
    emoji,
    punctuation,
    whitespace,
    unicode,
  );
  const mixed = joined(
    fc.oneof(
      { weight: 4, arbitrary: word },
      { weight: 1, arbitrary: knownQuestion },
      { weight: 4, arbitrary: noise },
    ),
    30,
  );
  // A known question with noise around and inside it, so that many get answered.
  const noisyQuestion = fc
    .tuple(knownQuestion, fc.array(fc.tuple(fc.nat(), noise), { maxLength: 4 }))
    .map(([question, inserts]) =>
      inserts.reduce((text, [at, extra]) => {
        const i = at % (text.length + 1);
        return `${text.slice(0, i)}${extra}${text.slice(i)}`;
      }, question),
    );
  const LENGTHS = [
    MAX_QUESTION_INPUT - 1,
    MAX_QUESTION_INPUT,
    MAX_QUESTION_INPUT + 1,
    10_000,
    100_000,
    1_000_000,
  ];
  const long = fc
    .tuple(
      fc.oneof(mixed, noisyQuestion, fc.constant('a')),
      fc.constantFrom(...LENGTHS),
      fc.boolean(),
      knownQuestion,
    )
    .map(([base, length, questionFirst, question]) => {
      const filler = base.repeat(Math.ceil(length / Math.max(1, base.length))).slice(0, length);
      return questionFirst ? `${question} ${filler}` : filler;
    });
  const only = (shape: Shape, piece: fc.Arbitrary<string>) =>
    joined(piece, 12).map((question) => ({ shape, question }));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({ shape: 'empty' as const, question: '' }) },
    { weight: 1, arbitrary: only('whitespace', whitespace) },
    { weight: 1, arbitrary: only('emoji', emoji) },
    { weight: 1, arbitrary: only('punctuation', punctuation) },
    { weight: 1, arbitrary: only('invisible', invisible) },
    { weight: 1, arbitrary: only('rtl', rtl) },
    { weight: 2, arbitrary: only('discord-markup', discordMarkup) },
    { weight: 2, arbitrary: only('markdown', markdown(word)) },
    { weight: 2, arbitrary: unicode.map((question) => ({ shape: 'unicode' as const, question })) },
    {
      weight: 6,
      arbitrary: noisyQuestion.map((question) => ({ shape: 'known-question' as const, question })),
    },
    { weight: 6, arbitrary: mixed.map((question) => ({ shape: 'mixed' as const, question })) },
    { weight: 2, arbitrary: long.map((question) => ({ shape: 'long' as const, question })) },
  );
}

/** A question, the surface it came through, whether the reply is private, and the member's language. */
export function questionCase(knowledge: KnowledgeBase): fc.Arbitrary<GeneratedCase> {
  return fc
    .tuple(
      questionText(knowledge),
      fc.constantFrom(...SURFACES),
      fc.boolean(),
      fc.constantFrom<Language>('fr', 'en'),
    )
    .map(([{ shape, question }, surface, ephemeral, fallbackLanguage]) => ({
      shape,
      question,
      surface,
      ephemeral,
      fallbackLanguage,
    }));
}

// -------------------------------------------------------------------------------------- property

/** What a surface does with a question: ask the engine the Discord way, render the reply. */
export function answerCase(
  input: QuestionCase,
  context: QuestionContext,
): { answer: Answer; payload: ReplyPayload } {
  const answer = askAbout(input.question, input.fallbackLanguage, input.surface, context);
  const payload = leaving(renderAnswer(answer, { surface: input.surface }, context), input.ephemeral);
  return { answer, payload };
}

/** A ping Discord would honour if mentions were allowed: users, roles, @everyone and @here. */
const RAW_MENTION = /<@[!&]?\d+>|@everyone|@here/;

/**
 * Markdown that would still format in one line of escaped text: a mark of emphasis, code,
 * strikethrough, spoiler or masked link that no backslash escapes, or a heading or list at its start.
 */
export function activeMarkdown(text: string): string | null {
  const inert = text.replace(/\\[^\sA-Za-z0-9]/g, '·');
  const found = /[*_`]|~~|\|\||\[[^\]]*\]\(/.exec(inert) ?? /^(?:#{1,3} |[-*] |\d+\. )/.exec(inert);
  return found ? found[0] : null;
}

function textsOf(payload: ReplyPayload): string[] {
  return [
    payload.content ?? '',
    ...payload.embeds.flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      embed.author?.name ?? '',
      embed.footer?.text ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ]),
    ...payload.components.flatMap((row) =>
      row.components.flatMap((component) => [
        'label' in component ? (component.label ?? '') : '',
        'placeholder' in component ? (component.placeholder ?? '') : '',
        ...('options' in component
          ? component.options.flatMap((option) => [option.label, option.value])
          : []),
      ]),
    ),
  ];
}

/** Throws `message` unless `condition` holds: cheap enough to run on every generated question. */
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

const show = (text: string) => JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text);

/**
 * Throws, naming what is wrong, unless the reply is safe to post: within Discord's limits, pinging
 * nobody, the question echoed escaped on one line (and the answer text escaped), components
 * carrying only ids this bot reads back, and each quote of an answer verbatim from the article.
 */
export function checkAnswer(
  input: QuestionCase,
  { answer, payload }: { answer: Answer; payload: ReplyPayload },
  context: QuestionContext,
): void {
  check(
    answer.question.length <= MAX_QUESTION_INPUT,
    () => `the engine was given ${answer.question.length} characters`,
  );
  const violations = limitViolations(payload);
  check(violations.length === 0, () => `over Discord's limits: ${violations.join('; ')}`);
  const { parse, repliedUser } = payload.allowedMentions;
  check(parse.length === 0 && repliedUser === false, () => 'allowedMentions lets someone be pinged');
  check(
    payload.flags === (input.ephemeral ? MessageFlags.Ephemeral : undefined),
    () => `flags ${payload.flags} for ephemeral ${input.ephemeral}`,
  );
  for (const text of textsOf(payload))
    check(!RAW_MENTION.test(text), () => `a live mention in ${show(text)}`);

  const embed = payload.embeds[0];
  check(embed !== undefined, () => 'no embed');
  const title = embed?.title ?? '';
  check(
    !/[\p{Cc}\u2028\u2029]/u.test(title),
    () => `a control character or line break in the title ${show(title)}`,
  );
  // The title echoes the question; the description may name what it asked about.
  for (const text of [title, embed?.description ?? '']) {
    const active = activeMarkdown(text);
    check(active === null, () => `unescaped ${show(active ?? '')} in ${show(text)}`);
  }
  for (const row of payload.components) {
    for (const component of row.components) {
      if ('custom_id' in component) {
        const id = component.custom_id;
        check(parseCustomId(id) !== null, () => `a custom_id this bot cannot read back: ${show(id)}`);
      }
    }
  }

  if (answer.answered) {
    // Each field shows its citation's quote, which is verbatim in the article.
    const fields = embed?.fields ?? [];
    check(fields.length > 0, () => 'an answer with no quote');
    answer.citations.slice(0, fields.length).forEach((citation, i) => {
      check(
        context.article.includes(citation.quote),
        () => `quote not in the article: ${show(citation.quote)}`,
      );
      const shown = unescapeMarkdown(fields[i]?.value ?? '');
      check(
        shown === `> ${citation.quote}`,
        () => `field ${i} shows ${show(shown)}, not ${show(citation.quote)}`,
      );
    });
  } else {
    check(answer.reason !== null, () => 'a refusal with no reason');
    check(answer.citations.length === 0, () => 'a refusal that cites the article');
  }
}

/** The property: one generated question answered as Discord would, and checked. */
export function checkQuestion(input: QuestionCase, context: QuestionContext): Answer {
  const result = answerCase(input, context);
  checkAnswer(input, result, context);
  return result.answer;
}
