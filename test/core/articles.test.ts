import { describe, expect, it } from 'vitest';
import { WordBridge } from '../../src/core/bridge.js';
import { answeringPassage, clauseSpans } from '../../src/core/clause.js';
import { createEngine } from '../../src/core/engine.js';
import { articleNames } from '../../src/core/names.js';
import { roleAt } from '../../src/core/reading.js';
import { splitSentences } from '../../src/core/segment.js';
import { tokenise } from '../../src/core/text.js';
import type { KnowledgeBase, Source } from '../../src/core/types.js';
import { KNOWLEDGE } from './fixture.js';

/** An article nobody curated: no fact quotes it. */
const HARBOUR =
  'The town of Brackwell opened a new ferry terminal on Monday, three years after the old pier was closed by a storm. ' +
  'The terminal cost $84 million and was paid for by the regional council, which expects 600 passengers a day.\n' +
  'The harbour master, Lena Okoro, said the first ferry left at 7.15 am with 42 people on board. ' +
  'The council chose a floating design because the sea level is expected to rise in the coming decades.';

function source(id: string, text: string, language: 'fr' | 'en', title: string): Source {
  return {
    id,
    title,
    language,
    url: null,
    date: '2026-11-30',
    attribution: { fr: '', en: '' },
    topics: { fr: [], en: [] },
    text,
    sentences: splitSentences(text),
  };
}

const harbour = source('brackwell-ferry', HARBOUR, 'en', 'Brackwell opens its ferry terminal');
const both: KnowledgeBase = { ...KNOWLEDGE, sources: [...KNOWLEDGE.sources, harbour] };
const lexicon = new Set([
  'the',
  'town',
  'harbour',
  'master',
  'council',
  'price',
  'apple',
  'weather',
  'salary',
]);
const bridge = new WordBridge([
  ['coûter', 'cost'],
  ['passager', 'passenger'],
  ['jour', 'day'],
  ['premier', 'first'],
  ['personne', 'people'],
]);
const engine = createEngine(both, { lexicon, bridge: () => bridge });

