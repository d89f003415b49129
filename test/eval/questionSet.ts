import { existsSync, readFileSync } from 'node:fs';
import type { Answer } from '../../src/core/types.js';

export interface Case {
  id: string;
  lang: 'fr' | 'en';
  cat: string;
  q: string;
  expect: 'answer' | 'refuse';
  keys?: string[];
}

export function readQuestionSet(file: string): Case[] | null {
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Case);
}

// The same comparison as ../shared/eval/score.mjs: no accents, case or apostrophe style.
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The scorer's rule: a refusal must not answer; an answer's first quote must hold a key. */
export function passes(item: Case, answer: Answer): boolean {
  if (item.expect === 'refuse') return !answer.answered;
  const quote = fold(answer.citations[0]?.quote ?? '');
  return answer.answered && quote.length > 0 && (item.keys ?? []).some((key) => quote.includes(fold(key)));
}

export interface Score {
  overall: number;
  answerable: number;
  refusals: number;
  failures: string[];
}

export function score(set: readonly Case[], ask: (question: string) => Answer): Score {
  let pass = 0;
  let answerable = 0;
  let answerablePass = 0;
  let refusals = 0;
  let refusalsPass = 0;
  const failures: string[] = [];
  for (const item of set) {
    const ok = passes(item, ask(item.q));
    if (ok) pass++;
    else failures.push(`${item.id} [${item.cat}] ${item.q}`);
    if (item.expect === 'answer') {
      answerable++;
      if (ok) answerablePass++;
    } else {
      refusals++;
      if (ok) refusalsPass++;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    overall: ratio(pass, set.length),
    answerable: ratio(answerablePass, answerable),
    refusals: ratio(refusalsPass, refusals),
    failures,
  };
}
