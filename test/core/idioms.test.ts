import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { buildEngine } from '../../src/bootstrap.js';
import { tokenise } from '../../src/core/text.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

const norms = (text: string) => tokenise(text).map((token) => token.norm);

describe('an idiom, read as the word it means', () => {
  it('reads "de nouveau" and "à nouveau" as "encore" (again), not "nouveau" (new)', () => {
    expect(norms('les trains circulent de nouveau depuis lundi')).toEqual([
      'les',
      'trains',
      'circulent',
      'encore',
      'depuis',
      'lundi',
    ]);
    expect(norms('À nouveau fermée')).toContain('encore');
  });

  it('keeps the words where they say "new": "quelque chose de nouveau", "rien de nouveau"', () => {
    expect(norms('quelque chose de nouveau')).toContain('nouveau');
    expect(norms('rien de nouveau')).toContain('nouveau');
  });

  it('answers no "new" question from a sentence saying only that something runs again', () => {
    const sentence =
      'Les trains de voyageurs circulent de nouveau depuis lundi sur la ligne reliant Ambert à Arlanc.';
    const seed = loadKnowledge();
    const engine = buildEngine({
      ...seed,
      sources: [...seed.sources, uncuratedSource('ligne', 'ligne', 'fr', sentence)],
    });
    expect(engine.ask('Who is manufacturing the new trainsets?').answered).toBe(false);
    expect(engine.ask('Are the trains running again?').answered).toBe(true);
  });
});
