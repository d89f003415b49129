import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { Analyser } from '../../src/core/analyse.js';
import { createEngine } from '../../src/core/engine.js';
import { readIntent } from '../../src/core/intent.js';
import { otherTense, tenseOf, tensesOf } from '../../src/core/tense.js';
import { tokenise } from '../../src/core/text.js';
import type { KnowledgeBase } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { KNOWLEDGE } from './fixture.js';

const SEED_GLOSSARY = loadKnowledge().glossary;

/** Articles nobody curated, each sentence written to tempt a wrong answer that looks cited. */
const TARIFS =
  'Le billet à l’unité coûtera 7,50 euros, tandis que l’abonnement mensuel sera facturé 45 euros. ' +
  'Le maire, Luc Berger, a inauguré la gare samedi. ' +
  'La région a indiqué qu’une étude serait lancée en janvier sur un prolongement de la ligne jusqu’à Montverdun. ' +
  'Une décision est attendue avant la fin de l’année 2027.\n' +
  'Claire Duval, présidente de l’association Les Amis du Rail, salue « un projet attendu depuis trop ' +
  'longtemps » et promet de suivre de près chacun des travaux prévus sur la ligne. ' +
  'Elle a ajouté que les études menées par le bureau d’ingénierie de la région avaient mis en évidence ' +
  'plusieurs points de fragilité, notamment sous le pont de pierre et le long du quartier des Tanneurs.';
const FACTURES = 'La facture d’eau des ménages coûtait 40 euros par an avant la hausse.';

const knowledge = (...texts: Array<[string, string]>): KnowledgeBase => ({
  ...KNOWLEDGE,
  sources: [...KNOWLEDGE.sources, ...texts.map(([id, text]) => uncuratedSource(id, id, 'fr', text))],
});
const engine = createEngine(knowledge(['tarifs', TARIFS]));

describe('the tense a verb ending marks', () => {
  it('reads the imperfect as past and the future as future; the conditional and short words as neither', () => {
    expect(tenseOf('coûtait')).toBe('past');
    expect(tenseOf('coûtaient')).toBe('past');
    expect(tenseOf('coûtera')).toBe('future');
    expect(tenseOf('pourront')).toBe('future');
    expect(tenseOf('coûterait')).toBeNull();
    expect(tenseOf('refait')).toBeNull();
    expect(tenseOf('fait')).toBeNull();
    expect(tenseOf('billet')).toBeNull();
  });

  it('keeps a sentence key only where every form of it is of one tense', () => {
    const term = (surface: string, key: string) => ({ surface, keys: [key], question: false }) as never;
    const future = tensesOf([term('coûtera', 's:cout')]);
    expect(otherTense([{ keys: ['s:cout'], tense: 'past' }], future)).toBe('past');
    expect(otherTense([{ keys: ['s:cout'], tense: 'future' }], future)).toBeNull();
    // "le coût … coûtera": the noun says no time, so the sentence may speak of any.
    const mixed = tensesOf([term('coût', 's:cout'), term('coûtera', 's:cout')]);
    expect(otherTense([{ keys: ['s:cout'], tense: 'past' }], mixed)).toBeNull();
  });
});

describe('a sentence nobody reviewed, of another time than the question', () => {
  it('does not say what the ticket cost when it says what it will cost', () => {
    const before = engine.ask('Combien coûtait le billet à l’unité ?');
    expect(before.answered).toBe(false);
    expect(engine.ask('Combien coûtera le billet à l’unité ?').citations[0]?.quote).toContain('7,50 euros');
  });

  it('is refused rather than outweighed by a weaker answer from another article', () => {
    const both = createEngine(knowledge(['tarifs', TARIFS], ['factures', FACTURES]));
    const answer = both.ask('Combien coûtait le billet à l’unité ?');
    expect(answer.citations.map((citation) => citation.quote)).toEqual([]);
    expect(answer.answered).toBe(false);
  });
});

describe('a corrected name, quoted', () => {
  it('keeps the name the answer puts in the claimed one’s place in the passage cited', () => {
    const answer = engine.ask('Luc Berger est bien le président de l’association Les Amis du Rail ?');
    expect(answer.premises).toEqual([
      { verdict: 'corrected', claimed: 'Luc Berger', stated: 'Claire Duval' },
    ]);
    expect(answer.citations[0]?.quote).toContain('Claire Duval');
  });
});

describe('the passage of a list', () => {
  it('keeps every item the sentence lists, not only the kind they are of', () => {
    const [quote] = engine
      .ask('Quels points de fragilité les études ont-elles mis en évidence ?')
      .citations.map((citation) => citation.quote);
    expect(quote).toContain('pont de pierre');
    expect(quote).toContain('quartier des Tanneurs');
  });
});

