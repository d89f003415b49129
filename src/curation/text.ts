import { describeAdvice, percent, REPORT_TEXT } from './messages.js';
import type { CurationReport, QuestionGroup } from './report.js';

/** Groups shown per section in the terminal; `--json` and `--html` show them all. */
export const TEXT_LIMIT = 15;
const BAR_WIDTH = 20;
const LINE_WIDTH = 100;

const day = (iso: string) => iso.slice(0, 10);

function summary(report: CurationReport): string[] {
  const { totals } = report;
  const window = report.since
    ? `from ${day(report.since)} to ${day(report.until)}`
    : `up to ${day(report.until)}`;
  const surfaces = Object.entries(report.bySurface)
    .sort((a, b) => b[1] - a[1])
    .map(([surface, count]) => `${surface} ${count}`)
    .join(', ');
  return [
    `${REPORT_TEXT.title}: ${totals.questions} questions ${window}`,
    `  answered ${totals.answered} (${percent(totals.answered, totals.questions)}), refused ${totals.refused}, low confidence ${totals.lowConfidence}`,
    ...(surfaces ? [`  by surface: ${surfaces}`] : []),
    ...(totals.countedOnly > 0 ? [`  ${totals.countedOnly} direct messages counted without their text`] : []),
    `  votes: ${totals.votesUp} up, ${totals.votesDown} down`,
  ];
}

/** Words joined by ", " on indented lines of at most `LINE_WIDTH` characters. */
function wrapList(words: readonly string[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? `  ${word}` : `${line}, ${word}`;
    if (next.length > LINE_WIDTH && line !== '') {
      lines.push(`${line},`);
      line = `  ${word}`;
    } else line = next;
  }
  return line === '' ? [`  ${REPORT_TEXT.none}`] : [...lines, line];
}

/** Up to `TEXT_LIMIT` items, then a line saying how many are left out. */
function limited<T>(items: readonly T[], show: (item: T) => string[]): string[] {
  if (items.length === 0) return [`  ${REPORT_TEXT.none}`];
  const shown = items.slice(0, TEXT_LIMIT).flatMap(show);
  return items.length > TEXT_LIMIT ? [...shown, `  ${REPORT_TEXT.more(items.length - TEXT_LIMIT)}`] : shown;
}

function group(item: QuestionGroup): string[] {
  const details = [
    item.factId ? `fact ${item.factId}` : '',
    item.spellings > 1 ? `${item.spellings} spellings` : '',
    ...Object.entries(item.reasons).map(([reason, count]) =>
      count === item.count ? reason : `${reason} ${count}`,
    ),
  ].filter(Boolean);
  return [
    `  ${String(item.count).padStart(4)} × ${JSON.stringify(item.question)}  (${details.join('; ')})`,
    `         → ${describeAdvice(item.advice)}`,
  ];
}

function dayBar(answered: number, refused: number, most: number): string {
  const total = answered + refused;
  const filled = most === 0 ? 0 : Math.round((BAR_WIDTH * total) / most);
  const green = total === 0 ? 0 : Math.round((filled * answered) / total);
  return `${'█'.repeat(green)}${'░'.repeat(filled - green)}`.padEnd(BAR_WIDTH);
}

/**
 * The report for a terminal: a summary, then each section, most useful first. Questions are
 * printed as JSON strings, so a control character typed by a member cannot reach the terminal.
 */
export function renderReportText(report: CurationReport): string {
  const most = Math.max(0, ...report.perDay.map((d) => d.answered + d.refused));
  return [
    ...summary(report),
    '',
    `${REPORT_TEXT.refused} (${report.refused.length} groups)`,
    ...limited(report.refused, group),
    '',
    `${REPORT_TEXT.lowConfidence} (${report.lowConfidence.length} groups)`,
    ...limited(report.lowConfidence, group),
    '',
    `${REPORT_TEXT.downVoted} (${report.downVoted.length})`,
    ...limited(report.downVoted, (answer) => [
      `  ${String(answer.down).padStart(4)} down, ${answer.up} up: ${JSON.stringify(answer.question)} → ${answer.factIds.join(', ') || 'no fact'}`,
      `         → ${REPORT_TEXT.downVotedAdvice}`,
    ]),
    '',
    `${REPORT_TEXT.neverAsked} (${report.neverAsked.length})`,
    ...wrapList(report.neverAsked),
    '',
    `${REPORT_TEXT.perDay} (█ answered, ░ refused)`,
    ...report.perDay.map(
      (d) =>
        `  ${d.day}  ${dayBar(d.answered, d.refused, most)}  ${percent(d.answered, d.answered + d.refused).padStart(4)}  ${d.answered} of ${d.answered + d.refused}`,
    ),
    '',
  ].join('\n');
}