describe('an article nobody curated', () => {
  it('makes each sentence no reviewed fact covers a fact of its own, and leaves covered ones to the reviewed facts', () => {
    const uncurated = engine.facts.filter((fact) => fact.uncurated);
    expect(uncurated.map((fact) => fact.id)).toEqual([
      'brackwell-ferry:p1s1',
      'brackwell-ferry:p1s2',
      'brackwell-ferry:p2s1',
      'brackwell-ferry:p2s2',
    ]);
    // Every sentence of the curated fixture has a reviewed fact: none is made evidence again.
    expect(engine.facts.filter((fact) => fact.source === 'bakery' && fact.uncurated)).toEqual([]);
    expect(engine.knowledge.facts).toBe(KNOWLEDGE.facts);
  });

  it('answers with the article’s own words, as short as still answers, and names the article', () => {
    const answer = engine.ask('How much did the terminal cost?');
    expect(answer.answered).toBe(true);
    const quote = answer.citations[0]?.quote ?? '';
    expect(quote).toContain('$84 million');
    expect(HARBOUR).toContain(quote);
    expect(answer.text).toBe(`The article says: “${quote}”`);
    expect(answer.citations[0]).toMatchObject({ source: 'brackwell-ferry', paragraph: 1, sentence: 2 });
    expect(answer.article).toEqual({
      id: 'brackwell-ferry',
      title: 'Brackwell opens its ferry terminal',
      language: 'en',
      date: '2026-11-30',
      url: null,
    });
  });

  it('introduces the quote in the asker’s language, saying the article’s', () => {
    const answer = engine.ask('Combien a coûté le terminal ?');
    expect(answer.answered).toBe(true);
    expect(answer.language).toBe('fr');
    expect(answer.text.startsWith('L’article dit (en anglais) : « ')).toBe(true);
    expect(answer.citations[0]?.quote).toContain('$84 million');
  });

  it('reads a person named in the article as a name, and answers who', () => {
    const answer = engine.ask('Who is the harbour master?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.quote).toContain('Lena Okoro');
  });

  it('refuses what the sentence does not say: a figure of another kind, a reason it does not give', () => {
    // The sentence about the terminal gives its cost, not a count of ferries.
    expect(engine.ask('What is the capital of Brackwell?').answered).toBe(false);
    // "why" needs words that give a reason: the first sentence gives none for the opening day.
    expect(engine.ask('Why did the ferry leave at 7.15 am?').answered).toBe(false);
    expect(engine.ask('How much did the harbour master earn?').answered).toBe(false);
  });

  it('answers "how many" only with a number that counts what is asked', () => {
    const passengers = engine.ask('How many passengers does the council expect a day?');
    expect(passengers.answered).toBe(true);
    expect(passengers.citations[0]?.quote).toContain('600 passengers');
    // The sentence counts passengers, not ferries.
    expect(engine.ask('How many ferries does the council expect a day?').answered).toBe(false);
  });

  it('reads "what caused", "what led" as asking why, and answers only with a reason', () => {
    const led = engine.ask('What led the council to choose a floating design?');
    expect(led.answered).toBe(true);
    expect(led.citations[0]?.quote).toContain('because the sea level');
    // The sentence says what the council paid and expects, not why it paid.
    expect(engine.ask('What prompted the regional council to pay for the terminal?').answered).toBe(false);
    expect(engine.ask('What caused the harbour master Lena Okoro to speak?').answered).toBe(false);
  });

  it('refuses a name that no article mentions', () => {
    const answer = engine.ask('How much did Tim Cook pay for the terminal?');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('unknown-entity');
    expect(answer.searched.map((article) => article.id)).toEqual(['bakery', 'brackwell-ferry']);
  });
});

describe('"when" in an article nobody curated', () => {
  const FLOODS =
    'Meeting on Thursday 12 June in the town hall, the river board of the northern valley approved a flood protection plan for the lower districts of the town that will run for six years.\n' +
    'The works on the embankment will last two years.';
  const floods = createEngine(
    { ...KNOWLEDGE, sources: [...KNOWLEDGE.sources, source('river-floods', FLOODS, 'en', 'Flood plan')] },
    { lexicon, bridge: () => bridge },
  );

  it('quotes the clause that says when, not the one that says how long', () => {
    const answer = floods.ask('When did the river board approve the flood plan?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.quote).toContain('Thursday 12 June');
  });

  it('refuses "when" where the article gives only a duration, and answers how long', () => {
    expect(floods.ask('When will the works on the embankment start?').answered).toBe(false);
    const long = floods.ask('How long will the works on the embankment last?');
    expect(long.answered).toBe(true);
    expect(long.citations[0]?.quote).toContain('two years');
  });
});

describe('several articles', () => {
  it('answers each question from the article it fits, never mixing their evidence', () => {
    const bakery = engine.ask('Combien de magasins Dupont va-t-il ouvrir ?');
    expect(bakery.article?.id).toBe('bakery');
    const ferry = engine.ask('How many passengers a day does the council expect?');
    expect(ferry.article?.id).toBe('brackwell-ferry');
    for (const answer of [bakery, ferry])
      expect(answer.citations.every((citation) => citation.source === answer.article?.id)).toBe(true);
  });

  it('answers as before about an article when another is added', () => {
    const alone = createEngine(KNOWLEDGE, { lexicon, bridge: () => bridge });
    for (const question of [
      'Combien de magasins Dupont va-t-il ouvrir ?',
      'Who runs the bakery?',
      'Qu’a dit le maire de Lyon ?',
      'Combien Dupont va-t-il embaucher ?',
      'What is the weather in Lyon?',
    ]) {
      const before = alone.ask(question);
      const after = engine.ask(question);
      // The same answer, word for word; only the suggestions may now offer the other article too.
      expect({ ...after, searched: [], suggestions: [] }).toEqual({
        ...before,
        searched: [],
        suggestions: [],
      });
    }
  });

  it('answers from one article when asked to, and says which were searched', () => {
    const answer = engine.ask('How many passengers a day does the council expect?', { source: 'bakery' });
    expect(answer.answered).toBe(false);
    expect(answer.searched.map((article) => article.id)).toEqual(['bakery']);
    expect(() => engine.ask('anything', { source: 'no-such-article' })).toThrow(/no-such-article/);
  });
});

describe('suggestions from an article nobody curated', () => {
  it('offers only generated questions that the engine answers from their own sentence', () => {
    const suggested = engine.ask('Who is the harbour master?').suggestions;
    const generated = new Set(
      engine.facts.filter((fact) => fact.uncurated).flatMap((fact) => fact.questions.en),
    );
    const fromSentences = suggested.filter((question) => generated.has(question));
    expect(fromSentences.length).toBeGreaterThan(0);
    for (const question of fromSentences) expect(engine.ask(question).answered).toBe(true);
  });
});

describe('the names of an article', () => {
  it('finds runs of capitalised words and last names, not titles or a sentence’s first word', () => {
    const names = articleNames(both, lexicon).map((concept) => concept.variants.en[0]);
    expect(names).toContain('Brackwell');
    expect(names).toContain('Lena Okoro');
    expect(names).toContain('Okoro');
    expect(names).not.toContain('The');
    expect(names).not.toContain('Monday');
  });

  it('takes dictionary words after a title for a name ("leader Graham Holt"), and alone for a title', () => {
    const text =
      'Council leader Graham Holt said the bridge was safe. The Water Minister opened the Rose Garden on Friday.';
    // Every capitalised word here is also a dictionary word.
    const words = new Set([
      'council',
      'leader',
      'graham',
      'holt',
      'the',
      'water',
      'minister',
      'rose',
      'garden',
    ]);
    const names = articleNames(
      { ...KNOWLEDGE, sources: [source('titles', text, 'en', 'Titles')] },
      words,
    ).map((concept) => concept.variants.en[0]);
    expect(names).toContain('Graham Holt');
    expect(names).not.toContain('Water Minister');
    expect(names).not.toContain('Rose Garden');
  });

  it('never runs a name across the punctuation that ends a clause, whether or not the tokeniser rewrote a word', () => {
    const text =
      'Selon Paris, Nora Vale a parlé. J’ai vu Brelac; Marc Aubry était là. « Tom » Varga resta – Ada Lind partit.';
    const names = articleNames(
      { ...KNOWLEDGE, sources: [source('clauses', text, 'fr', 'Clauses')] },
      lexicon,
    ).map((concept) => concept.variants.fr[0]);
    expect(names).toEqual(
      expect.arrayContaining(['Paris', 'Nora Vale', 'Brelac', 'Marc Aubry', 'Tom', 'Ada Lind']),
    );
    for (const joined of ['Paris Nora Vale', 'Brelac Marc Aubry', 'Tom Varga', 'Varga Ada Lind'])
      expect(names).not.toContain(joined);
  });
});

describe('the role of a name the glossary does not type', () => {
  it('reads a name between an article and a noun as describing it, and a name before a verb as acting', () => {
    const describing = tokenise('How much did the Brackwell ferry terminal cost?');
    expect(roleAt(describing, 4, null, undefined)).toBe('attribute');
    // A typed name keeps the reading that catches swapped roles.
    expect(roleAt(describing, 4, 'place', undefined)).toBe('subject');
    const acting = tokenise('How much will Brackwell invest?');
    expect(roleAt(acting, 3, null, undefined)).toBe('subject');
  });
});

describe('the answering passage', () => {
  it('cuts a sentence into clauses, never inside a quotation or a number', () => {
    const sentence = 'Le billet coûtera 7,50 euros, a précisé « la directrice, Sophie Lenoir », mardi.';
    const clauses = clauseSpans(sentence).map(([from, to]) => sentence.slice(from, to));
    expect(clauses).toEqual([
      'Le billet coûtera 7,50 euros',
      'a précisé « la directrice, Sophie Lenoir »',
      'mardi.',
    ]);
  });

  it('keeps a clause that is only a name with the clause it places or names', () => {
    const sentence =
      'Two ships will be built at a shipyard in Gdańsk, Poland, said its director, Henrik Vassbotn.';
    const clauses = clauseSpans(sentence).map(([from, to]) => sentence.slice(from, to));
    expect(clauses).toEqual([
      'Two ships will be built at a shipyard in Gdańsk, Poland',
      'said its director, Henrik Vassbotn.',
    ]);
  });

  it('keeps a short sentence whole and a long one to the clauses that answer', () => {
    const short = 'The terminal cost $84 million.';
    expect(
      answeringPassage(short, clauseSpans(short), () => ({ weight: 1, newWords: 5, holdsType: () => true })),
    ).toBe(short);
    const long =
      'The harbour master, who arrived from the north of the country last spring after many years at sea, said on Monday, to the crowd gathered on the pier, that the terminal cost $84 million.';
    const passage = answeringPassage(long, clauseSpans(long), (text) => ({
      weight: text.includes('terminal cost') ? 1 : 0,
      newWords: text.split(' ').length,
      holdsType: () => text.includes('$84'),
    }));
    expect(passage).toBe('that the terminal cost $84 million.');
    expect(long).toContain(passage);
  });
});

describe('the word bridge', () => {
  it('translates a word the glossary reads as a topic, which the other article may say its own way', () => {
    // "emplois" is the glossary's "hire" (jobs, job, hire): the article says "employ".
    const works = source(
      'works',
      'The new factory in Dunmore will employ 250 people from May.',
      'en',
      'Dunmore',
    );
    const withWorks = createEngine(
      { ...KNOWLEDGE, sources: [...KNOWLEDGE.sources, works] },
      {
        lexicon,
        bridge: () =>
          new WordBridge([
            ['emploi', 'employ'],
            ['usine', 'factory'],
          ]),
      },
    );
    const answer = withWorks.ask('Combien d’emplois dans la nouvelle usine ?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.quote).toContain('250 people');
  });

  it('gives a word the stems of its translations, plural forms included', () => {
    expect(bridge.keysOf('cost', 'en')).toContain('s:cout');
    expect(bridge.keysOf('passengers', 'en')).toEqual(expect.arrayContaining(['s:passag', 's:passager']));
    expect(bridge.keysOf('unknown', 'en')).toEqual([]);
  });
});
