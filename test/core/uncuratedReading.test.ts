import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { Analyser, stemKeys } from '../../src/core/analyse.js';
import { createEngine } from '../../src/core/engine.js';
import { readIntent } from '../../src/core/intent.js';
import { leaningOf } from '../../src/core/scorer.js';
import { tokenise } from '../../src/core/text.js';
import type { KnowledgeBase } from '../../src/core/types.js';
import { KNOWLEDGE } from './fixture.js';

/** Articles nobody curated, each sentence written to tempt one misreading. */
const RESERVOIR =
  'The village of Amberley opened a new water reservoir on Friday, four years after the old dam was drained. ' +
  'A pipeline of 9 kilometres links the treatment works to the village’s main reservoir. ' +
  'The plant’s capacity will double by 2031.\n' +
  'Dr Mira Castell, an engineer with the Amberley Rivers Trust, said regular testing was essential to protect ' +
  'the fish of the upper valley and the wetlands downstream. ' +
  'For the first time in a decade, the mayor, Jon Bell, swam in the lake. ' +
  'The new footbridge was opened in Dunmere.';
const LIGNE =
  'La nouvelle ligne de tramway de Valdrôme a ouvert samedi. ' +
  '« C’est un grand jour pour tout le pays », a déclaré la ministre des transports, Claire Duval.';

const PONT =
  'Après deux ans de travaux, les bus de la ligne 4 passent de nouveau depuis lundi 3 mars sur le pont de ' +
  'Cressac, qui relie les deux rives de la Vienne au centre de la ville. ' +
  'Le marché couvert de Cressac a ouvert mardi 4 mars.';
const SHUTTLE =
  'The evacuation orders kept some residents of Sisters away from their homes for more than a week. ' +
  'Nine shuttle buses run on weekdays and five at the week-end, with stops at the school and the hall.';

const knowledge: KnowledgeBase = {
  ...KNOWLEDGE,
  // A glossary phrase holding the question word, as the real glossary's "how long" does.
  glossary: [
    ...KNOWLEDGE.glossary,
    { id: 'duration', kind: 'topic', variants: { fr: ['combien de temps'], en: ['how long'] } },
  ],
  sources: [
    ...KNOWLEDGE.sources,
    uncuratedSource('amberley', 'amberley', 'en', RESERVOIR),
    uncuratedSource('valdrome', 'valdrome', 'fr', LIGNE),
    uncuratedSource('cressac', 'cressac', 'fr', PONT),
    uncuratedSource('sisters', 'sisters', 'en', SHUTTLE),
  ],
};
const lexicon = new Set([
  'the',
  'village',
  'plant',
  'engineer',
  'la',
  'nouvelle',
  'ministre',
  'paye',
  'payer',
]);
const engine = createEngine(knowledge, { lexicon });

const quotes = (question: string) => engine.ask(question).citations.map((citation) => citation.quote);

describe('the thing whose value is asked', () => {
  const topic = (question: string) => {
    const analyser = new Analyser(KNOWLEDGE.glossary);
    const tokens = tokenise(question);
    const position = readIntent(question, analyser.analyseQuestion(question, null), tokens).topic;
    return position === null ? null : tokens[position]?.norm;
  };

  it('is the noun before "of"/"de" after "what"/"quel", or opening a question without a question word', () => {
    expect(topic('What is the capacity of the reservoir?')).toBe('capacity');
    expect(topic('Quelle est la capacité du réservoir ?')).toBe('capacite');
    expect(topic('capacity of the reservoir?')).toBe('capacity');
  });

  it('is none where the noun says the kind of answer, or no "of" follows', () => {
    expect(topic('What is the price of a ticket?')).toBeNull();
    expect(topic('Quelle est la date de l’ouverture ?')).toBeNull();
    expect(topic('What did the engineer say?')).toBeNull();
    expect(topic('Who is the engineer of the trust?')).toBeNull();
  });

  it('must be in a sentence nobody reviewed for it to answer: another thing of the reservoir does not', () => {
    for (const question of [
      'What is the capacity of the village’s main reservoir?',
      'capacity of the village’s main reservoir?',
    ])
      expect(quotes(question).some((quote) => quote.includes('pipeline'))).toBe(false);
    expect(quotes('What is the capacity of the plant?')[0]).toContain('capacity will double');
  });
});

describe('the verb of "how much will it cost"', () => {
  const priced = (question: string) => {
    const tokens = tokenise(question);
    const terms = new Analyser(KNOWLEDGE.glossary).analyseQuestion(question, null);
    const position = readIntent(question, terms, tokens).priced;
    return position === null ? null : tokens[position]?.norm;
  };

  it('asks with "how much", "combien": any sum answers it', () => {
    expect(priced('How much will the plan cost?')).toBe('cost');
    expect(priced('Combien coûtera le plan ?')).toBe('coutera');
    expect(priced('How much is the fare?')).toBeNull();
    expect(priced('Who will cost the plan?')).toBeNull();
  });
});