describe('a sentence nobody reviewed that meets the question only in its names', () => {
  it('does not answer it: when a study of Montverdun starts says not when a decision comes', () => {
    const answer = engine.ask('Quand aura-t-on une décision pour Montverdun ?');
    expect(answer.citations.some((citation) => citation.quote.includes('janvier'))).toBe(false);
    // A question of the name alone still reads it.
    expect(engine.ask('Que dit l’article de Montverdun ?').citations[0]?.quote).toContain('Montverdun');
  });
});

describe('a question that sets an item apart ("à part", "other than")', () => {
  const TRAVAUX =
    'Les travaux ont coûté 118 millions d’euros, financés à 60 % par la région Occitanie, le reste ' +
    'étant pris en charge par l’État et l’Union européenne. ' +
    'Le chantier a permis de rouvrir cinq gares et haltes, dont celle de Noirville.';
  const works = createEngine(knowledge(['travaux', TRAVAUX]));

  it('answers with the others, from the sentence that sets them against it', () => {
    const answer = works.ask('à part la région Occitanie, qui a financé les travaux ?');
    expect(answer).toMatchObject({ answered: true, hedged: false });
    expect(answer.citations[0]?.quote).toContain('l’Union européenne');
  });

  it('does not answer with the item set apart when the sentence names no other', () => {
    const answer = works.ask('Quelle gare a été rouverte à part Noirville ?');
    expect(answer.answered).toBe(false);
    expect(answer.citations).toEqual([]);
    // Asked without setting it apart, the same sentence answers.
    expect(works.ask('Quelle gare a été rouverte ?').citations[0]?.quote).toContain('Noirville');
  });

  it('weighs the phrase and the name nothing when a name is set apart, and reads a thing set apart word for word', () => {
    const weights = (question: string) =>
      Object.fromEntries(works.explain(question).terms.map((term) => [term.surface, term.weight]));
    expect(weights('qui a payé le reste à part Noirville ?')).toMatchObject({ part: 0, Noirville: 0 });
    // The name may follow the noun the phrase sets apart.
    expect(weights('à part la région Occitanie, qui a financé les travaux ?')).toMatchObject({
      part: 0,
      Occitanie: 0,
    });
    // A thing set apart weighs, and so does the phrase: weighing it nothing left the question's
    // weight on what remained, and another article's closest sentence answered.
    expect(weights('qui a payé le reste à part le conseil régional ?').part).toBeGreaterThan(0);
    // A name written as an adjective describes the thing set apart: "the regional grant" is a
    // grant (the seed's glossary reads "regional" as a name of Asia, written as an adjective).
    const intentOf = (question: string) =>
      readIntent(question, new Analyser(SEED_GLOSSARY).analyseQuestion(question, null), tokenise(question));
    expect(
      intentOf('apart from Japan, which country invests?').excluded.map((mention) => mention.id),
    ).toEqual(['japan']);
    expect(
      intentOf('apart from the regional grant, where does the rest of the money come from?').excluded,
    ).toEqual([]);
  });

  it('reads "a part of" as words, not as setting anything apart', () => {
    expect(works.explain('Other than Noirville, which station reopened?').intent.entities).toEqual([]);
    expect(works.explain('Is Noirville a part of the works?').intent.entities).toEqual(['Noirville=subject']);
  });
});

describe('"qui" after "quel" and its noun', () => {
  it('starts a relative clause: the question asks for the noun, not for someone', () => {
    expect(engine.explain('c’est quel bureau qui a mené les études ?').intent.answerType).toBeNull();
    expect(engine.explain('quelle association qui réclame des trains ?').intent.answerType).toBeNull();
    expect(engine.explain('qui a mené les études ?').intent.answerType).toBe('person');
  });
});

describe('"how many" against a percentage', () => {
  const consultation = createEngine(
    knowledge(['consultation', 'The council’s consultation found 54% of respondents in favour of the plan.']),
  );

  it('is not answered by a share: "54% of respondents" says not how many responded', () => {
    expect(consultation.ask('How many people responded to the consultation?').answered).toBe(false);
    expect(consultation.ask('Combien de personnes ont répondu à la consultation ?').answered).toBe(false);
  });

  it('rejects the share for a count only: a question of the share keeps it as evidence', () => {
    const rejected = (question: string) => consultation.explain(question).ranking[0]?.rejected ?? [];
    expect(rejected('How many people responded to the consultation?')).not.toEqual([]);
    expect(rejected('What share of respondents backed the plan?')).toEqual([]);
  });
});

