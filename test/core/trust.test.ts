import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/bootstrap.js';

// The engine over the real knowledge: the kinds of question that tempt a bluff.
const engine = loadEngine();

describe('answering only what the article supports', () => {
  it('refuses a question whose names stand in another relation, saying what the article does say', () => {
    const answer = engine.ask('How much will Japan invest in the US?');
    expect(answer.answered).toBe(false);
    expect(answer.citations).toEqual([]);
    expect(['missing-answer-type', 'entity-mismatch']).toContain(answer.reason);
    expect(answer.text).toMatch(/^The article gives no figure for this\. The closest it comes: /);
  });

  it('refuses a figure the article does not give, naming the kind of thing missing', () => {
    const answer = engine.ask('Quelle est la population du Japon ?');
    expect(answer).toMatchObject({ answered: false, reason: 'missing-answer-type', answerType: 'amount' });
    expect(answer.text).toMatch(/^L’article ne donne pas de chiffre à ce sujet\./);
    expect(answer.text).toContain('population vieillissante');
  });

  it('refuses a time the article does not speak of', () => {
    expect(engine.ask('How much did Microsoft invest in Japan last year?').answered).toBe(false);
  });

  it('corrects a wrong figure in its first words, citing the article’s figure', () => {
    const answer = engine.ask("Microsoft investit 3 milliards d'euros au Japon, c'est bien ça ?");
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/^Non : 2,9 milliards de dollars, pas 3 milliards/);
    expect(answer.citations[0]?.quote).toContain('2,9 milliards de dollars');
    expect(answer.premises[0]).toMatchObject({ verdict: 'corrected', stated: '2,9 milliards de dollars' });
  });

  it('corrects a wrong duration and confirms a right figure', () => {
    expect(engine.ask("Is Microsoft's investment planned over ten years?").text).toMatch(
      /^No — the article says deux prochaines années, not ten years\./,
    );
    const right = engine.ask('Microsoft invests 2.9 billion dollars in Japan, right?');
    expect(right.text).toMatch(/^Yes: 2,9 milliards de dollars\./);
    expect(right.premises[0]?.verdict).toBe('confirmed');
  });

  it('answers "when" with a quote that says when', () => {
    const answer = engine.ask("Quand l'annonce a-t-elle été faite ?");
    expect(answer.answerType).toBe('time');
    expect(answer.citations[0]?.quote).toContain('mardi');
  });

  it('reads the question word inside a glossary phrase: "combien de temps" asks for a time, "how long" for a time or a length', () => {
    // The seed's glossary reads both phrases as one concept, a duration.
    expect(engine.explain('Sur combien de temps porte l’investissement ?').intent.answerType).toBe('time');
    expect(engine.explain('How long is the investment spread over?').intent.answerType).toBeNull();
  });

  it('gathers every item of a list', () => {
    const answer = engine.ask('Quels sont les deux dirigeants que Kishida rencontrera lors du sommet ?');
    const quotes = answer.citations.map((citation) => citation.quote).join(' ');
    expect(quotes).toContain('Joe Biden');
    expect(quotes).toContain('Ferdinand Marcos Jr.');
  });

  it('refuses "how many" when the evidence holds no number', () => {
    expect(engine.ask('How many GPUs will Microsoft bring?')).toMatchObject({
      answered: false,
      reason: 'missing-answer-type',
    });
  });

  it('asks for a year when "what year" is asked: a weekday does not answer it', () => {
    const year = engine.ask('In what year did Microsoft make this announcement?');
    expect(year).toMatchObject({ answered: false, reason: 'missing-answer-type', answerType: 'time' });
    const day = engine.ask("Quel jour l'annonce a-t-elle été faite ?");
    expect(day.citations[0]?.quote).toContain('mardi');
  });

  it('refuses what came before the news, saying so', () => {
    for (const question of [
      'How much did Microsoft invest in Japan before this?',
      'Combien Microsoft avait-il investi au Japon auparavant ?',
    ]) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(false);
    }
    expect(engine.ask('How much did Microsoft invest in Japan before this?').text).toMatch(
      /^The article says nothing of earlier times on this\./,
    );
  });

  it('is not confident when its answer leaves out a topic of the question that other facts treat', () => {
    const answer = engine.ask('Why does Smith think AI matters for Japan?');
    if (answer.answered && answer.citations[0]?.factId !== 'ai-opportunity-ageing-population') {
      expect(answer.confidence).toBeLessThan(0.65);
      expect(answer.hedged).toBe(true);
    }
    // Every word of it answered by one fact: no reason to doubt.
    expect(engine.ask('Why is AI an opportunity for Japan?').hedged).toBe(false);
  });

  it('refuses with the fact that fits best when only a fact silent on its topic would answer', () => {
    const answer = engine.ask('Dans quelle ville sera le centre de recherche de Microsoft ?');
    expect(answer).toMatchObject({ answered: false, reason: 'missing-answer-type', answerType: 'place' });
    expect(answer.text).toMatch(/^L’article ne donne pas de lieu à ce sujet\./);
    expect(answer.text).toContain('centre de recherche');
  });

  it('quotes the article’s figure first when an open question rests on a wrong one', () => {
    const answer = engine.ask('Why is Microsoft spending 29 billion dollars in Japan?');
    expect(answer.text).toMatch(/^No — the article says 2,9 milliards de dollars, not 29 billion dollars\./);
    expect(answer.citations[0]?.quote).toContain('2,9 milliards de dollars');
  });

  it('reads a yes/no tag as the question’s form, and a name joined to a place as a place', () => {
    const answer = engine.ask("Les installations agrandies, c'est à Tokyo et Kyoto ?");
    expect(answer.answered).toBe(true);
    expect(answer.premises[0]).toMatchObject({ verdict: 'unmentioned', claimed: 'Kyoto' });
    expect(answer.citations[0]?.quote).toContain('Osaka');
  });

  it('reads "what did X tell Y" as asking for words, and "tell me about" as a request', () => {
    expect(engine.ask('what did biden tell marcos about microsoft').answered).toBe(false);
    expect(engine.ask('tell me about the summit').answered).toBe(true);
  });

  it('corrects a yes/no claim that weighs its fact under the answer threshold, when another name stands in its place', () => {
    const answer = engine.ask('Le sommet avec Biden et Marcos porte sur la montée de la Russie, non ?');
    expect(answer.answered).toBe(true);
    expect(answer.premises[0]).toMatchObject({ verdict: 'unmentioned', claimed: 'Russie' });
    expect(answer.citations[0]?.quote).toContain('montée de la Chine');
  });

  it('corrects a claim with the fact that holds more of its words, though another scores more', () => {
    // The investments Kishida will discuss with Biden hold the names; the rise of China, the claim.
    const answer = engine.ask('Kishida will discuss the rise of Russia with Biden, right?');
    expect(answer.premises[0]).toMatchObject({ verdict: 'unmentioned', claimed: 'Russia' });
    expect(answer.citations[0]?.quote).toContain('montée de la Chine');
  });

  it('does not take an adjective for the person a question names', () => {
    // "japonais" is no stand-in for Satya Nadella: nothing in the quote is.
    const answer = engine.ask('Kishida a rencontré Satya Nadella, le PDG de Microsoft, pour l’annonce ?');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('unknown-entity');
  });

  it('refuses the closest answer when the question turns on a word nobody knows, a name in lower case', () => {
    const answer = engine.ask('will the gpus come from nvidia');
    expect(answer).toMatchObject({ answered: false, reason: 'not-in-article', citations: [] });
    expect(answer.text).toMatch(/^The article never speaks of “nvidia”\. The closest it comes: .*GPUs/);
    // A typo the knowledge corrects is no such word: the closest answer stands.
    expect(engine.ask('which cities get new facilites').answered).toBe(true);
  });

  it('does not take the organisation that qualifies a person for someone new', () => {
    // "Le président de Microsoft, Brad Smith, a fait cette annonce" names no one but Brad Smith.
    const answer = engine.ask('With whom did Brad Smith make the announcement?');
    expect(answer.citations[0]?.quote).toContain('Fumio Kishida');
    expect(engine.ask('Who made the announcement?').citations[0]?.quote).toBe(
      'Le président de Microsoft, Brad Smith, a fait cette annonce',
    );
  });

  it('does not take the country a title qualifies for where something happens', () => {
    // "avec le président des Philippines, Ferdinand Marcos Jr." places no summit.
    const answer = engine.ask('Où se tiendra le sommet avec Marcos ?');
    expect(answer.citations.map((citation) => citation.quote).join(' ')).not.toContain('des Philippines');
    expect(engine.ask('Where will Microsoft expand its facilities?').citations[0]?.quote).toContain('Tokyo');
  });

  it('refuses a sum asked in a currency the article does not give it in', () => {
    const answer = engine.ask("How much is Microsoft's investment worth in yen?");
    expect(answer).toMatchObject({ answered: false, answerType: 'amount', citations: [] });
    expect(answer.text).toMatch(
      /^The article gives no figure for this\. The closest it comes: .*2\.9 billion dollars/,
    );
    expect(engine.ask('How much is Microsoft investing in dollars?').citations[0]?.quote).toContain(
      '2,9 milliards de dollars',
    );
  });

  it('confirms a claim only when the article holds all of its words', () => {
    // "Yes: 2,9 milliards" would vouch for Oracle, which the article never names.
    const answer = engine.ask('so oracle invests 2.9bn in japanese ai right');
    expect(answer).toMatchObject({ answered: false, reason: 'not-in-article', citations: [] });
    expect(answer.text).toMatch(/^The article never speaks of “oracle”\./);
    expect(engine.ask('Microsoft invests 2.9 billion dollars in Japan, right?').premises[0]?.verdict).toBe(
      'confirmed',
    );
  });
});