describe('the role whose holder "who" asks', () => {
  const role = (question: string) => {
    const analyser = new Analyser(KNOWLEDGE.glossary);
    const tokens = tokenise(question);
    const positions = readIntent(question, analyser.analyseQuestion(question, null), tokens).role;
    return positions.map((position) => tokens[position]?.norm);
  };

  it('is the words before "of"/"de" after "who is the", but those that place it in time', () => {
    expect(role('Who is the current president of the trust?')).toEqual(['president']);
    expect(role('Qui est le président actuel de la coopérative ?')).toEqual(['president']);
    expect(role('Qui est le maire de Valdrôme ?')).toEqual(['maire']);
    expect(role('c’est qui le président de la coopérative ?')).toEqual(['president']);
    expect(role('Who is the deputy mayor of the village?')).toEqual(['deputy', 'mayor']);
  });

  it('is none where "who" asks who did something to the holder, or the noun names anyone', () => {
    expect(role('Who met the president of the trust?')).toEqual([]);
    expect(role('Who are the people of the valley?')).toEqual([]);
    expect(role('Who is the president?')).toEqual([]);
    expect(role('What is the capacity of the reservoir?')).toEqual([]);
  });
});

describe('"qu\'est-ce qui"', () => {
  const read = (question: string) => {
    const terms = new Analyser(KNOWLEDGE.glossary).analyseQuestion(question, null);
    const intent = readIntent(question, terms, tokenise(question));
    return { intent, leaning: leaningOf(terms, intent.form) };
  };

  it('asks what, not who: its "qui" is the question\'s form, weighing nothing and wanting no one', () => {
    const neuter = read('Qu’est-ce qui a poussé la ville à agir ?');
    expect(neuter.intent.answerType).toBe('reason');
    expect(neuter.intent.form.has(tokenise('Qu’est-ce qui').length - 1)).toBe(true);
    expect(neuter.leaning.person).toBe(false);
    expect(read('Qui a poussé la ville à agir ?').leaning.person).toBe(true);
  });
});

describe('words the stemmer would join', () => {
  it('keeps "pays" apart from "paye" and "news" from "new"', () => {
    const shared = (a: string, b: string, language: 'fr' | 'en') =>
      stemKeys(a, undefined, language).filter((key) => stemKeys(b, undefined, language).includes(key));
    expect(shared('pays', 'paye', 'fr')).toEqual([]);
    expect(shared('news', 'new', 'en')).toEqual([]);
    // Other forms of a word still meet.
    expect(shared('payes', 'paye', 'fr')).not.toEqual([]);
  });

  it('does not find "payé" in a sentence about the country', () => {
    const explained = engine.explain('Qui a payé les transports ?');
    const country = explained.ranking.find((item) => item.factId === 'valdrome:p1s2');
    expect(country?.covered).toContain('transports');
    expect(country?.covered).not.toContain('payé');
  });
});

describe('the kind of answer a sentence nobody reviewed holds', () => {
  it('holds no time for a word for time alone: "for the first time" says not when', () => {
    expect(engine.ask('When did Jon Bell become mayor?').answered).toBe(false);
  });

  it('holds no one in a name it places: "in Dunmere" cannot say who', () => {
    expect(engine.ask('Who built the new footbridge?').answered).toBe(false);
    expect(quotes('Where was the new footbridge opened?')[0]).toContain('Dunmere');
  });
});

describe('a measure asked with "how"', () => {
  it('is answered by a sentence stating a figure, which need not say "far" or "long"', () => {
    const question = 'How far away is the main reservoir from the treatment works?';
    expect(quotes(question)[0]).toContain('9 kilometres');
    const pipeline = engine.explain(question).ranking.find((item) => item.factId === 'amberley:p1s2');
    expect(pipeline?.covered).toContain('far');
    // A sentence with no figure does not answer it.
    const opening = engine
      .explain('How far is the new footbridge?')
      .ranking.find((item) => item.factId === 'amberley:p2s3');
    expect(opening?.covered).not.toContain('far');
  });
});

