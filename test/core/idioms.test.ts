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

  it('reads "remis à neuf" as renovated, not as the number nine, with or without its accent', () => {
    expect(norms('54 km de voie remis à neuf')).toEqual(['54', 'km', 'de', 'voie', 'renove']);
    expect(norms('la voie a ete remise a neuf')).toContain('renovee');
    expect(norms('on remettra à neuf la gare')).not.toContain('neuf');
  });

  it('reads a phrasal verb as the one verb it means: "set off" is "start", "called off" "cancelled"', () => {
    expect(norms('what set off the fires')).toEqual(['what', 'start', 'the', 'fires']);
    expect(norms('The race was called off')).toContain('cancelled');
    expect(norms('why go with desal')).toEqual(['why', 'choose', 'desal']);
    expect(norms('they opted for wind power')).toEqual(['they', 'chose', 'wind', 'power']);
    expect(norms('the settings of the office')).toEqual(['the', 'settings', 'of', 'the', 'office']);
  });

  it('reads "pour sa part", "for its part" as "also": as for him, no part of anything', () => {
    expect(norms('le maire a pour sa part salué le projet')).not.toContain('part');
    expect(norms('For its part, the council agreed')).not.toContain('part');
    expect(norms('quelle part du coût')).toContain('part');
  });

  it('answers no "part" question from a sentence where someone speaks "pour sa part"', () => {
    const engine = engineWith(
      'Le maire de Vic, Jean Dupont, a pour sa part salué un équipement utile aux salariés.',
    );
    expect(engine.ask('quelle est la part du maire ?').answered).toBe(false);
    expect(engine.ask('Jean Dupont a quelle part ?').answered).toBe(false);
    expect(engine.ask('Qu’a salué Jean Dupont ?').answered).toBe(true);
  });

  it('reads "feu vert" as approval ("approbation"), not a fire that is green', () => {
    expect(norms('avant le feu vert du conseil')).toEqual(['avant', 'le', 'approbation', 'du', 'conseil']);
    expect(norms('le feu a détruit la forêt')).toContain('feu');
  });

  it('answers a "feu vert" question from the sentence that says "approved", not from a fire', () => {
    const seed = loadKnowledge();
    const english =
      'The council approved the cycle lanes on Thursday after two years of consultation. ' +
      'A fire destroyed the council depot on Friday.';
    const engine = buildEngine({
      ...seed,
      sources: [...seed.sources, uncuratedSource('lanes', 'lanes', 'en', english)],
    });
    const answer = engine.ask('Quand le conseil a-t-il donné son feu vert ?');
    expect(answer.citations[0]?.quote).toContain('approved');
  });

  it('reads "à plus tard" as later ("ultérieurement"), not "tard" (late); "au plus tard" keeps its words', () => {
    expect(norms('renvoyer à plus tard')).toEqual(['renvoyer', 'ulterieurement']);
    expect(norms('au plus tard le 31 mars')).toContain('tard');
  });

  it('answers "repoussé à plus tard" from the sentence that puts off, not from one that ran late', () => {
    const engine = engineWith(
      'L’assemblée générale s’est prolongée tard dans la soirée. ' +
        'L’assemblée a préféré renvoyer à plus tard le choix du site de la future fromagerie.',
    );
    const answer = engine.ask('Qu’est-ce que l’assemblée a repoussé à plus tard ?');
    expect(answer.citations[0]?.quote).toContain('choix du site');
  });

  it('reads "makes sense" as "logical", and "sense" alone as it is', () => {
    expect(norms('does the merger make sense')).toEqual(['does', 'the', 'merger', 'logical']);
    expect(norms('a sense of loss')).toContain('sense');
  });

  it('answers whether something "makes sense" from the sentence that calls it "logique"', () => {
    const engine = engineWith(
      'Pour Étienne Marguet, chercheur à l’INRAE de Poligny, ce mouvement reste pourtant logique, puisque ' +
        'plusieurs fusions comparables ont eu lieu depuis dix ans. Les élus ont le sens du devoir.',
    );
    expect(engine.ask('Does the researcher think the merger makes sense?').citations[0]?.quote).toContain(
      'logique',
    );
  });

  it('reads "green light" as approval, and finds a French article\'s "feu vert" from it', () => {
    expect(norms('the council gave the green light')).toEqual(['the', 'council', 'gave', 'the', 'approval']);
    const engine = engineWith(
      'Le conseil a donné son feu vert au projet le 9 octobre. ' +
        'Le projet prévoit une lumière verte à chaque carrefour dès le 3 mars.',
    );
    const answer = engine.ask('When did the project get the green light?');
    expect(answer.citations[0]?.quote).toContain('feu vert');
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

  it('answers "remis à neuf" and "set off" from the sentence that says "rénover", "started"', () => {
    const seed = loadKnowledge();
    const french =
      'Le chantier a permis de rénover 54 kilomètres de voie. La ligne compte neuf gares sur 120 kilomètres.';
    const english =
      'A night of dry lightning in August started dozens of fires. In August, crews from Bend put out dozens of fires.';
    const engine = buildEngine({
      ...seed,
      sources: [
        ...seed.sources,
        uncuratedSource('voie', 'voie', 'fr', french),
        uncuratedSource('feux', 'feux', 'en', english),
      ],
    });
    const renewed = engine.ask('Combien de kilomètres ont été remis à neuf ?');
    expect(renewed.text).toContain('54 kilomètres');
    expect(renewed.text).not.toContain('120');
    const started = engine.ask('What set off dozens of fires in August?');
    expect(started.answered).toBe(true);
    expect(started.text).toContain('dry lightning');
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

describe('a modal verb', () => {
  it('finds no capacity in "nous n’aurions jamais pu payer"', () => {
    const engine = engineWith(
      '« Nous n’aurions jamais pu payer la mise aux normes », explique Jean Vuillet, futur président de la coopérative.',
    );
    expect(engine.ask('Quelle sera la capacité du futur bassin ?').answered).toBe(false);
  });
});
