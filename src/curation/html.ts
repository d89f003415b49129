import { describeAdvice, percent, REPORT_TEXT } from './messages.js';
import type { CurationReport, DayCount, QuestionGroup } from './report.js';

/** Text made safe for HTML, inside elements and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #ddd; }
td.count { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.advice { color: #555; font-size: .9rem; } .muted { color: #777; }
.legend span { display: inline-block; width: .8rem; height: .8rem; margin: 0 .3rem 0 1rem; vertical-align: -1px; }
.legend .answered { background: #2e7d32; } .legend .refused { background: #ef6c00; }
svg text { font: 11px system-ui, sans-serif; fill: #555; }
`;

const CHART = { width: 900, height: 240, left: 36, bottom: 28, top: 10 } as const;
/** On the bars themselves too, so the chart keeps its colours when copied out of the page. */
const COLOURS = { answered: '#2e7d32', refused: '#ef6c00' } as const;

/** Stacked bars of answered and refused questions per day, drawn here: no script, no library. */
export function renderChart(days: readonly DayCount[]): string {
  const most = Math.max(1, ...days.map((d) => d.answered + d.refused));
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const slot = (CHART.width - CHART.left) / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * 0.8);
  const y = (count: number) => CHART.top + plotHeight - (plotHeight * count) / most;
  const labelEvery = Math.ceil(days.length / 10);
  const bars = days.map((d, i) => {
    const x = (CHART.left + i * slot + (slot - barWidth) / 2).toFixed(1);
    const tip = `<title>${d.day}: ${d.answered} answered, ${d.refused} refused</title>`;
    const answeredTop = y(d.answered);
    const refusedTop = y(d.answered + d.refused);
    const rect = (kind: keyof typeof COLOURS, top: number, height: number) =>
      `<rect class="${kind}" fill="${COLOURS[kind]}" x="${x}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}">${tip}</rect>`;
    const label =
      i % labelEvery === 0
        ? `<text x="${(Number(x) + barWidth / 2).toFixed(1)}" y="${CHART.height - 10}" text-anchor="middle" fill="#555">${d.day.slice(5)}</text>`
        : '';
    return (
      rect('answered', answeredTop, CHART.top + plotHeight - answeredTop) +
      rect('refused', refusedTop, answeredTop - refusedTop) +
      label
    );
  });
  const axis = [0, most]
    .map(
      (count) =>
        `<text x="${CHART.left - 6}" y="${y(count) + 4}" text-anchor="end" fill="#555">${count}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-label="${REPORT_TEXT.perDay}">${axis}${bars.join('')}</svg>`;
}

function groupTable(groups: readonly QuestionGroup[]): string {
  if (groups.length === 0) return `<p class="muted">${REPORT_TEXT.none}</p>`;
  const rows = groups.map((group) => {
    const details = [
      group.form,
      group.factId ? `fact ${group.factId}` : '',
      group.spellings > 1 ? `${group.spellings} spellings` : '',
      ...Object.entries(group.reasons).map(([reason, count]) => `${reason} ${count}`),
    ]
      .filter(Boolean)
      .join(' · ');
    return `<tr><td class="count">${group.count}</td><td>${escapeHtml(group.question)}<br><span class="muted">${escapeHtml(details)}</span><br><span class="advice">→ ${escapeHtml(describeAdvice(group.advice))}</span></td></tr>`;
  });
  return `<table><tr><th>asked</th><th>question</th></tr>${rows.join('')}</table>`;
}

function downVotedTable(report: CurationReport): string {
  if (report.downVoted.length === 0) return `<p class="muted">${REPORT_TEXT.none}</p>`;
  const rows = report.downVoted.map(
    (answer) =>
      `<tr><td class="count">${answer.down}</td><td class="count">${answer.up}</td><td>${escapeHtml(answer.question)}<br><span class="muted">${escapeHtml(answer.factIds.join(', '))}</span></td></tr>`,
  );
  return `<p class="advice">→ ${escapeHtml(REPORT_TEXT.downVotedAdvice)}</p><table><tr><th>down</th><th>up</th><th>question and cited facts</th></tr>${rows.join('')}</table>`;
}

/** The report as one self-contained page: inline style and chart, no script, no external file. */
export function renderReportHtml(report: CurationReport): string {
  const { totals } = report;
  const window = report.since
    ? `from ${report.since.slice(0, 10)} to ${report.until.slice(0, 10)}`
    : `up to ${report.until.slice(0, 10)}`;
  const summary = `${totals.questions} questions ${window}: answered ${totals.answered} (${percent(totals.answered, totals.questions)}), refused ${totals.refused}, low confidence ${totals.lowConfidence}; ${totals.countedOnly} direct messages counted without their text; votes ${totals.votesUp} up, ${totals.votesDown} down.`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${REPORT_TEXT.title}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${REPORT_TEXT.title}</h1>
<p>${escapeHtml(summary)}</p>
<h2>${REPORT_TEXT.refused} (${report.refused.length})</h2>
${groupTable(report.refused)}
<h2>${REPORT_TEXT.lowConfidence} (${report.lowConfidence.length})</h2>
${groupTable(report.lowConfidence)}
<h2>${REPORT_TEXT.downVoted} (${report.downVoted.length})</h2>
${downVotedTable(report)}
<h2>${REPORT_TEXT.neverAsked} (${report.neverAsked.length})</h2>
<p>${escapeHtml(report.neverAsked.join(', ') || REPORT_TEXT.none)}</p>
<h2>${REPORT_TEXT.perDay}</h2>
<p class="legend"><span class="answered"></span>answered<span class="refused"></span>refused</p>
${renderChart(report.perDay)}
</body>
</html>
`;
}
