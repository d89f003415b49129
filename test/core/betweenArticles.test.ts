import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { buildEngine } from '../../src/bootstrap.js';
import { stemKeys } from '../../src/core/analyse.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

/** The French practice article, nobody having curated it: who paid for a railway line's works. */
const RAILWAY = readFileSync(new URL('../fixtures/articles/fr-practice.txt', import.meta.url), 'utf8');
const seed = loadKnowledge();
// Built as the bot builds it: with the bridge, which reads "State" as "État".
const engine = buildEngine({
  ...seed,
  sources: [...seed.sources, uncuratedSource('ligne', 'ligne', 'fr', RAILWAY)],
});

describe('a question that each article meets only in part', () => {
  it('is refused when the closest answer leaves out the name ("the State") another article holds', () => {
    const answer = engine.ask('How much money did the State put in, exactly?');
    expect(answer.answered).toBe(false);
    expect(answer.citations).toEqual([]);
  });

  it('still answers what one article holds whole, from that article', () => {
    const answer = engine.ask('How much money is Microsoft putting into Japan?');
    expect(answer.answered).toBe(true);
    expect(answer.article?.id).toBe('microsoft-japan-ai');
  });
});

describe('a figure the question gets wrong, with several articles loaded', () => {
  const TWO = [
    uncuratedSource(
      'vic',
      'vic',
      'fr',
      'La coopérative de Vic investira 6,8 millions d’euros pour construire une nouvelle cave.',
    ),
    uncuratedSource(
      'arles',
      'arles',
      'fr',
      'Le coût total du bassin d’Arles est estimé à 4,3 millions d’euros.',
    ),
  ];
  const two = buildEngine({ ...seed, sources: [...seed.sources, ...TWO] });
  const alone = buildEngine({ ...seed, sources: [...seed.sources, TWO[0] as (typeof TWO)[number]] });

  it('is not corrected from one article when no word of the question says which', () => {
    const answer = two.ask('What will the 5.3 million euros be spent on?');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('unknown-entity');
    expect(answer.text).toContain('5.3 million euros');
  });

  it('is corrected where a word of the question belongs to one article, or one article alone is loaded', () => {
    const named = two.ask('What will the 5.3 million euros of the Vic cooperative be spent on?');
    expect(named.answered).toBe(true);
    expect(named.article?.id).toBe('vic');
    expect(named.premises.some((premise) => premise.verdict === 'corrected')).toBe(true);
    expect(alone.ask('What will the 5.3 million euros be spent on?').answered).toBe(true);
  });
});

describe('a word spelt the same in both languages, in a name too', () => {
  it('is read the other language’s way: "Tarsay Ferry Company" makes "ferry" no French word', () => {
    const ferry = uncuratedSource(
      'tarsay',
      'tarsay',
      'en',
      'The Tarsay Ferry Company lost the ferry contract on Tuesday.',
    );
    const both = buildEngine({ ...seed, sources: [...seed.sources, ferry] });
    const term = both
      .explain('Quel jour le contrat du ferry a-t-il été perdu ?')
      .terms.find((t) => t.surface === 'ferry');
    expect(term?.bridged).toContain(stemKeys('ferry', undefined, 'en')[0]);
  });
});

describe('a correction among articles that all hold sums of money', () => {
  const DESALINATION = readFileSync(new URL('../fixtures/articles/en-practice.txt', import.meta.url), 'utf8');
  const three = buildEngine({
    ...seed,
    sources: [
      ...seed.sources,
      uncuratedSource('ligne', 'ligne', 'fr', RAILWAY),
      uncuratedSource('usine', 'usine', 'en', DESALINATION),
    ],
  });

  it('is pinned to the article by "euros", money to every article but written in one', () => {
    const answer = three.ask('Pourquoi les travaux ont-ils coûté 90 millions d’euros ?');
    expect(answer.article?.id).toBe('ligne');
    expect(answer.premises).toEqual([
      expect.objectContaining({ verdict: 'corrected', claimed: '90 millions euros' }),
    ]);
  });
});
