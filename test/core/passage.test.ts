import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { createEngine } from '../../src/core/engine.js';
import type { KnowledgeBase } from '../../src/core/types.js';
import { KNOWLEDGE } from './fixture.js';

/** A long sentence nobody reviewed, which a question meets mostly in the words of a name. */
const FIRES =
  'Rachel Tsosie, a fire ecologist with the Cascade Forest Resilience Project, a nonprofit group, said thinning ' +
  'overgrown stands and more prescribed burns would reduce the risk of catastrophic fires.';

const knowledge: KnowledgeBase = {
  ...KNOWLEDGE,
  sources: [...KNOWLEDGE.sources, uncuratedSource('fires', 'fires', 'en', FIRES)],
};
// Every word of the name is a dictionary word: it is then no name of the article, only words.
const lexicon = new Set(['cascade', 'forest', 'resilience', 'project', 'group', 'the']);
const engine = createEngine(knowledge, { lexicon });

describe('the passage quoted from a sentence nobody reviewed', () => {
  it('keeps the words the question writes in lower case: what it asks, not what it asks about', () => {
    const [citation] = engine.ask('What group is the Cascade Forest Resilience Project?').citations;
    expect(citation?.quote).toContain('a nonprofit group');
    // Still a cut, not the whole sentence.
    expect(citation?.quote).not.toContain('prescribed burns');
  });
});
