import { formatPercent } from '../core/format.js';
import type { Advice } from './advice.js';

/** The words of the report, shared by its text and HTML forms. */
export const REPORT_TEXT = {
  title: 'Question log report',
  refused: 'Refused questions, most asked first',
  lowConfidence: 'Low-confidence answers, most asked first',
  downVoted: 'Answers voted down',
  neverAsked: 'Facts never asked',
  perDay: 'Answered per day',
  none: 'none',
  more: (count: number) => `… ${count} more: see --json or --html for all`,
  downVotedAdvice: 'check that the cited facts answer it; if another fact does, add it there as an alternate',
} as const;

/** What to do about a group of questions, in a sentence a curator acts on. */
export function describeAdvice(advice: Advice): string {
  switch (advice.kind) {
    case 'alternate':
      return `add it as an alternate question to fact ${advice.factId}`;
    case 'glossary':
      return `add a glossary variant for "${advice.word}", if it means a word of fact ${advice.factId} (which answers without it)`;
    case 'confirm':
      return `if fact ${advice.factId} answers it, add it as an alternate question to it; if not, nothing`;
    case 'answered-now':
      return `nothing: the knowledge answers it now (fact ${advice.factId})`;
    case 'off-topic':
      return advice.names.length > 0
        ? `nothing: off-topic (the article never mentions ${advice.names.join(', ')})`
        : 'nothing: off-topic';
  }
}

/** "78%": a share as a whole percentage (the report is in English), "–" for no questions. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : formatPercent(part / whole, 'en');
}
