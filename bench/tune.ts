import { fileURLToPath } from 'node:url';
import { HELP_OPTION, readCommandLine } from '../src/cli/commandLine.js';
import { createEngine, DEFAULT_TUNING, type Tuning } from '../src/core/engine.js';
import { loadLexicon } from '../src/knowledge/lexicon.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { readQuestionSet, score } from '../test/eval/questionSet.js';
import { DEV_SET_FILE } from '../test/eval/shared.js';

// Sweeps the engine's tuning over the dev set and the two held-out sets, to see how robust a
// setting is. Prefer broad plateaus over single peaks. usage: npx tsx bench/tune.ts
const commandLine = readCommandLine(
  'tune',
  { args: process.argv.slice(2), options: HELP_OPTION },
  'usage: npx tsx bench/tune.ts',
);
if (typeof commandLine === 'number') process.exit(commandLine);
const knowledge = loadKnowledge();
const lexicon = loadLexicon();
const sets = [
  ['dev', DEV_SET_FILE],
  ...['holdout', 'fresh', 'blind', 'blind2'].map((name) => [
    name,
    fileURLToPath(new URL(`../test/fixtures/${name}.jsonl`, import.meta.url)),
  ]),
].map(([name, file]) => ({ name, cases: readQuestionSet(file ?? '') ?? [] }));
if (sets[0]?.cases.length === 0) console.log(`skipped: the dev set (no dev set at ${DEV_SET_FILE})`);

const grid: Array<Partial<Tuning>> = [];
for (const answer of [0.48, 0.5, 0.52, 0.55])
  for (const unknownWord of [1, 1.1, 1.2, 1.33]) grid.push({ answer, unknownWord });

const pct = (value: number) => `${(value * 100).toFixed(1)}`.padStart(5);
const rows = grid.map((tuning) => {
  const engine = createEngine(knowledge, { lexicon, tuning });
  const results = sets.map((set) => ({ name: set.name, ...score(set.cases, (q) => engine.ask(q)) }));
  return { tuning, results, sum: results.reduce((sum, result) => sum + result.overall, 0) };
});
rows.sort((a, b) => b.sum - a.sum);
console.log('default', JSON.stringify(DEFAULT_TUNING));
for (const row of rows.slice(0, 15)) {
  const cells = row.results.map(
    (r) => `${r.name} ${pct(r.overall)} (ans ${pct(r.answerable)} ref ${pct(r.refusals)})`,
  );
  console.log(`${JSON.stringify(row.tuning).padEnd(50)} ${cells.join('  ')}`);
}
