import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { buildEngine } from '../../src/bootstrap.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

/**
 * Practice articles nobody curated, read as the bot reads them (with the bridge): two dairy co-ops
 * merge; a town approves cycle lanes.
 */
const article = (file: string) =>
  readFileSync(new URL(`../fixtures/articles/${file}`, import.meta.url), 'utf8');
const seed = loadKnowledge();
const engine = buildEngine({
  ...seed,
  sources: [
    ...seed.sources,
    uncuratedSource('fusion', 'fusion', 'fr', article('fr-practice3.txt')),
    uncuratedSource('lanes', 'lanes', 'en', article('en-practice3.txt')),
  ],
});

describe('"who is the <role> of X" against sentences nobody reviewed', () => {
  it('is not answered by a sentence that names X and someone but never the role', () => {
    for (const question of [
      'Who is the current president of the Cerneux-Saint-Point co-op?',
      'Who is the chairman of the Villedieu-les-Granges co-op?',
      'Qui est le président actuel de la fruitière de Villedieu-les-Granges ?',
    ])
      expect(engine.ask(question).answered).toBe(false);
  });

  it('is answered by the sentence that names the role beside someone', () => {
    expect(engine.ask('Qui sera le futur président de la coopérative ?').citations[0]?.quote).toContain(
      'Jean-Marc Vuillemin',
    );
  });
});

describe('"how much does it cost" against sentences nobody reviewed', () => {
  it('is answered by the sum of the thing asked, not by a part of it whose sentence says "money"', () => {
    // "Most of the money, £9.5 million, comes from…" held "money" for "cost"; any sum answers it.
    const answer = engine.ask('How much does the cycle lane network cost?');
    expect(answer.citations[0]?.quote).toContain('£14.2 million');
  });
});
