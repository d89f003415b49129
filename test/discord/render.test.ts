import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/bootstrap.js';
import type { Engine } from '../../src/core/engine.js';
import { createQuestionIndex, type QuestionIndex } from '../../src/core/questionIndex.js';
import type { Answer } from '../../src/core/types.js';
import { MAX_CUSTOM_ID, parseCustomId } from '../../src/discord/customIds.js';
import {
  escapeUserText,
  fitEmbeds,
  LIMITS,
  type RenderContext,
  type ReplyPayload,
  renderAnswer,
  renderReload,
  truncateAtWord,
  unescapeMarkdown,
} from '../../src/discord/render.js';
import { renderAbout, renderHelp } from '../../src/discord/renderAbout.js';
import { leaving } from '../../src/discord/respond.js';
import { assertWithinLimits } from './limits.js';

let engine: Engine;
let questions: QuestionIndex;
let context: RenderContext;

beforeAll(() => {
  engine = loadEngine();
  questions = createQuestionIndex({ ...engine.knowledge, facts: engine.facts });
  context = { knowledge: engine.knowledge, questions };
});

/** An answer rendered, as it leaves for Discord. */
function render(question: string, ephemeral = false): { answer: Answer; payload: ReplyPayload } {
  const answer = engine.ask(question, { maxSuggestions: 5 });
  return { answer, payload: leaving(renderAnswer(answer, { surface: 'slash' }, context), ephemeral) };
}

