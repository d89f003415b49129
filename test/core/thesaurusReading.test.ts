import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { createEngine } from '../../src/core/engine.js';
import { StemThesaurus, thesaurusLines } from '../../src/core/thesaurus.js';
import type { KnowledgeBase } from '../../src/core/types.js';
import { KNOWLEDGE } from './fixture.js';

/** An article nobody curated, asked about in other words than its own. */
const FIRES =
  'Wildfires burned more than 410,000 acres across the county this season, about 27 percent above the ten-year average. ' +
  'A single night of dry lightning in August started dozens of fires at once. ' +
  'The council has agreed to publish water quality data every three months.';

const knowledge: KnowledgeBase = {
  ...KNOWLEDGE,
  sources: [...KNOWLEDGE.sources, uncuratedSource('fires', 'County fires', 'en', FIRES)],
};
const thesaurus = new StemThesaurus({
  en: thesaurusLines(
    [
      ['decade', 'ten'],
      ['blaze', 'fire'],
      ['sea', 'water'],
      ['write', 'publish'],
      ['poem', 'data'],
    ],
    'en',
  ).join('\n'),
  fr: '',
});
const lexicon = new Set(['the', 'decade', 'blaze', 'sea', 'write', 'poem', 'usual', 'beat']);
const withSynonyms = createEngine(knowledge, { lexicon, thesaurus: () => thesaurus });
const without = createEngine(knowledge, { lexicon });

const DECADE = 'by how much did the burned area beat the usual decade average?';

describe('synonyms from the thesaurus', () => {
  it('let a sentence holding the question’s own words answer a word it says otherwise', () => {
    const answer = withSynonyms.ask(DECADE);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.quote).toContain('27 percent');
    expect(without.ask(DECADE).answered).toBe(false);
  });

  it('count for less than the word itself', () => {
    const full = createEngine(knowledge, { lexicon, thesaurus: () => thesaurus, tuning: { related: 1 } });
    expect(withSynonyms.ask(DECADE).confidence).toBeLessThan(full.ask(DECADE).confidence);
  });

  it('never find a sentence alone, however many of its words they stand for', () => {
    expect(withSynonyms.ask('write me a poem about the sea').answered).toBe(false);
    expect(withSynonyms.explain('write me a poem about the sea').ranking).toEqual([]);
  });

  it('are read only when some article has sentences nobody reviewed', () => {
    const reads = (read: KnowledgeBase) => {
      let count = 0;
      createEngine(read, {
        lexicon,
        thesaurus: () => {
          count += 1;
          return thesaurus;
        },
      });
      return count;
    };
    expect(reads(KNOWLEDGE)).toBe(0);
    expect(reads(knowledge)).toBe(1);
  });
});
