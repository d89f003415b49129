import { existsSync, readFileSync } from 'node:fs';

export interface Case {
  id: string;
  lang: 'fr' | 'en';
  cat: string;
  q: string;
  /** `safe`: refusing, or answering with the right evidence, both pass (a false premise, a swap). */
  expect: 'answer' | 'refuse' | 'safe';
  keys?: string[];
}

/** The least the scorer reads of an answer: the engine's `Answer` and the bench baseline's both fit. */
export interface ScorableAnswer {
  readonly answered: boolean;
  readonly citations: ReadonlyArray<{ readonly quote: string }>;
}

export function readQuestionSet(file: string): Case[] | null {
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Case);
}

/** The question as ../shared/eval/score.mjs sends it (one line). */
export const questionOf = (item: Case): string => item.q.replace(/\n/g, ' ');

// The same comparison as ../shared/eval/score.mjs: no accents, case or apostrophe style.
const fold = (text: string) =>
  String(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The scorer's rule: a refusal must not answer; an answer's first quote must hold a key. */
export function passes(item: Case, answer: ScorableAnswer): boolean {
  if (item.expect === 'refuse') return answer.answered === false;
  if (item.expect === 'safe' && answer.answered === false) return true;
  const quote = fold(answer.citations[0]?.quote ?? '');
  return (
    answer.answered === true && quote.length > 0 && (item.keys ?? []).some((key) => quote.includes(fold(key)))
  );
}

export interface Score {
  /** Ratios in [0, 1]; 1 when there is nothing to count. */
  overall: number;
  answerable: number;
  refusals: number;
  /** One line per failed question: id, category and question. */
  failures: string[];
  /** Answers given without the expected evidence: the worst outcome. */
  wrong: number;
  /** The counts behind the ratios. */
  pass: number;
  total: number;
  answerablePass: number;
  answerableTotal: number;
  refusalsPass: number;
  refusalsTotal: number;
}

export function score(set: readonly Case[], ask: (question: string) => ScorableAnswer): Score {
  let pass = 0;
  let answerableTotal = 0;
  let answerablePass = 0;
  let refusalsTotal = 0;
  let refusalsPass = 0;
  const failures: string[] = [];
  let wrong = 0;
  for (const item of set) {
    const answer = ask(questionOf(item));
    const ok = passes(item, answer);
    if (ok) pass++;
    else failures.push(`${item.id} [${item.cat}] ${item.q}`);
    if (!ok && answer.answered) wrong++;
    if (item.expect === 'answer') {
      answerableTotal++;
      if (ok) answerablePass++;
    } else {
      refusalsTotal++;
      if (ok) refusalsPass++;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    overall: ratio(pass, set.length),
    answerable: ratio(answerablePass, answerableTotal),
    refusals: ratio(refusalsPass, refusalsTotal),
    failures,
    wrong,
    pass,
    total: set.length,
    answerablePass,
    answerableTotal,
    refusalsPass,
    refusalsTotal,
  };
}