describe('truncateAtWord', () => {
  it('returns short text unchanged', () => {
    expect(truncateAtWord('deux mots', 20)).toBe('deux mots');
  });
  it('cuts at a word boundary and marks the cut', () => {
    const cut = truncateAtWord('Microsoft investira au Japon cette année', 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toBe('Microsoft investira…');
  });
  it('never splits an emoji or leaves an escaping backslash before the ellipsis', () => {
    expect(truncateAtWord('aaaa😀😀😀😀', 6)).not.toMatch(/[\uD800-\uDBFF]…$/);
    expect(truncateAtWord('abcd\\*efgh', 6)).toBe('abcd…');
  });
});

describe('escapeUserText', () => {
  it('neutralises markdown, headings, lists and masked links', () => {
    const escaped = escapeUserText('# Title\n- item\n1. one\n**bold** [click](https://evil.example) `code`');
    expect(escaped).not.toMatch(/(^|[^\\])\*\*/);
    expect(escaped).toContain('\\#');
    expect(escaped).toContain('\\[click]');
    expect(escaped).not.toContain('\n');
  });
  it('neutralises every masked link of a line, not only the first', () => {
    const escaped = escapeUserText('[a](https://x.example) [b](https://evil.example)[c](<https://y>)');
    expect(escaped).toBe('\\[a](https://x.example) \\[b](https://evil.example)\\[c](<https://y>)');
    expect(escapeUserText('\\[b](https://evil.example)')).toBe('\\\\\\[b](https://evil.example)');
  });
  it('escapes every mark of a run, where discord.js left one live', () => {
    // "````" kept a live "`" each side, which made inline code; "****" a live "*", italics.
    expect(escapeUserText('```` x ````')).toBe('\\`\\`\\`\\` x \\`\\`\\`\\`');
    expect(escapeUserText('a****b c****d')).toBe('a\\*\\*\\*\\*b c\\*\\*\\*\\*d');
    expect(escapeUserText('~~~ |||')).toBe('\\~\\~\\~ \\|\\|\\|');
  });
  it('is reversed by unescapeMarkdown for what a vote records', () => {
    const text = 'Why **so** _much_ ~~money~~ [here](x) @everyone?';
    expect(unescapeMarkdown(escapeUserText(text))).toBe(text);
  });
});

describe('renderAnswer', () => {
  it('cites the verbatim quote with its place in the article and the source', () => {
    const { answer, payload } = render('Combien Microsoft va-t-il investir au Japon ?');
    expect(answer.answered).toBe(true);
    const [embed] = payload.embeds;
    const citation = answer.citations[0];
    expect(embed?.title).toBe('Combien Microsoft va-t-il investir au Japon ?');
    expect(embed?.description).toContain('2,9 milliards');
    expect(embed?.fields?.[0]?.name).toBe(`§${citation?.paragraph}, phrase ${citation?.sentence}`);
    expect(embed?.fields?.[0]?.value).toContain(citation?.quote);
    expect(embed?.footer?.text).toContain(engine.knowledge.sources[0]?.title);
    expect(embed?.footer?.text).toMatch(/confiance [●○]{3}/);
  });

  it('labels the place in English for an English question', () => {
    const { payload } = render('How much will Microsoft invest in Japan?');
    expect(payload.embeds[0]?.fields?.[0]?.name).toMatch(/^¶\d+, sentence \d+$/);
  });

  it('never pings anyone and is ephemeral only when asked', () => {
    expect(render('Qui est Brad Smith ?').payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(render('Qui est Brad Smith ?').payload.flags).toBeUndefined();
    expect(render('Qui est Brad Smith ?', true).payload.flags).toBe(MessageFlags.Ephemeral);
  });

  it('offers related questions in a select and two vote buttons with safe custom ids', () => {
    const { answer, payload } = render('Qui est Brad Smith ?');
    const [selectRow, voteRow] = payload.components;
    const select = selectRow?.components[0];
    expect(select?.type).toBe(ComponentType.StringSelect);
    if (select?.type !== ComponentType.StringSelect) return;
    expect(select.options.length).toBeGreaterThan(0);
    expect(select.options.length).toBeLessThanOrEqual(5);
    for (const option of select.options) expect(questions.byKey(option.value)).toBeDefined();
    const buttons = voteRow?.components ?? [];
    expect(buttons.map((button) => button.type)).toEqual([ComponentType.Button, ComponentType.Button]);
    for (const button of buttons) {
      if (button.type !== ComponentType.Button || button.style === ButtonStyle.Link) continue;
      if (button.style === ButtonStyle.Premium) continue;
      expect(button.custom_id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
      const action = parseCustomId(button.custom_id);
      expect(action?.kind === 'vote' && action.factIds[0]).toBe(answer.citations[0]?.factId);
    }
  });

  it('renders a refusal that names the unknown entity and suggests questions', () => {
    const { answer, payload } = render('What did Google announce in Paris?');
    expect(answer.answered).toBe(false);
    const [embed] = payload.embeds;
    expect(embed?.author?.name).toBe('Not in the article');
    expect(embed?.fields ?? []).toEqual([]);
    for (const name of answer.unknownEntity?.split(', ') ?? []) expect(embed?.description).toContain(name);
    expect(embed?.footer?.text).toBe(`Article searched: ${engine.knowledge.sources[0]?.title}`);
    const select = payload.components[0]?.components[0];
    expect(select?.type).toBe(ComponentType.StringSelect);
  });

  it('shows each quote when the answer draws on several facts', () => {
    const { answer, payload } = render('Quelles installations Microsoft va-t-il agrandir ?');
    expect(answer.citations.length).toBeGreaterThan(1);
    const fields = payload.embeds[0]?.fields ?? [];
    expect(fields).toHaveLength(answer.citations.length);
    answer.citations.forEach((citation, i) => {
      expect(fields[i]?.value).toBe(`> ${citation.quote}`);
      expect(fields[i]?.name).toBe(`§${citation.paragraph}, phrase ${citation.sentence}`);
    });
  });

  it('answers a greeting with the help text and suggestions, not a refusal to vote on', () => {
    const { answer, payload } = render('bonjour !');
    expect(answer.reason).toBe('empty');
    expect(payload.embeds[0]?.author).toBeUndefined();
    expect(payload.components).toHaveLength(1);
    expect(payload.components[0]?.components[0]?.type).toBe(ComponentType.StringSelect);
  });

  it('keeps a 2,000-character question within every limit, escaped', () => {
    const question = `${'**@everyone** <@&123> [lien](https://x.example) '.repeat(40)}`.slice(0, 2000);
    const { payload } = render(question);
    assertWithinLimits(payload);
    expect(payload.embeds[0]?.title?.length).toBeLessThanOrEqual(LIMITS.title);
    expect(payload.embeds[0]?.title).toMatch(/…$/);
  });
});

describe('renderAnswer, asked again', () => {
  const question = 'Combien Microsoft va-t-il investir au Japon ?';

  it('gives the body it gave an answer before, on the same surface and known questions, frozen', () => {
    const answer = engine.ask(question);
    const body = renderAnswer(answer, { surface: 'slash' }, context);
    expect(renderAnswer(answer, { surface: 'slash' }, context)).toBe(body);
    expect(Object.isFrozen(body.embeds[0])).toBe(true);
    expect(() => body.embeds.push({})).toThrow(TypeError);
  });

  it('renders anew for another surface, other known questions or another answer, the same way', () => {
    const answer = engine.ask(question);
    const body = renderAnswer(answer, { surface: 'slash' }, context);
    const related = renderAnswer(answer, { surface: 'related' }, context);
    expect(related).not.toBe(body);
    expect(JSON.stringify(related.components)).toContain('related');
    const questions = createQuestionIndex({ ...engine.knowledge, facts: engine.facts });
    const reloaded = renderAnswer(answer, { surface: 'slash' }, { ...context, questions });
    expect(reloaded).not.toBe(body);
    expect(reloaded).toEqual(body);
    const another = renderAnswer(engine.ask(question), { surface: 'slash' }, context);
    expect(another).not.toBe(body);
    expect(another).toEqual(body);
  });
});

describe('fitEmbeds', () => {
  it('brings oversized embeds under 6,000 characters and keeps the first quote', () => {
    const long = 'mot '.repeat(1100);
    const embeds = fitEmbeds([
      {
        title: long.slice(0, 256),
        description: long.slice(0, 4096),
        fields: [
          { name: 'a', value: `> first quote ${long}`.slice(0, 1024) },
          { name: 'b', value: long.slice(0, 1024) },
        ],
        footer: { text: 'source' },
      },
    ]);
    assertWithinLimits({ embeds, components: [] });
    expect(embeds[0]?.fields?.[0]?.value).toContain('> first quote');
  });
});

describe('renderHelp and renderAbout', () => {
  it('gives usage in the requested language with an example question', () => {
    const fr = renderHelp('fr', engine);
    const en = renderHelp('en', engine);
    expect(fr.embeds[0]?.description).toContain('/ask');
    expect(fr.embeds[0]?.description).toContain('Exemple');
    expect(en.embeds[0]?.description).toContain('Example');
    assertWithinLimits(fr);
    assertWithinLimits(en);
  });

  it('names the source, its language, the NHK attribution and the topics', () => {
    const about = renderAbout('en', engine);
    const text = JSON.stringify(about.embeds);
    const source = engine.knowledge.sources[0];
    expect(text).toContain('NHK');
    expect(text).toContain('French');
    for (const topic of source?.topics.en ?? []) expect(text).toContain(topic);
    assertWithinLimits(about);
  });
});

describe('renderReload', () => {
  const none = { added: [], removed: [], changed: [] };

  it('gives the counts and the facts added, removed and changed, privately, in the admin’s language', () => {
    const result = {
      ok: true,
      articles: 1,
      facts: 41,
      diff: {
        articles: none,
        facts: { added: ['a', 'b'], removed: ['c'], changed: ['d', 'e', 'f'] },
        glossary: none,
      },
    } as const;
    expect(renderReload(result, 'en')).toMatchObject({
      content: 'Knowledge reloaded: 1 article, 41 facts (+2 −1 ~3).',
    });
    expect(renderReload(result, 'fr').content).toBe(
      'Connaissances rechargées : 1 article, 41 faits (+2 −1 ~3).',
    );
  });

  it('adds the glossary only when it changed', () => {
    const result = {
      ok: true,
      articles: 2,
      facts: 1,
      diff: { articles: none, facts: none, glossary: { ...none, changed: ['data-center'] } },
    } as const;
    expect(renderReload(result, 'en').content).toBe(
      'Knowledge reloaded: 2 articles, 1 fact (+0 −0 ~0), glossary (+0 −0 ~1).',
    );
  });

  it('lists every error that fits, escaped, and says how many more there are', () => {
    const errors = Array.from({ length: 60 }, (_, i) => ({
      file: 'knowledge/some_source/facts.yaml',
      id: `fact-${i}`,
      field: 'quote',
      message: `is not verbatim in the article: "**${'word '.repeat(i % 3 === 0 ? 80 : 2)}**"`,
    }));
    const reply = renderReload({ ok: false, errors }, 'en');
    const lines = reply.content?.split('\n') ?? [];
    const listed = lines.filter((line) => line.startsWith('• '));

    expect(reply.content?.length).toBeLessThanOrEqual(LIMITS.content);
    expect(lines[0]).toBe(
      'Nothing changed: the files have 60 errors, so I keep serving the knowledge I had.',
    );
    expect(listed[0]).toMatch(
      /^• knowledge\/some\\_source\/facts\.yaml \(id "fact-0", field "quote"\): .*\\\*\\\*word/,
    );
    expect(listed.length).toBeGreaterThan(5);
    expect(lines.at(-1)).toBe(`… and ${60 - listed.length} more.`);
    // Cut only when the next error line (at most 302 units) would not have fitted.
    expect(reply.content?.length).toBeGreaterThan(LIMITS.content - 302 - (lines.at(-1) ?? '').length);
  });

  it('lists a few errors in full', () => {
    const errors = [{ file: 'knowledge/glossary.yaml', message: 'is not valid YAML: bad indentation' }];
    expect(renderReload({ ok: false, errors }, 'fr').content).toBe(
      'Rien n’a changé : les fichiers ont 1 erreur, je garde les connaissances d’avant.\n• knowledge/glossary.yaml: is not valid YAML: bad indentation',
    );
  });
});
