import type { QuestionClass } from './language.js';
import { QUESTION_CLASSES, startsWithNumber, type Token, tableOf, wordsOf } from './text.js';

const BARE_OR = wordsOf('bareOr');
/** Small words a second item repeats: "en dollars ou en yens", "de Tokyo ou d'Osaka". */
const REPEATED = new Set([...wordsOf('determiners'), ...wordsOf('genitives'), ...wordsOf('locatives')]);
const DETERMINERS = wordsOf('determiners');
/** Words of one kind, by kind: two items of one list are alike ("dollars ou yens", "2 ou 3"). */
const KINDS: ReadonlyArray<ReadonlySet<string>> = [
  new Set(tableOf((rules) => rules.currencies).keys()),
  new Set(tableOf((rules) => rules.durationUnits).keys()),
  new Set(tableOf((rules) => rules.numberWords).keys()),
  new Set(tableOf((rules) => rules.calendarWords).keys()),
];
/** How far back the first item's small word may stand: "un nouvel accord ou la suite". */
const FIRST_ITEM_WINDOW = 3;

/**
 * The class of the question word at `at`, if it is one. "Ou" typed without its accent between
 * two items of one kind is "or", not "where": "le montant est en dollars ou en yens ?" asks which
 * currency, while "il a dit ça ou exactement" asks where.
 */
export function questionClassAt(tokens: readonly Token[], at: number): QuestionClass | undefined {
  const token = tokens[at];
  const kind = token ? QUESTION_CLASSES.get(token.norm) : undefined;
  if (!token || kind === undefined) return undefined;
  return joinsAlike(tokens, at) ? undefined : kind;
}

/** Whether the word at `at` is a bare "or" joining two items of one kind (see `questionClassAt`). */
export function joinsAlike(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  const before = tokens[at - 1];
  const after = tokens[at + 1];
  if (!token || !before || !after || !BARE_OR.has(token.raw.toLowerCase())) return false;
  const first = tokens.slice(Math.max(0, at - FIRST_ITEM_WINDOW), at).map((word) => word.norm);
  if (REPEATED.has(after.norm) && first.includes(after.norm)) return true;
  if (DETERMINERS.has(after.norm) && first.some((word) => DETERMINERS.has(word))) return true;
  if (startsWithNumber(before.norm) && startsWithNumber(after.norm)) return true;
  return KINDS.some((words) => words.has(before.norm) && words.has(after.norm));
}
