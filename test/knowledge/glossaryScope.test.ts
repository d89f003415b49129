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

// A one-word variant matches every word of its stem: each of these listed a word whose stem is
// also that of a common word of another sense, which then named the concept in any article.
describe('a glossary variant whose stem other common words share', () => {
  const engine = buildEngine(loadKnowledge());
  const keysOf = (question: string, surface: string) =>
    engine.explain(question).terms.find((term) => term.surface === surface)?.keys ?? [];

  it.each([
    ['Qu’a-t-on finalement décidé ?', 'finalement', 'c:purpose'],
    ['What criticism did the traders make?', 'criticism', 'c:essential'],
    ['Que considère le maire ?', 'considère', 'c:enormous'],
    ['Combien de retraits de permis ont eu lieu ?', 'retraits', 'c:ageing-population'],
    ['Qui paie la part locale du projet ?', 'locale', 'c:facilities'],
    ['Were the crews short of equipment?', 'short', 'c:coming-days'],
    ['What do the drivers say about the lanes?', 'drivers', 'c:reason'],
    ['Que dit l’assistante du maire ?', 'assistante', 'c:participate'],
    ['Quelle organisation gère le site ?', 'organisation', 'c:hold'],
    ['Quand le traité a-t-il été signé ?', 'traité', 'c:processing-capacity'],
    ['Que proposent les riverains ?', 'proposent', 'c:statement'],
    ['Qu’est-ce qui fait tourner l’usine ?', 'tourner', 'c:state-visit'],
    ['Où va-t-on stocker l’eau ?', 'stocker', 'c:stock-market'],
  ])('"%s": "%s" is no %s', (question, surface, concept) => {
    const keys = keysOf(question, surface);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).not.toContain(concept);
  });
});
