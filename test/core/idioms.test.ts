import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { buildEngine } from '../../src/bootstrap.js';
import { tokenise } from '../../src/core/text.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

const norms = (text: string) => tokenise(text).map((token) => token.norm);
/** The engine over the real knowledge and one French sentence nobody curated. */
const engineWith = (sentence: string) => {
  const seed = loadKnowledge();
  return buildEngine({
    ...seed,
    sources: [...seed.sources, uncuratedSource('extra', 'extra', 'fr', sentence)],
  });
};

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
    const engine = engineWith(sentence);
    expect(engine.ask('Who is manufacturing the new trainsets?').answered).toBe(false);
    expect(engine.ask('Are the trains running again?').answered).toBe(true);
  });
});

describe('a question of what someone does for a living', () => {
  it('asks what the article says of them: "living" is no word of the answer', () => {
    expect(norms('what does Julien Ferrand do for a living?').join(' ')).toBe('what does julien ferrand do');
    const sentence = 'Julien Ferrand, maraîcher installé à Boé depuis vingt ans, partage cette inquiétude.';
    const engine = engineWith(sentence);
    expect(engine.ask('What does Julien Ferrand do for a living?').citations[0]?.quote).toContain(
      'maraîcher',
    );
  });
});

describe('"combien de temp", the silent s of "temps" dropped', () => {
  it('asks how long, as "combien de temps" does', () => {
    const engine = buildEngine(loadKnowledge());
    expect(engine.explain('le contrat dure combien de temp ?').intent.answerType).toBe('time');
    expect(engine.explain('le contrat dure combien de temps ?').intent.answerType).toBe('time');
  });
});
