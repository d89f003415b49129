// Accuracy per article: each question set scored on an engine that holds several articles, and
// whether its answers cite the article the set is about. Same judging rule as
// ../shared/eval/score.mjs (test/eval/questionSet.ts).
import { DEFAULT_TUNING, type Engine } from '../src/core/engine.js';
import { type Case, passes, questionOf } from '../test/eval/questionSet.js';
import { pct } from './format.js';

/** A question set and the id of the article it was written about. */
export interface ArticleSet {
  readonly name: string;
  readonly cases: readonly Case[];
  readonly article: string;
}

export interface ArticleScore {
  readonly pass: number;
  readonly total: number;
  /** Answered without the expected evidence. */
  readonly wrong: number;
  /** The same, at a confidence the engine does not hedge. */
  readonly confidentWrong: number;
  /** The ids of the questions answered from another article than the set's. */
  readonly otherArticle: readonly string[];
}

export function scoreOnArticle(engine: Engine, set: ArticleSet): ArticleScore {
  let pass = 0;
  let wrong = 0;
  let confidentWrong = 0;
  const otherArticle: string[] = [];
  for (const item of set.cases) {
    const answer = engine.ask(questionOf(item));
    const ok = passes(item, answer);
    if (ok) pass++;
    if (!answer.answered) continue;
    if (answer.article?.id !== set.article) otherArticle.push(item.id);
    if (ok) continue;
    wrong++;
    if (answer.confidence >= DEFAULT_TUNING.confident) confidentWrong++;
  }
  return { pass, total: set.cases.length, wrong, confidentWrong, otherArticle };
}

/** Neither a lower score nor more wrong answers. */
function noWorse(now: ArticleScore, before: ArticleScore): boolean {
  return now.pass >= before.pass && now.wrong <= before.wrong;
}

const COLUMNS = [16, 52] as const;
const cell = (score: ArticleScore) =>
  `${pct(score.pass, score.total)}  wrong ${score.wrong} (${score.confidentWrong})  other article ${score.otherArticle.length}`;
const row = (label: string, alone: string, together: string) =>
  `${label.padEnd(COLUMNS[0])}${alone.padEnd(COLUMNS[1])}${together}`;

export interface PerArticleReport {
  readonly lines: string[];
  /** The seed's sets that score lower, or answer wrong more often, beside the other articles. */
  readonly worse: string[];
}

/**
 * The seed's sets on the seed alone and on `together` (the seed beside other articles), side by
 * side; the other articles' sets on `together` only.
 */
export function perArticleReport(
  engines: { readonly alone: Engine; readonly together: Engine },
  seedSets: readonly ArticleSet[],
  otherSets: readonly ArticleSet[],
): PerArticleReport {
  const count = engines.together.knowledge.sources.length;
  const seed = seedSets
    .filter((set) => set.cases.length > 0)
    .map((set) => ({
      set,
      alone: scoreOnArticle(engines.alone, set),
      together: scoreOnArticle(engines.together, set),
    }));
  const others = otherSets
    .filter((set) => set.cases.length > 0)
    .map((set) => ({ set, together: scoreOnArticle(engines.together, set) }));
  const worse = seed.filter(({ alone, together }) => !noWorse(together, alone)).map(({ set }) => set.name);
  const astray = [...seed, ...others]
    .filter(({ together }) => together.otherArticle.length > 0)
    .map(({ set, together }) => `${set.name} ${together.otherArticle.join(', ')}`);
  const astrayCount = [...seed, ...others].reduce(
    (sum, { together }) => sum + together.otherArticle.length,
    0,
  );
  const lines = [
    `per article: the seed's sets on the seed alone and with ${count} articles loaded; the practice sets with ${count}`,
    `  wrong = answered without the expected evidence (at confidence >= ${DEFAULT_TUNING.confident});` +
      ' other article = answers citing an article the set is not about',
    row('set', 'seed alone', `${count} articles`),
    ...seed.map(({ set, alone, together }) => row(set.name, cell(alone), cell(together))),
    ...others.map(({ set, together }) => row(`${set.name}`, '-', cell(together))),
    `answers citing the wrong article: ${astrayCount} (${count} articles, every set)` +
      (astray.length === 0 ? '' : `: ${astray.join('; ')}`),
  ];
  return { lines, worse };
}
