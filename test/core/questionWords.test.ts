import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { createEngine } from '../../src/core/engine.js';
import { questionClassAt } from '../../src/core/questionWords.js';
import { tokenise } from '../../src/core/text.js';
import { KNOWLEDGE } from './fixture.js';

/** The class of the question word `word` in `question` (its first occurrence). */
const classOf = (question: string, word: string) => {
  const tokens = tokenise(question);
  return questionClassAt(
    tokens,
    tokens.findIndex((token) => token.raw.toLowerCase() === word),
  );
};

describe('a bare "ou" between two items of one kind', () => {
  it('reads "or" where the second item repeats the first one\'s small word or kind', () => {
    expect(classOf('le montant est en dollars ou en yens ?', 'ou')).toBeUndefined();
    expect(classOf("c'est un nouvel accord ou la suite d'un accord existant ?", 'ou')).toBeUndefined();
    expect(classOf('ça coûte 2 ou 3 milliards', 'ou')).toBeUndefined();
    expect(classOf('payé en euros ou dollars', 'ou')).toBeUndefined();
  });

  it('reads "where" at either end, before a word asking for precision, or with its accent', () => {
    expect(classOf('ou ca a ete annonce linvestissement', 'ou')).toBe('place');
    expect(classOf('visite detat kishida ou', 'ou')).toBe('place');
    expect(classOf('il a dit ca ou exactement', 'ou')).toBe('place');
    expect(classOf('le montant est en dollars où en yens ?', 'où')).toBe('place');
  });

  it('asks no place of the articles: another article\'s place is no answer to "dollars ou yens"', () => {
    const sentence = 'La région a indiqué qu’une étude serait lancée en janvier à Montverdun, en Auvergne.';
    const engine = createEngine({
      ...KNOWLEDGE,
      sources: [...KNOWLEDGE.sources, uncuratedSource('etude', 'etude', 'fr', sentence)],
    });
    const answer = engine.ask('le montant est en dollars ou en yens ?');
    expect(answer.answerType).not.toBe('place');
    expect(answer.citations.every((citation) => citation.source !== 'etude')).toBe(true);
  });
});
