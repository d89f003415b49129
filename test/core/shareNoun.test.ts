import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { createEngine } from '../../src/core/engine.js';
import type { KnowledgeBase } from '../../src/core/types.js';
import { KNOWLEDGE } from './fixture.js';

/** An article nobody curated, with two percentages: one of respondents, one of a ticket's price. */
const CYCLE_LANES =
  'Ashbridge Borough Council on Thursday approved a plan to build 23 kilometres of cycle lanes, backed by local schools. ' +
  'The council’s own consultation found 54% of respondents in favour, but support dropped sharply in the villages. ' +
  'The monthly bus pass will be billed £45, or 15% less than the old ticket. ' +
  'The region will pay for the new shelters, and shops will get a share of the parking income.';
const engine = createEngine({
  ...KNOWLEDGE,
  sources: [...KNOWLEDGE.sources, uncuratedSource('cycle-lanes', 'cycle-lanes', 'en', CYCLE_LANES)],
} satisfies KnowledgeBase);

describe('the share noun of "what percentage", "quelle part", against a sentence nobody reviewed', () => {
  it('is answered by a percentage of what the question names: "54% of respondents"', () => {
    for (const question of [
      'What share of consultation respondents backed the plan?',
      'What percentage of respondents were in favour?',
      'Quel pourcentage des personnes consultées étaient pour ?',
    ])
      expect(engine.ask(question).citations[0]?.quote, question).toContain('54% of respondents');
  });

  it('is not answered by a percentage of something else: "15% less than the old ticket"', () => {
    expect(engine.ask('What share of the bill did the region pay?').answered).toBe(false);
  });
});
