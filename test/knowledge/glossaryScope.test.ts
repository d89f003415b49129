import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { buildEngine } from '../../src/bootstrap.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

// The glossary is shared by every article: a word may join a concept only where it means it in
// any article. "La région" meant Asia in the seed's own paraphrases, and so named Asia in every
// French article that spoke of its region.
describe('the shared glossary, read beside an article nobody curated', () => {
  const seed = loadKnowledge();
  const engine = buildEngine({
    ...seed,
    sources: [
      ...seed.sources,
      uncuratedSource(
        'extra',
        'extra',
        'fr',
        'La région Occitanie versera 2 millions d’euros au projet de la gare de Vic.',
      ),
    ],
  });

  it('reads "région" as a region, no name of Asia', () => {
    expect(engine.ask('Combien l’Asie verse-t-elle au projet de la gare ?').answered).toBe(false);
    expect(engine.ask('How much will Asia pay for the Vic station project?').answered).toBe(false);
    const asked = engine.ask('Combien la région verse-t-elle pour la gare de Vic ?');
    expect(asked.answered).toBe(true);
    expect(asked.citations[0]?.quote).toContain('2 millions d’euros');
  });

  it('still answers the seed’s regional threat', () => {
    const answer = engine.ask('Quelle menace régionale motive la coopération de sécurité ?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.quote).toContain('montée de la Chine');
  });

  it('reads "contre" as against, no threat: "contrer" shared its stem', () => {
    const term = engine
      .explain('Combien ont voté contre le projet ?')
      .terms.find((t) => t.surface === 'contre');
    expect(term?.keys).toBeDefined();
    expect(term?.keys).not.toContain('c:threat');
  });

  it('reads "mise en service" as no investment, "prolongement" as no existing deal', () => {
    const terms = engine.explain('Quand la mise en service du prolongement est-elle prévue ?').terms;
    expect(terms.find((t) => t.surface === 'mise')?.keys).not.toContain('c:investment');
    expect(terms.find((t) => t.surface === 'prolongement')?.keys).not.toContain('c:existing');
  });
});