describe('a duration asked with "how long", "combien de temps"', () => {
  it('is answered by a sentence saying how long, though it says neither "long" nor "temps"', () => {
    expect(quotes('How long were residents kept away from their homes?')[0]).toContain('more than a week');
    expect(quotes('ça faisait combien de temps que les bus ne passaient plus sur le pont ?')[0]).toContain(
      'deux ans',
    );
  });

  it('weighs no form of "faire" in "ça faisait combien de temps": the answer is not hedged for it', () => {
    expect(engine.ask('ça faisait combien de temps que les bus ne passaient plus sur le pont ?').hedged).toBe(
      false,
    );
  });

  it('cites no second sentence for holding a duration where "how long" asks a length', () => {
    const cited = quotes('How long is the pipeline to the village’s main reservoir?');
    expect(cited[0]).toContain('9 kilometres');
    expect(cited.some((quote) => quote.includes('four years'))).toBe(false);
  });

  it('is quoted with the duration, not with the date of the same sentence', () => {
    const [quote] = quotes('ça faisait combien de temps que les bus ne passaient plus sur le pont ?');
    expect(quote).toContain('Après deux ans de travaux');
  });

  it('is not answered by a date, nor by a count beside a unit in a compound ("cinq le week-end")', () => {
    const question = 'Depuis combien de temps le marché couvert de Cressac est-il ouvert ?';
    const market = engine.explain(question, 20).ranking.find((item) => item.factId === 'cressac:p1s2');
    expect(market?.covered).toContain('marché');
    expect(market?.rejected).toContain('no time in the quote');
    expect(quotes(question)[0]).not.toContain('marché');
    const shuttles = engine
      .explain('How long is the shuttle bus ride at the week-end?', 20)
      .ranking.find((item) => item.factId === 'sisters:p1s2');
    expect(shuttles?.covered).toContain('shuttle');
    expect(shuttles?.covered).not.toContain('How long');
  });
});

describe('a calendar noun asked with "what"/"quel"', () => {
  it('is answered by a sentence stating a time, which need not say "day", and by no other', () => {
    const question = 'What day did the village open its new reservoir?';
    const ranking = engine.explain(question, 20).ranking;
    expect(ranking.find((item) => item.factId === 'amberley:p1s1')?.covered).toContain('day');
    expect(ranking.find((item) => item.factId === 'amberley:p1s2')?.covered).not.toContain('day');
  });
});

describe('the passage quoted for who', () => {
  it('keeps the names of a long sentence the question does not hold: the one that answers among them', () => {
    const [quote] = quotes('Who is the engineer who said testing was essential?');
    expect(quote).toContain('Mira Castell');
  });
});

/** The fixture's knowledge and one more article, nobody's reviewed. */
const engineWith = (language: 'fr' | 'en', text: string) =>
  createEngine(
    { ...KNOWLEDGE, sources: [...KNOWLEDGE.sources, uncuratedSource('extra', 'extra', language, text)] },
    { lexicon },
  );

describe('a share asked of a sum', () => {
  const intentOf = (question: string) =>
    readIntent(
      question,
      new Analyser(KNOWLEDGE.glossary).analyseQuestion(question, null),
      tokenise(question),
    );

  it('asks an amount that a percentage gives, not a sum of money', () => {
    for (const question of [
      "Quelle proportion de la facture l'État va-t-il payer ?",
      'What share of the bill will the state pay?',
    ]) {
      const intent = intentOf(question);
      expect(intent.answerType).toBe('amount');
      expect(intent.wantsMoney).toBe(false);
    }
    expect(intentOf('Quel montant de la facture ?').wantsMoney).toBe(true);
    expect(intentOf("What is the company's share price?").wantsMoney).toBe(true);
    expect(intentOf("Quelle part de la facture l'État va-t-il payer ?").answerType).toBe('amount');
    // A part of anything else is no figure: "which part of Japan" asks a place.
    expect(intentOf('In which part of Japan is Osaka?').answerType).not.toBe('amount');
  });

  it('is answered by the sentence stating the share, not by the one stating the sum', () => {
    const shares = engineWith(
      'fr',
      'Les travaux de la digue coûteront 12 millions d’euros, pris en charge par la ville et par l’État. ' +
        'L’État prendra en charge 30 % de la facture au titre du fonds de prévention.',
    );
    const answer = shares.ask("Quelle part de la facture l'État va-t-il prendre en charge ?");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.quote).toContain('30 %');
  });
});

describe('a measure asked ("how long", "how far")', () => {
  const rides = engineWith(
    'en',
    'Nine rides a day will run on the new line from Monday, and five the week-end. ' +
      'The ride will take 48 minutes. The depot lies 23 kilometres from the station.',
  );

  it('is answered by a duration or a number of a unit, never by a bare count', () => {
    expect(rides.ask('How long is the ride on the new line?').citations[0]?.quote).toContain('48 minutes');
    expect(rides.ask('How far is the depot from the station?').citations[0]?.quote).toContain(
      '23 kilometres',
    );
  });

  it('refuses a sentence that only counts, even with a unit past a determiner ("five the week-end")', () => {
    const answer = rides.ask('How long are the rides on the new line from Monday?');
    expect(answer.citations.map((citation) => citation.quote).join(' ')).not.toContain('Nine rides');
  });
});
