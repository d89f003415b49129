import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { buildEngine } from '../../src/bootstrap.js';
import { stemKeys } from '../../src/core/analyse.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

// The stemmer leaves "soutiennent", "veulent", "prennent" apart from their verb; the bridge
// translates the verb: read as it, they find the English word.
describe('a French irregular present, read as its verb too', () => {
  it.each([
    ['soutiennent', 'soutenir'],
    ['veut', 'vouloir'],
    ['veulent', 'vouloir'],
    ['prennent', 'prendre'],
    ['viennent', 'venir'],
  ])('"%s" also has the stem of "%s"', (form, verb) => {
    const [stem] = stemKeys(verb, verb, 'fr');
    expect(stemKeys(form, form, 'fr')).toContain(stem);
  });

  it('finds the English article’s "support" from "soutiennent"', () => {
    const seed = loadKnowledge();
    const english =
      'Most residents of the town backed the plan at the meeting. ' +
      'Support dropped sharply among people living in the outlying villages.';
    const engine = buildEngine({
      ...seed,
      sources: [...seed.sources, uncuratedSource('lanes', 'lanes', 'en', english)],
    });
    const answer = engine.ask('Les gens des villages, ils soutiennent le projet ?');
    expect(answer.citations[0]?.quote).toContain('Support dropped');
  });
});
