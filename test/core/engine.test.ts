import { describe, expect, it } from 'vitest';
import { createEngine, MAX_ANALYSED_CHARS } from '../../src/core/engine.js';
import { ARTICLE, KNOWLEDGE } from './fixture.js';

// A tiny dictionary: real words that must not be "corrected" into knowledge words.
const lexicon = new Set(['weather', 'salary', 'apple', 'price', 'bonjour', 'revenue', 'shops', 'opening']);
const engine = createEngine(KNOWLEDGE, { lexicon });

describe('answering', () => {
  it('answers in the language of the question and cites the verbatim quote with its place', () => {
    const answer = engine.ask('How many shops will Dupont open in Lyon?');
    expect(answer.answered).toBe(true);
    expect(answer.language).toBe('en');
    expect(answer.text).toBe('Dupont will open three shops in Lyon.');
    expect(answer.citations[0]).toEqual({
      source: 'bakery',
      factId: 'shops',
      paragraph: 1,
      sentence: 1,
      quote: 'ouvrira trois magasins à Lyon',
    });
    expect(ARTICLE).toContain(answer.citations[0]?.quote);
    expect(answer.reason).toBeNull();
  });

  it('answers a French question in French', () => {
    const answer = engine.ask('Qui est le directeur de la boulangerie ?');
    expect(answer.answered).toBe(true);
    expect(answer.language).toBe('fr');
    expect(answer.citations[0]?.factId).toBe('director');
    expect(answer.text).toBe('Paul Martin est le directeur de Dupont.');
  });

  it('corrects typos against the knowledge vocabulary', () => {
    const answer = engine.ask('combien embauchs paul martn');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.factId).toBe('hiring');
  });

  it('matches across languages through the glossary', () => {
    expect(engine.ask('how many boutiques').citations[0]?.factId).toBe('shops');
  });

  it('gives a confidence between 0 and 1 and related questions', () => {
    const answer = engine.ask('Who is Paul Martin?');
    expect(answer.confidence).toBeGreaterThan(0.5);
    expect(answer.confidence).toBeLessThanOrEqual(1);
    expect(answer.suggestions.length).toBeGreaterThan(0);
    expect(answer.suggestions).not.toContain('Who is Paul Martin?');
  });

  it('cites several facts when the question spans them, the best first', () => {
    const answer = engine.ask('How many shops will Dupont open in Lyon, and what does the mayor think?');
    expect(answer.citations.map((citation) => citation.factId)).toEqual(['shops', 'mayor']);
    expect(answer.text).toContain('three shops');
    expect(answer.text).toContain('Anne Petit');
  });

  it('cites one fact when one answers the whole question', () => {
    expect(engine.ask('Who is Paul Martin?').citations.map((citation) => citation.factId)).toEqual([
      'director',
    ]);
  });

  it('falls back to the given language when the words do not tell', () => {
    expect(engine.ask('Paul Martin', { fallbackLanguage: 'en' }).language).toBe('en');
    expect(engine.ask('Paul Martin', { fallbackLanguage: 'fr' }).language).toBe('fr');
  });
});

describe('refusing', () => {
  it('refuses an empty question or one of function words only, and suggests questions', () => {
    for (const question of ['', '   ', '?!', 'le la les', 'what is the']) {
      const answer = engine.ask(question);
      expect(answer.answered).toBe(false);
      expect(answer.reason).toBe('empty');
      expect(answer.citations).toEqual([]);
      expect(answer.suggestions.length).toBeGreaterThan(0);
      expect(answer.suggestions.length).toBeLessThanOrEqual(3);
    }
  });

  it('suggests the featured facts first when nothing in the question is closer', () => {
    expect(engine.ask('?').suggestions[0]).toBe('Qu’en pense la maire ?');
    expect(engine.ask('hello').suggestions[0]).toBe('What does the mayor think?');
  });

  it('names an entity the article does not mention', () => {
    const answer = engine.ask('How many shops will Apple open in Lyon?');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('unknown-entity');
    expect(answer.unknownEntity).toBe('Apple');
    expect(answer.text).toContain('Apple');
    expect(answer.confidence).toBe(0);
  });

  it('keeps adjacent capitalised words as one name and separate ones apart', () => {
    const en = engine.ask('Will Tim Cook open shops in Paris?');
    expect(en.unknownEntity).toBe('Tim Cook, Paris');
    expect(en.text).toContain('does not mention Tim Cook or Paris.');
    const fr = engine.ask('Est-ce que Tim Cook ouvrira des magasins à Paris ?');
    expect(fr.text).toContain('ne mentionne ni Tim Cook ni Paris.');
  });

  it('refuses an attribute the article does not give', () => {
    const answer = engine.ask("What is Paul Martin's salary?");
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('not-in-article');
    expect(answer.confidence).toBeLessThan(0.5);
  });

  it('refuses off-topic questions', () => {
    for (const question of ['What will the weather be tomorrow?', 'revenue price']) {
      expect(engine.ask(question).answered).toBe(false);
    }
  });

  it('never corrects a real word into a knowledge word', () => {
    // "mayer" is one letter from "mayor": a typo when no dictionary knows it, a word when one does.
    expect(createEngine(KNOWLEDGE).ask('mayer Lyon').citations[0]?.factId).toBe('mayor');
    const withWord = createEngine(KNOWLEDGE, { lexicon: new Set(['mayer']) }).ask('mayer Lyon');
    expect(withWord.citations[0]?.factId).not.toBe('mayor');
  });
});

