import { describe, expect, it } from 'vitest';
import { articleLabel, fewNames, searchedLine } from '../../src/articleLines.js';
import { chatBanner } from '../../src/cli/chat.js';
import { renderText, toJson } from '../../src/cli/render.js';
import type { Answer, ArticleRef } from '../../src/core/types.js';

const article = (id: string, title: string, extra: Partial<ArticleRef> = {}): ArticleRef => ({
  id,
  title,
  language: 'en',
  date: null,
  url: null,
  ...extra,
});

const ferry = article('ferry', 'Harwick launches\na solar ferry', {
  date: '2025-03-10',
  url: 'https://news.example.org/ferry',
});
const seed = article('seed', 'Microsoft au Japon', { language: 'fr', url: 'https://news.example.org/seed' });
const seven = Array.from({ length: 7 }, (_, i) => article(`a${i}`, `Article ${i}`));

const answered: Answer = {
  question: 'How many passengers?',
  answered: true,
  text: 'Up to 120 passengers.',
  language: 'en',
  confidence: 1,
  citations: [
    { source: 'ferry', factId: 'capacity', paragraph: 1, sentence: 2, quote: 'up to 120 passengers' },
  ],
  suggestions: [],
  reason: null,
  unknownEntity: null,
  hedged: false,
  answerType: 'amount',
  premises: [],
  article: ferry,
  searched: [ferry, seed],
};
const refused: Answer = {
  ...answered,
  answered: false,
  text: 'L’article ne le dit pas.',
  language: 'fr',
  citations: [],
  reason: 'not-in-article',
  article: null,
};

describe('naming articles', () => {
  it('labels an article by its title on one line, with its date, else its URL', () => {
    expect(articleLabel(ferry)).toBe('Harwick launches a solar ferry (2025-03-10)');
    expect(articleLabel(seed)).toBe('Microsoft au Japon (https://news.example.org/seed)');
    expect(articleLabel(article('x', 'Bare'))).toBe('Bare');
  });

  it('names five at most, then how many more, the language’s way', () => {
    const names = seven.map((each) => each.title);
    expect(fewNames(names, 'en')).toBe('Article 0; Article 1; Article 2; Article 3; Article 4 … and 2 more');
    expect(fewNames(names.slice(0, 2), 'fr')).toBe('Article 0 ; Article 1');
    expect(fewNames(names, 'fr', 1)).toBe('Article 0 … et 6 de plus');
  });

  it('says which articles a refusal searched, and only lists them for a greeting', () => {
    expect(searchedLine(refused)).toBe(
      'Articles consultés : Harwick launches a solar ferry (2025-03-10) ; Microsoft au Japon (https://news.example.org/seed)',
    );
    expect(searchedLine({ ...refused, language: 'en', searched: [seed] })).toBe(
      'Article searched: Microsoft au Japon (https://news.example.org/seed)',
    );
    expect(searchedLine({ ...refused, language: 'en', reason: 'empty', searched: seven })).toMatch(
      /^Articles: Article 0; .* … and 2 more$/,
    );
    expect(searchedLine({ ...refused, searched: [] })).toBe('');
  });
});

describe('the terminal rendering', () => {
  it('puts each quote under its article and place', () => {
    expect(renderText(answered)).toBe(
      [
        'Up to 120 passengers.',
        '  « up to 120 passengers »',
        '  — Harwick launches a solar ferry (2025-03-10), ¶1, sentence 2',
        '  (confidence 100%)',
      ].join('\n'),
    );
  });

  it('names the articles searched under a refusal', () => {
    expect(renderText(refused).split('\n')).toEqual([
      'L’article ne le dit pas.',
      '  Articles consultés : Harwick launches a solar ferry (2025-03-10) ; Microsoft au Japon (https://news.example.org/seed)',
    ]);
  });

  it('gives the article and the ids searched in JSON, keeping every other field', () => {
    expect(toJson(answered)).toMatchObject({
      answered: true,
      citations: [{ source: 'ferry', paragraph: 1, sentence: 2, quote: 'up to 120 passengers' }],
      article: {
        id: 'ferry',
        title: 'Harwick launches\na solar ferry',
        date: '2025-03-10',
        url: 'https://news.example.org/ferry',
      },
      searched: ['ferry', 'seed'],
    });
    expect(toJson(refused)).toMatchObject({ article: null, searched: ['ferry', 'seed'] });
  });

  it('greets with the titles of the articles the chat knows', () => {
    expect(chatBanner({ sources: [ferry] })).toMatch(
      /^Ask about “Harwick launches a solar ferry”, in French/,
    );
    expect(chatBanner({ sources: seven })).toMatch(
      /^Ask about the 7 articles I know \(“Article 0”; .*“Article 4” … and 2 more\), in French/,
    );
  });
});
