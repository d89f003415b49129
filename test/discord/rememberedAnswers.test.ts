import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/bootstrap.js';
import type { AskOptions, Engine } from '../../src/core/engine.js';
import { rememberingAnswers } from '../../src/discord/rememberedAnswers.js';
import { questionOf, readQuestionSet } from '../eval/questionSet.js';

let engine: Engine;

// Loading the word lists takes seconds, longer on a busy machine.
beforeAll(() => {
  engine = loadEngine();
}, 60_000);

/** The engine, counting the questions it is really asked. */
function counted(inner: Engine) {
  const asked: string[] = [];
  const counting: Engine = {
    knowledge: inner.knowledge,
    facts: inner.facts,
    explain: (question, top) => inner.explain(question, top),
    ask: (question: string, options?: AskOptions) => {
      asked.push(question);
      return inner.ask(question, options);
    },
  };
  return { counting, asked };
}

describe('rememberingAnswers', () => {
  it('answers a repeated question from memory, with the very answer the engine gave', () => {
    const { counting, asked } = counted(engine);
    const remembering = rememberingAnswers(counting);
    const first = remembering.ask('Combien Microsoft va-t-il investir au Japon ?', {
      fallbackLanguage: 'fr',
    });
    const again = remembering.ask('Combien Microsoft va-t-il investir au Japon ?', {
      fallbackLanguage: 'fr',
    });
    expect(again).toBe(first);
    expect(asked).toHaveLength(1);
    expect(first.answered).toBe(true);
  });

  it('asks the engine again when the text or any option differs', () => {
    const { counting, asked } = counted(engine);
    const remembering = rememberingAnswers(counting);
    const question = 'Combien Microsoft va-t-il investir au Japon ?';
    remembering.ask(question, { fallbackLanguage: 'fr' });
    remembering.ask(question, { fallbackLanguage: 'en' });
    remembering.ask(question, { fallbackLanguage: 'fr', maxSuggestions: 2 });
    remembering.ask(question, { fallbackLanguage: 'fr', source: 'microsoft-japan-ai' });
    remembering.ask(`${question} `, { fallbackLanguage: 'fr' });
    remembering.ask(question.toLowerCase(), { fallbackLanguage: 'fr' });
    expect(asked).toHaveLength(6);
  });

  it('forgets the least recently asked question first', () => {
    const { counting, asked } = counted(engine);
    const remembering = rememberingAnswers(counting, 2);
    for (const question of ['Qui ?', 'Quand ?', 'Qui ?', 'Combien ?', 'Qui ?', 'Quand ?'])
      remembering.ask(question);
    // "Quand ?" went when "Combien ?" came (capacity 2, "Qui ?" asked more recently); "Qui ?" stayed.
    expect(asked).toEqual(['Qui ?', 'Quand ?', 'Combien ?', 'Quand ?']);
  });

  it('gives the same answers as the engine, asked twice over, on the seed article question sets', () => {
    const questions = ['holdout', 'fresh', 'blind', 'blind2'].flatMap(
      (name) => readQuestionSet(path.join('test/fixtures', `${name}.jsonl`)) ?? [],
    );
    expect(questions.length).toBeGreaterThan(400);
    const remembering = rememberingAnswers(engine, 100);
    for (const pass of [1, 2]) {
      for (const item of questions) {
        const options = { fallbackLanguage: item.lang, maxSuggestions: 5 };
        const text = questionOf(item);
        expect(remembering.ask(text, options), `${item.id}, pass ${pass}`).toEqual(engine.ask(text, options));
      }
    }
  });

  it('freezes a remembered answer: no reader can change what the next asker gets', () => {
    const answer = rememberingAnswers(engine).ask('Combien Microsoft va-t-il investir au Japon ?');
    expect(() => {
      (answer as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    expect(() => (answer.citations as unknown[]).push({})).toThrow(TypeError);
  });

  it('passes the knowledge, the facts and explain through', () => {
    const remembering = rememberingAnswers(engine);
    expect(remembering.knowledge).toBe(engine.knowledge);
    expect(remembering.facts).toBe(engine.facts);
    expect(remembering.explain('Qui ?')).toEqual(engine.explain('Qui ?'));
  });
});