describe('a figure or a time inside a quotation', () => {
  const RECOURS =
    '« On va vider une rivière pour fabriquer de la neige qui fondra en mars », s’indigne sa présidente, ' +
    'Hélène Grosjean, qui annonce un recours devant le tribunal administratif de Nancy. ' +
    '« Les travaux commenceront en avril », a promis le maire, Paul Girard.';
  const quoted = createEngine(knowledge(['recours', RECOURS]));

  it('answers no question that meets only the words around it', () => {
    const answer = quoted.ask('Quand le tribunal administratif de Nancy jugera-t-il le recours ?');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('missing-answer-type');
  });

  it('answers a question about the quoted words themselves', () => {
    const answer = quoted.ask('Quand les travaux commenceront-ils ?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.quote).toContain('en avril');
  });
});

describe('an age asked ("how old", "quel âge")', () => {
  const FERRY =
    'The ferry’s only vessel, the 38-year-old Island Star, broke down 27 times last year. ' +
    'Residents welcomed a new boat and a 10% cut in fares.';
  const ages = createEngine({
    ...KNOWLEDGE,
    sources: [...KNOWLEDGE.sources, uncuratedSource('ferry', 'ferry', 'en', FERRY)],
  });

  it('is answered by a count of years, not by another figure beside the same words', () => {
    const answer = ages.ask('How old is the Island Star?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.quote).toContain('38-year-old');
    const boat = ages.ask('How old is the new boat?');
    expect(boat.citations[0]?.quote ?? '').not.toContain('10%');
  });
});

describe('"what is it called" against a sentence nobody reviewed', () => {
  const RESEAU =
    'The network will link the district hospital and three schools to the town centre, with the first ' +
    'stretch along Market Street. ' +
    'Members of the Riverside Trust approved on Tuesday the merger of their body into a new body. ' +
    'The new body, called Valley Transport Partnership, will run the buses from next year. ' +
    'The ferry contract went to Norland Sea Services, an operator owned by a Norwegian shipping group.';
  const FUSION =
    'Le nouvel ensemble, baptisé Fruitière des Deux Vals, réunira 58 exploitations. ' +
    'La maire, Sophie Cuenot, prévient que le départ de la fruitière emporterait le magasin.';
  const network = createEngine({
    ...KNOWLEDGE,
    sources: [
      ...KNOWLEDGE.sources,
      uncuratedSource('reseau', 'reseau', 'en', RESEAU),
      uncuratedSource('fusion', 'fusion', 'fr', FUSION),
    ],
  });

  it('is not answered by any capitalised word: "along Market Street" names no hospital', () => {
    expect(network.ask('What is the district hospital called?').answered).toBe(false);
    expect(network.ask('Comment s’appelle l’hôpital du district ?').answered).toBe(false);
  });

  it('is not answered by a name the question gives, nor by a word that describes the thing asked', () => {
    // "Norland Sea Services" is the operator the question names; "Norwegian" describes the group.
    expect(
      network.ask('What is the name of the Norwegian shipping group that owns Norland Sea Services?')
        .answered,
    ).toBe(false);
  });

  it('is answered by a name a word of naming gives, or one beside the word asked of', () => {
    expect(network.ask('What will the new body be called?').citations[0]?.quote).toContain(
      'Valley Transport Partnership',
    );
    expect(network.ask('Comment s’appellera le nouvel ensemble ?').citations[0]?.quote).toContain(
      'Fruitière des Deux Vals',
    );
    expect(
      network.ask('Comment s’appelle la maire qui prévient du départ de la fruitière ?').citations[0]?.quote,
    ).toContain('Sophie Cuenot');
  });
});

describe('a question two articles answer alike', () => {
  const two = createEngine(
    knowledge(
      [
        'cave',
        'La coopérative agrandit sa cave. Les travaux commenceront en mai, pour une ouverture en 2027.',
      ],
      [
        'piscine',
        'La commune rénove sa piscine. Les travaux commenceront en juin, pour une réouverture en 2027.',
      ],
    ),
  );

  it('is refused: it names nothing of either, and citing one answers for an article the asker may not mean', () => {
    const answer = two.ask('Quand commenceront les travaux ?');
    expect(answer.answered).toBe(false);
    expect(answer.citations).toEqual([]);
  });

  it('is answered from the article its own words pick', () => {
    const answer = two.ask('Quand commenceront les travaux de la piscine ?');
    expect(answer.article?.id).toBe('piscine');
    expect(answer.citations[0]?.quote).toContain('juin');
  });
});
