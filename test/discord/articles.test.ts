import { describe, expect, it } from 'vitest';
import type { Answer, Fact, Source } from '../../src/core/types.js';
import { articleChoices, findArticle, renderUnknownArticle } from '../../src/discord/articles.js';
import { LIMITS, type RenderContext, renderAnswer } from '../../src/discord/render.js';
import { renderAbout, renderHelp } from '../../src/discord/renderAbout.js';
import { assertWithinLimits } from './limits.js';

/** An article as the loader makes it; only what the doors show is filled in. */
function source(id: string, title: string, extra: Partial<Source> = {}): Source {
  return {
    id,
    title,
    language: 'en',
    url: null,
    date: null,
    attribution: { fr: '', en: '' },
    topics: { fr: [], en: [] },
    text: '',
    sentences: [],
    ...extra,
  };
}

function fact(
  id: string,
  sourceId: string,
  questions: Partial<Fact['questions']> = {},
  featured = false,
): Fact {
  return {
    id,
    source: sourceId,
    quote: 'q',
    location: { paragraph: 1, sentence: 1 },
    answer: { fr: 'r', en: 'a' },
    questions: { fr: [], en: [], ...questions },
    featured,
  };
}

const HOSTILE = 'The **bold** _claim_\nof @everyone [link](https://evil.example) `code`';
const ferry = source('harwick-solar-ferry', 'Harwick launches a solar ferry', {
  date: '2025-03-10',
  url: 'https://news.example.org/ferry',
});
const seed = source('microsoft-japan-ai', 'Microsoft investit au Japon', { language: 'fr' });
const hostile = source('hostile', HOSTILE, { url: 'https://news.example.org/hostile' });
/** 40 articles, each title longer than any Discord limit on a choice or a list entry. */
const many = Array.from({ length: 40 }, (_, i) =>
  source(`article-${i}`, `Article number ${i} ${'with a very long title '.repeat(12)}`, {
    date: i % 2 ? '2024-01-01' : null,
    topics: { fr: [], en: Array.from({ length: 30 }, (_, t) => `topic ${t} ${'word '.repeat(20)}`) },
  }),
);

describe('findArticle', () => {
  it('finds an article by id, or by its whole title whatever the case and accents', () => {
    expect(findArticle([ferry, seed], 'microsoft-japan-ai')).toBe(seed);
    expect(findArticle([ferry, seed], '  harwick LAUNCHES a solar ferry ')).toBe(ferry);
    expect(findArticle([ferry, seed], 'microsoft investit au japon')).toBe(seed);
  });

  it('finds nothing for a part of a title, an unknown id or nothing typed', () => {
    for (const value of ['harwick', 'microsoft-japan', '', '   '])
      expect(findArticle([ferry, seed], value)).toBeUndefined();
  });
});

describe('articleChoices', () => {
  it('offers every article, in knowledge order, when nothing is typed', () => {
    expect(articleChoices([ferry, seed], '')).toEqual([
      { name: 'Harwick launches a solar ferry (2025-03-10)', value: 'harwick-solar-ferry' },
      { name: 'Microsoft investit au Japon', value: 'microsoft-japan-ai' },
    ]);
  });

  it('matches typed words in titles and ids, typos and accents aside', () => {
    const values = (typed: string) => articleChoices([ferry, seed], typed).map((choice) => choice.value);
    expect(values('harw')).toEqual(['harwick-solar-ferry']);
    expect(values('japan')).toEqual(['microsoft-japan-ai']);
    expect(values('micrsoft jpon')).toEqual(['microsoft-japan-ai']);
    expect(values('INVESTÍT')).toEqual(['microsoft-japan-ai']);
    expect(values('solar japon')).toEqual(['harwick-solar-ferry', 'microsoft-japan-ai']);
    expect(values('quantum')).toEqual([]);
  });

  it('keeps within 25 choices of at most 100 characters, one line, no live mass mention', () => {
    const tooLongId = source('x'.repeat(101), 'Reachable by no value');
    const choices = articleChoices([hostile, tooLongId, ...many], '');
    expect(choices).toHaveLength(LIMITS.autocompleteChoices);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
      expect(choice.value.length).toBeLessThanOrEqual(100);
      expect(choice.name).not.toMatch(/\n|@everyone/);
    }
    expect(choices.map((choice) => choice.value)).not.toContain(tooLongId.id);
    // Plain text: nothing to escape, but one line; a long title gives way before the date.
    expect(choices[0]?.name).toBe(
      'The **bold** _claim_ of @\u200beveryone [link](https://evil.example) `code`…',
    );
    expect(choices[1]?.name).toMatch(/^Article number 0 with .*…$/);
    expect(choices[2]?.name).toMatch(/^Article number 1 with .*… \(2024-01-01\)$/);
  });
});

describe('renderUnknownArticle', () => {
  it('names the value escaped and a few titles escaped', () => {
    const reply = renderUnknownArticle('**x** @here', [hostile, ...many], 'en');
    const text = reply.content ?? '';
    expect(text).toMatch(/^I know no article “\\\*\\\*x\\\*\\\* @\u200bhere”\./);
    expect(text).toContain(
      '“The \\*\\*bold\\*\\* \\_claim\\_ of @\u200beveryone \\[link](https://evil.example) \\`code\\`”',
    );
    expect(text).toContain('… and 36 more.');
    expect(text.length).toBeLessThanOrEqual(LIMITS.content);
  });
});

