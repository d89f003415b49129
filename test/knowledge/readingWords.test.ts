import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { createEngine } from '../../src/core/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

/**
 * The shipped glossary and word lists, read against small articles nobody curated: each article
 * is written so that only the word under test tells the two candidate sentences apart.
 */
const seed = loadKnowledge();
const engineFor = (id: string, language: 'fr' | 'en', text: string) =>
  createEngine({ ...seed, sources: [uncuratedSource(id, id, language, text)], facts: [] });
const firstQuote = (engine: ReturnType<typeof engineFor>, question: string) => {
  const answer = engine.ask(question);
  return answer.answered ? (answer.citations[0]?.quote ?? '') : null;
};

describe('a director leads', () => {
  const engine = engineFor(
    'harbour',
    'en',
    'The Harbour Board published its plan for the quay on Monday. ' +
      'Maria Lund, the board’s director, said the quay would reopen in May. ' +
      'Tom Berg, a member of the Harbour Board, said the plan was late.',
  );

  it('answers "who leads" with the director, not another person of the same board', () => {
    expect(firstQuote(engine, 'Who leads the Harbour Board?')).toContain('Maria Lund');
  });
});

describe('"record" as a superlative', () => {
  const engine = engineFor(
    'storms',
    'en',
    'The coast council said the winter storms cost $5 million, making this the most expensive winter in its records. ' +
      'The biggest storm, Storm Ada, flooded the harbour in January.',
  );

  it('is not read in "in its records": the biggest storm is the one the article calls biggest', () => {
    expect(firstQuote(engine, 'What was the largest storm?')).toContain('Storm Ada');
  });
});

describe('a venue says where', () => {
  const engine = engineFor(
    'reunion',
    'fr',
    'Le comité de quartier a voté son budget mardi. ' +
      'La réunion publique se tiendra à la salle des fêtes du village à la fin du mois.',
  );

  it('answers "où" with the sentence that names a hall, with no place name in it', () => {
    expect(firstQuote(engine, 'Où se tiendra la réunion publique ?')).toContain('salle des fêtes');
  });
});

describe('between articles, an answer that leaves out a topic of the question', () => {
  const engine = createEngine({
    ...seed,
    sources: [
      ...seed.sources,
      uncuratedSource(
        'reunion',
        'reunion',
        'fr',
        'Le comité de quartier a tenu une réunion mardi soir. ' +
          'Le service public des eaux a présenté son budget lors de cette réunion. ' +
          'Les habitants espèrent être reçus avant la réunion publique prévue à la salle des fêtes du village à la fin du mois.',
      ),
    ],
  });

  it('comes after one that leaves none out: the seed’s public broadcaster does not say where a meeting is', () => {
    const answer = engine.ask('Where will the public meeting be held?');
    expect(answer.article?.id).toBe('reunion');
    expect(answer.citations[0]?.quote).toContain('salle des fêtes');
  });
});

describe('a sum in euros, "destiné à" a purpose', () => {
  const engine = engineFor(
    'atelier',
    'fr',
    'Les élus ont visité mardi l’atelier de fabrication de la fruitière. ' +
      'Un emprunt de 6,8 millions d’euros est destiné à moderniser l’atelier de fabrication.',
  );

  it('answers what the money will be for ("tout ce fric") with the sentence that gives the sum its purpose', () => {
    expect(firstQuote(engine, 'Ça va servir à quoi, tout ce fric ?')).toContain('destiné à moderniser');
  });

  it('reads "concrètement" as filler: it weighs nothing the article could lack', () => {
    const surfaces = engine
      .explain('Ça va servir à quoi concrètement, tout ce fric ?')
      .terms.map((t) => t.surface);
    expect(surfaces).not.toContain('concrètement');
    expect(firstQuote(engine, 'Ça va servir à quoi concrètement, tout ce fric ?')).toContain('6,8 millions');
  });
});
