import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { buildEngine } from '../../src/bootstrap.js';
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
