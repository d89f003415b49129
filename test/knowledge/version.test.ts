import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { knowledgeVersion } from '../../src/knowledge/version.js';

const knowledge = loadKnowledge();
const [first, ...rest] = knowledge.facts;
if (!first) throw new Error('the knowledge has no fact');

describe('knowledgeVersion', () => {
  it('returns 12 hex digits, the same for the same content loaded twice', () => {
    expect(knowledgeVersion(knowledge)).toMatch(/^[0-9a-f]{12}$/);
    expect(knowledgeVersion(loadKnowledge())).toBe(knowledgeVersion(knowledge));
  });

  it('does not change when facts or glossary concepts come in another order', () => {
    const reordered: KnowledgeBase = {
      ...knowledge,
      facts: [...rest, first],
      glossary: [...knowledge.glossary].reverse(),
    };
    expect(knowledgeVersion(reordered)).toBe(knowledgeVersion(knowledge));
  });

  it('changes when a quote, an answer, an alternate question or a glossary variant changes', () => {
    const edits: Array<(base: KnowledgeBase) => KnowledgeBase> = [
      (base) => ({ ...base, facts: [{ ...first, quote: `${first.quote} ` }, ...rest] }),
      (base) => ({
        ...base,
        facts: [{ ...first, answer: { ...first.answer, en: 'Another answer.' } }, ...rest],
      }),
      (base) => ({
        ...base,
        facts: [
          { ...first, questions: { ...first.questions, fr: [...first.questions.fr, 'Et alors ?'] } },
          ...rest,
        ],
      }),
      (base) => ({
        ...base,
        glossary: base.glossary.map((concept, index) =>
          index === 0
            ? { ...concept, variants: { ...concept.variants, en: [...concept.variants.en, 'x'] } }
            : concept,
        ),
      }),
      (base) => ({ ...base, facts: rest }),
    ];
    const versions = new Set([knowledge, ...edits.map((edit) => edit(knowledge))].map(knowledgeVersion));
    expect(versions.size).toBe(edits.length + 1);
  });
});
