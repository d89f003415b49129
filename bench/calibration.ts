// Trust and calibration: for every question set, how often the engine answers without the
// expected evidence ("wrong answers", the worst outcome), and in which confidence band it does.
import type { Engine } from '../src/core/engine.js';
import { type Case, passes, questionOf } from '../test/eval/questionSet.js';

/** Confidence bands of an answer: a correction under the answer threshold, hedged, confident,
 * very confident. */
const BANDS: ReadonlyArray<readonly [number, number]> = [
  [0, 0.5],
  [0.5, 0.65],
  [0.65, 0.8],
  [0.8, 1.0001],
];

export interface NamedSet {
  readonly name: string;
  readonly cases: readonly Case[];
}

/** One line per set: overall score, wrong answers, then answers and wrong answers per band. */
export function calibrationLines(engine: Engine, sets: readonly NamedSet[]): string[] {
  const header = `calibration: answers (wrong) per confidence band ${BANDS.map(([lo, hi]) => `[${lo}, ${Math.min(1, hi)}${hi > 1 ? ']' : ')'}`).join(' ')}`;
  const rows = sets
    .filter((set) => set.cases.length > 0)
    .map((set) => {
      const counts = BANDS.map(() => ({ answers: 0, wrong: 0 }));
      let pass = 0;
      let wrong = 0;
      for (const item of set.cases) {
        const answer = engine.ask(questionOf(item));
        const ok = passes(item, answer);
        if (ok) pass++;
        if (!answer.answered) continue;
        if (!ok) wrong++;
        const band = BANDS.findIndex(([lo, hi]) => answer.confidence >= lo && answer.confidence < hi);
        const count = counts[band];
        if (!count) continue;
        count.answers++;
        if (!ok) count.wrong++;
      }
      const overall = ((100 * pass) / set.cases.length).toFixed(1);
      const bands = counts.map((count) => `${count.answers} (${count.wrong})`.padEnd(9)).join(' ');
      return `  ${set.name.padEnd(14)} ${overall.padStart(5)}%  wrong ${String(wrong).padStart(2)}  ${bands}`;
    });
  return [header, ...rows];
}
