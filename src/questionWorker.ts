// A worker thread's entry: the candidate questions of sentences (see `questionsBeside` in
// bootstrap.ts), written while the main thread builds the engine. It reads nothing but its input.
import { parentPort, workerData } from 'node:worker_threads';
import { candidateQuestions } from './core/candidates.js';
import type { Bilingual, Language } from './core/types.js';

/** What the worker is given: sentences, each with its article's language. */
export interface QuestionWork {
  readonly texts: readonly string[];
  readonly languages: readonly Language[];
}

const { texts, languages } = workerData as QuestionWork;
const questions: Array<Bilingual<string[]>> = texts.map((text, i) =>
  candidateQuestions(text, languages[i] ?? 'en'),
);
parentPort?.postMessage(questions);
