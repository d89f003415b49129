import { describe, expect, it } from 'vitest';
import type { Concept, Fact, KnowledgeBase } from '../../src/core/types.js';
import { diffKnowledge, isUnchanged } from '../../src/knowledge/diff.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

const base = loadKnowledge();
const fact = (index: number): Fact => {
  const found = base.facts[index];
  if (!found) throw new Error(`no fact ${index}`);
  return found;
};
const concept = (index: number): Concept => {
  const found = base.glossary[index];
  if (!found) throw new Error(`no concept ${index}`);
  return found;
};

describe('diffKnowledge', () => {
  it('finds nothing between a knowledge base and a fresh read of the same files', () => {
    const diff = diffKnowledge(base, loadKnowledge());
    expect(isUnchanged(diff)).toBe(true);
    expect(diff.facts).toEqual({ added: [], removed: [], changed: [] });
  });

  it('names facts added, removed and changed by id', () => {
    const edited: KnowledgeBase = {
      ...base,
      facts: [
        { ...fact(0), questions: { ...fact(0).questions, en: [...fact(0).questions.en, 'Anything new?'] } },
        { ...fact(1), answer: { ...fact(1).answer, fr: 'Une autre réponse.' } },
        { ...fact(2), featured: !fact(2).featured },
        ...base.facts.slice(4),
        { ...fact(3), id: 'a-new-fact' },
      ],
    };
    expect(diffKnowledge(base, edited).facts).toEqual({
      added: ['a-new-fact'],
      removed: [fact(3).id],
      changed: [fact(0).id, fact(1).id, fact(2).id],
    });
  });

  it('counts a new quote as a change, and a fact that only moved in the file as none', () => {
    const moved: KnowledgeBase = { ...base, facts: [...base.facts].reverse() };
    expect(isUnchanged(diffKnowledge(base, moved))).toBe(true);
    const requoted: KnowledgeBase = {
      ...base,
      facts: base.facts.map((f, i) => (i === 5 ? { ...f, quote: f.quote.slice(1) } : f)),
    };
    expect(diffKnowledge(base, requoted).facts.changed).toEqual([fact(5).id]);
  });

  it('names articles and glossary concepts added, removed and changed', () => {
    const source = base.sources[0];
    if (!source) throw new Error('no source');
    const edited: KnowledgeBase = {
      sources: [
        { ...source, title: `${source.title} (revised)` },
        { ...source, id: 'second-article' },
      ],
      facts: base.facts,
      glossary: [
        { ...concept(0), variants: { ...concept(0).variants, en: [...concept(0).variants.en, 'extra'] } },
        ...base.glossary.slice(2),
      ],
    };
    const diff = diffKnowledge(base, edited);
    expect(diff.articles).toEqual({ added: ['second-article'], removed: [], changed: [source.id] });
    expect(diff.glossary).toEqual({ added: [], removed: [concept(1).id], changed: [concept(0).id] });
    expect(isUnchanged(diff)).toBe(false);
  });
});
