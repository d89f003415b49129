import { describe, expect, it } from 'vitest';
import {
  distinctCopy,
  knowledgeWithArticles,
  practiceSources,
  uncuratedSource,
} from '../../bench/articles.js';
import { splitSentences } from '../../src/core/segment.js';
import type { KnowledgeBase } from '../../src/core/types.js';

const [fr, en] = practiceSources();
if (!fr || !en) throw new Error('the practice articles are missing from test/fixtures/articles');

const seed: KnowledgeBase = {
  sources: [uncuratedSource('seed', 'Seed', 'fr', 'Le Japon accueille Microsoft. Il investit 3 milliards.')],
  facts: [],
  glossary: [],
};

describe('distinctCopy', () => {
  it('gives the same text for a seed, and another for another seed', () => {
    expect(distinctCopy(fr.text, 7)).toBe(distinctCopy(fr.text, 7));
    expect(distinctCopy(fr.text, 7)).not.toBe(distinctCopy(fr.text, 8));
  });

  it('changes every name and number, and keeps the other words and the sentences', () => {
    const copy = distinctCopy(en.text, 3);
    for (const changed of ['Geraldton', 'Rebecca Hollis', 'Midwest Water Authority', '$410 million', '2023'])
      expect(copy).not.toContain(changed);
    expect(copy).toContain('desalination plant opened on');
    const sentences = (text: string) =>
      splitSentences(text).map(({ paragraph, sentence, text }) => [paragraph, sentence, text.split(' ')[0]]);
    expect(sentences(copy)).toEqual(sentences(en.text));
  });

  it('gives a name one replacement wherever it occurs, keeping its case and elision', () => {
    const copy = distinctCopy('Le maire de Thiers parle. Il aime Thiers et l’État, dit la SNCF.', 1);
    const [, first, second] = /de (\p{Lu}\p{L}+) parle\. Il aime (\p{Lu}\p{L}+) et/u.exec(copy) ?? [];
    expect(first).toBeDefined();
    expect(first).toBe(second);
    expect(first).not.toBe('Thiers');
    expect(copy).toMatch(/l’[AEIOU][a-z]{3},/);
    expect(copy).toMatch(/la [A-Z]{4}\.$/);
    expect(copy).toMatch(/^Le maire de .+\. Il aime/);
  });
});

describe('knowledgeWithArticles', () => {
  it('is the seed alone for one article', () => {
    expect(knowledgeWithArticles(seed, 1)).toEqual(seed);
  });

  it('adds the practice articles, then distinct copies of them, up to the count', () => {
    const knowledge = knowledgeWithArticles(seed, 10);
    expect(knowledge.sources).toHaveLength(10);
    expect(knowledge.sources.slice(0, 3).map((source) => source.id)).toEqual([
      'seed',
      'fr-practice',
      'en-practice',
    ]);
    expect(new Set(knowledge.sources.map((source) => source.id)).size).toBe(10);
    expect(new Set(knowledge.sources.map((source) => source.text)).size).toBe(10);
    expect(knowledge.sources.map((source) => source.language)).toEqual([
      'fr',
      'fr',
      'en',
      'fr',
      'en',
      'fr',
      'en',
      'fr',
      'en',
      'fr',
    ]);
    expect(knowledge.facts).toBe(seed.facts);
  });
});
