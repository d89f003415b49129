import type { AskOptions, Engine } from '../core/engine.js';
import type { Answer } from '../core/types.js';

/** Answers an engine remembers: about 1,000 answers of a few kilobytes each, a few megabytes. */
export const REMEMBERED_ANSWERS = 1000;

/** Freezes `value` and everything it holds, so that no reader can change what others share. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The engine, remembering its last `capacity` answers, the least recently asked forgotten first.
 * Members ask the same questions word for word: the ones autocomplete offers, and those of the
 * related-questions menu, which asks a known question's text. A repeat then costs a lookup
 * instead of a search. Only exact repeats (the same text and options) are remembered, which is
 * safe because the engine's answer is a function of them alone for one knowledge: it reads no
 * clock and draws nothing at random. Each served version of the knowledge has its own engine and
 * so its own memory (`serveEngine`): a reload starts empty. A remembered answer is frozen, being
 * shared by every asker.
 */
export function rememberingAnswers(engine: Engine, capacity: number = REMEMBERED_ANSWERS): Engine {
  const answers = new Map<string, Answer>();
  return {
    knowledge: engine.knowledge,
    facts: engine.facts,
    explain: (question, top) => engine.explain(question, top),
    ask(question: string, options: AskOptions = {}) {
      const key = JSON.stringify([question, options]);
      const known = answers.get(key);
      if (known) {
        answers.delete(key); // Re-inserted: a Map keeps insertion order, so the oldest is first.
        answers.set(key, known);
        return known;
      }
      const answer = deepFreeze(engine.ask(question, options));
      answers.set(key, answer);
      if (answers.size > capacity) answers.delete(answers.keys().next().value as string);
      return answer;
    },
  };
}