describe('bounded work', () => {
  it('answers a very long question without analysing all of it', () => {
    const long = `Who is Paul Martin? ${'blah '.repeat(20_000)}`;
    const answer = engine.ask(long);
    expect(answer.question).toBe(long);
    expect(typeof answer.answered).toBe('boolean');
  });

  it('reads nothing past the analysed part of a question, not even to join the names it found', () => {
    // "Tim" and "Cook" are apart in the analysed part; a "Tim Cook" further on must not join them.
    const head = `Will Tim open shops in Lyon, and Cook? ${'blah '.repeat(120)}`;
    const tail = 'Tim Cook '.repeat(20_000);
    expect(head.length).toBeGreaterThan(MAX_ANALYSED_CHARS);
    const answer = engine.ask(head + tail);
    expect(answer.unknownEntity).toBe('Tim, Cook');
    expect({ ...answer, question: '' }).toEqual({ ...engine.ask(head), question: '' });
  });
});

describe('intents', () => {
  it('never lets question words alone select a fact', () => {
    expect(engine.ask('How many?').answered).toBe(false);
    expect(engine.explain('how many whatsits').ranking.every((item) => item.score === 0)).toBe(true);
  });

  // Each rule is shown by turning it off: the same question is answered without it.
  const without = (tuning: Parameters<typeof createEngine>[1]) =>
    createEngine(KNOWLEDGE, { lexicon, ...tuning });

  it('a quantity question needs a fact whose quote states a number, and says so', () => {
    const answer = engine.ask('How many directors run the bakery?');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('missing-answer-type');
    expect(answer.answerType).toBe('amount');
    expect(answer.text).toMatch(/^The article gives no figure for this\. The closest it comes: /);
    expect(answer.citations).toEqual([]);
    expect(engine.ask('How many people will be hired?').citations[0]?.factId).toBe('hiring');
  });

  it('a name question needs a fact whose quote names someone', () => {
    const refused = engine.ask('What are the hires called?');
    expect(refused.answered).toBe(false);
    expect(refused.reason).toBe('missing-answer-type');
    expect(engine.ask('What is the name of the mayor of Lyon?').citations[0]?.factId).toBe('mayor');
  });

  it('a time question needs a fact that says when', () => {
    const answer = engine.ask('When did the mayor of Lyon welcome the news?');
    expect(answer.answered).toBe(false);
    expect(answer.answerType).toBe('time');
    expect(answer.reason).toBe('missing-answer-type');
  });

  it('a which-city question needs a quote that names a place', () => {
    const question = 'In which city will 40 people be hired?';
    const lenient = without({ tuning: { noName: 1 } }).ask(question);
    const strict = without({ tuning: { noName: 0.3 } }).ask(question);
    expect(strict.confidence).toBeLessThan(lenient.confidence);
  });

  it('a who-question needs a quote naming someone the question does not', () => {
    // The director fact's quote names only Paul Martin, whom the question already names.
    const question = 'Who is the director with Paul Martin?';
    const lenient = without({ tuning: { noNewName: 1 } }).ask(question);
    const strict = without({ tuning: { noNewName: 0.3 } }).ask(question);
    expect(strict.confidence).toBeLessThan(lenient.confidence);
    expect(engine.ask('Who is the mayor of Lyon?').citations[0]?.factId).toBe('mayor');
  });

  it('a what-did-they-say question needs a sentence that reports words', () => {
    const question = 'What did Paul Martin say about the hires?';
    const lenient = without({ tuning: { noSpeech: 1 } }).ask(question);
    const strict = without({ tuning: { noSpeech: 0.3 } }).ask(question);
    expect(strict.confidence).toBeLessThan(lenient.confidence);
    expect(engine.ask('What did the mayor of Lyon say?').citations[0]?.factId).toBe('mayor');
  });

  it('a fact that misses a name of the question scores less', () => {
    const question = 'Anne Petit shops';
    const lenient = without({ tuning: { missingName: 1 } }).ask(question);
    const strict = without({ tuning: { missingName: 0.5 } }).ask(question);
    expect(strict.confidence).toBeLessThan(lenient.confidence);
  });
});