describe('renderAnswer names the article', () => {
  const context: RenderContext = {
    knowledge: { sources: [hostile], facts: [], glossary: [] },
    questions: { entries: [], suggest: () => [], byKey: () => undefined, byText: () => undefined },
  };
  const base: Answer = {
    question: 'Why?',
    answered: true,
    text: 'Because.',
    language: 'en',
    confidence: 1,
    citations: [{ source: 'hostile', factId: 'f', paragraph: 1, sentence: 1, quote: 'Because' }],
    suggestions: [],
    reason: null,
    unknownEntity: null,
    hedged: false,
    answerType: null,
    premises: [],
    article: hostile,
    searched: [hostile],
  };
  const footerOf = (answer: Answer) =>
    renderAnswer(answer, { surface: 'slash' }, context).embeds[0]?.footer?.text ?? '';

  it('in the footer, on one line, without a live mass mention (a footer shows no markdown)', () => {
    const footer = footerOf(base);
    expect(footer).toBe(
      'The **bold** _claim_ of @\u200beveryone [link](https://evil.example) `code` (https://news.example.org/hostile) · confidence ●●●',
    );
  });

  it('lists the first five articles a refusal searched, then how many more, within the footer limit', () => {
    const refusal = {
      ...base,
      answered: false,
      citations: [],
      reason: 'not-in-article',
      article: null,
      searched: many,
    } as const;
    const payload = renderAnswer(refusal, { surface: 'slash' }, context);
    const footer = payload.embeds[0]?.footer?.text ?? '';
    expect(footer).toMatch(/^Articles searched: Article number 0 with/);
    expect(footer).toMatch(/; Article number 4 with .*… and 35 more$/);
    expect(footer).not.toContain('Article number 5 ');
    expect(payload.embeds[0]?.author?.name).toBe('Not in the articles');
    assertWithinLimits(payload);
  });
});

describe('renderAbout and renderHelp, from the knowledge', () => {
  const known = (sources: Source[], facts: Fact[], uncurated: Fact[] = []) => ({
    knowledge: { sources, facts, glossary: [] },
    facts: [...facts, ...uncurated],
  });

  it('describe each article with its language, date or "date unknown", reviewed facts and URL', () => {
    const about = renderAbout(
      'en',
      known([ferry, seed], [fact('a', ferry.id), fact('b', ferry.id), fact('c', seed.id)]),
    );
    const [first, second] = about.embeds[0]?.fields ?? [];
    expect(about.embeds[0]?.description).toMatch(/^I know 2 articles\./);
    expect(first?.value).toBe(
      '**Harwick launches a solar ferry**\nLanguage: English · date: 2025-03-10 · 2 reviewed facts\nhttps://news.example.org/ferry',
    );
    expect(second?.value).toBe(
      '**Microsoft investit au Japon**\nLanguage: French · date unknown · 1 reviewed fact',
    );
    const fr = renderAbout('fr', known([ferry], []));
    expect(fr.embeds[0]?.description).toMatch(/^Je connais un article\./);
    expect(fr.embeds[0]?.fields?.[0]?.value).toContain(
      'Langue : anglais · date : 2025-03-10 · 0 fait vérifié',
    );
  });

  it('show the first ten of many articles, escaped, then how many more, within every limit', () => {
    const about = renderAbout('en', known([hostile, ...many], []));
    const embed = about.embeds[0];
    expect(embed?.fields?.filter((field) => field.name.startsWith('Article '))).toHaveLength(10);
    expect(embed?.fields?.[0]?.value).toContain(
      '**The \\*\\*bold\\*\\* \\_claim\\_ of @\u200beveryone \\[link]',
    );
    expect(embed?.description).toContain('… and 31 more');
    assertWithinLimits(about);
  });

  it('name the articles and take the example from a featured fact, else from any fact', () => {
    const featured = known(
      [ferry, seed],
      [fact('a', ferry.id, { en: ['What?'] }), fact('b', seed.id, { en: ['How much?'] }, true)],
    );
    const help = renderHelp('en', featured).embeds[0]?.description ?? '';
    expect(help).toMatch(
      /^I answer questions about 2 news articles \(“Harwick launches a solar ferry”; “Microsoft investit au Japon”\)/,
    );
    expect(help).toContain('Example: How much?');
    const onlySentences = known([ferry], [], [fact('ferry:p1s1', ferry.id, { fr: ['Quoi ?'] })]);
    const fr = renderHelp('fr', onlySentences).embeds[0]?.description ?? '';
    expect(fr).toMatch(
      /^Je réponds aux questions sur un article de presse, « Harwick launches a solar ferry »,/,
    );
    expect(fr).toContain('Exemple : Quoi ?');
    expect(renderHelp('en', onlySentences).embeds[0]?.description).not.toContain('Example');
  });

  it('keep help for many articles within limits, with their titles escaped', () => {
    const help = renderHelp('en', known([hostile, ...many], []));
    const text = help.embeds[0]?.description ?? '';
    expect(text).toContain('about 41 news articles (“The \\*\\*bold\\*\\*');
    expect(text).toContain('… and 36 more)');
    assertWithinLimits(help);
  });
});
