import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { buildEngine } from '../../src/bootstrap.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

// The bridge translates word by word: a term one language says in several words ("porte-parole",
// "cahier des charges") is a glossary concept, found from either language in any article.
describe('a news term said in several words, as a glossary concept', () => {
  const seed = loadKnowledge();
  const french =
    'Claire Martin, porte-parole de l’association des usagers, craint une hausse des tarifs. ' +
    'Le cahier des charges de l’appellation est contrôlé par un comité interprofessionnel. ' +
    'Le chiffre d’affaires de la coopérative a atteint 12 millions d’euros en 2024.';
  const engine = buildEngine({
    ...seed,
    sources: [...seed.sources, uncuratedSource('terms', 'terms', 'fr', french)],
  });

  it('finds "porte-parole" from "spokeswoman", "cahier des charges" from "specifications"', () => {
    expect(engine.ask('What does the users’ spokeswoman fear?').citations[0]?.quote).toContain(
      'porte-parole',
    );
    expect(engine.ask('Which committee controls the specifications?').citations[0]?.quote).toContain(
      'cahier des charges',
    );
  });

  it('finds "chiffre d’affaires" from "turnover"', () => {
    expect(engine.ask('What was the turnover of the cooperative in 2024?').citations[0]?.quote).toContain(
      'chiffre d’affaires',
    );
  });

  it('matches a variant written as-is only where its stem is another word’s', () => {
    const keysOf = (question: string, surface: string) =>
      engine.explain(question).terms.find((term) => term.surface === surface)?.keys ?? [];
    expect(keysOf('What specific tariffs rise?', 'specific')).not.toContain('c:specifications');
    expect(keysOf('Which administration runs the site?', 'administration')).not.toContain('c:board-member');
    expect(keysOf('Who are the trustees?', 'trustees')).toContain('c:board-member');
  });
});
