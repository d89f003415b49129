import { inspect } from 'node:util';
import { articleLabel, searchedLine } from '../articleLines.js';
import type { Explanation } from '../core/engine.js';
import { formatLocation, formatPercent } from '../core/format.js';
import type { Answer } from '../core/types.js';

/** The JSON contract of `npm run ask -- --json`: one object a question. */
export interface AnswerJson {
  question: string;
  answered: boolean;
  answer: string;
  language: 'fr' | 'en';
  confidence: number;
  citations: Array<{ source: string; paragraph: number; sentence: number; quote: string }>;
  suggestions: string[];
  reason: string | null;
  hedged: boolean;
  answerType: string | null;
  premises: Array<{ verdict: string; claimed: string; stated: string }>;
  /** The article every citation comes from; null when not answered. */
  article: { id: string; title: string; date: string | null; url: string | null } | null;
  /** The ids of the articles the question was looked for in. */
  searched: string[];
}

export function toJson(answer: Answer): AnswerJson {
  return {
    question: answer.question,
    answered: answer.answered,
    answer: answer.text,
    language: answer.language,
    confidence: answer.confidence,
    citations: answer.citations.map(({ source, paragraph, sentence, quote }) => ({
      source,
      paragraph,
      sentence,
      quote,
    })),
    suggestions: [...answer.suggestions],
    reason: answer.reason,
    hedged: answer.hedged,
    answerType: answer.answerType,
    premises: answer.premises.map(({ verdict, claimed, stated }) => ({ verdict, claimed, stated })),
    article: answer.article
      ? {
          id: answer.article.id,
          title: answer.article.title,
          date: answer.article.date,
          url: answer.article.url,
        }
      : null,
    searched: answer.searched.map((article) => article.id),
  };
}

const LABELS = {
  fr: { confidence: 'confiance', suggestions: 'Vous pouvez demander :', related: 'Voir aussi :' },
  en: { confidence: 'confidence', suggestions: 'You could ask:', related: 'See also:' },
} as const;

type Paint = (text: string) => string;

/** How the terminal marks the parts of an answer: the quote stands out, the rest steps back. */
export interface TextStyle {
  readonly quote: Paint;
  readonly muted: Paint;
  readonly heading: Paint;
}

const unpainted: Paint = (text) => text;
const paint =
  (colour: keyof typeof inspect.colors): Paint =>
  (text) => {
    const [open, close] = inspect.colors[colour] ?? [0, 0];
    return `\x1b[${open}m${text}\x1b[${close}m`;
  };

export const PLAIN: TextStyle = { quote: unpainted, muted: unpainted, heading: unpainted };
export const COLOURED: TextStyle = { quote: paint('cyan'), muted: paint('dim'), heading: paint('bold') };

/** Colours only for a terminal that shows them, and never when NO_COLOR is set (no-color.org). */
export function styleFor(output: NodeJS.WritableStream, env: NodeJS.ProcessEnv): TextStyle {
  if (env.NO_COLOR) return PLAIN;
  return (output as { hasColors?: () => boolean }).hasColors?.() === true ? COLOURED : PLAIN;
}

/**
 * A readable rendering of an answer for a terminal: each quote under the article it comes from
 * (its title, and date or URL), or for a refusal the articles searched.
 */
export function renderText(answer: Answer, style: TextStyle = PLAIN): string {
  const labels = LABELS[answer.language];
  const lines = [answer.text];
  const article = answer.article ? articleLabel(answer.article) : null;
  for (const citation of answer.citations) {
    lines.push(`  ${style.quote(`« ${citation.quote} »`)}`);
    lines.push(
      style.muted(`  — ${article ?? citation.source}, ${formatLocation(citation, answer.language)}`),
    );
  }
  if (answer.answered)
    lines.push(style.muted(`  (${labels.confidence} ${formatPercent(answer.confidence, answer.language)})`));
  else if (answer.searched.length > 0) lines.push(style.muted(`  ${searchedLine(answer)}`));
  if (answer.suggestions.length > 0) {
    lines.push(style.heading(answer.answered ? labels.related : labels.suggestions));
    for (const suggestion of answer.suggestions.slice(0, 3)) lines.push(`  • ${suggestion}`);
  }
  return lines.join('\n');
}

/** The terms and the best-scoring facts behind an answer (`npm run ask -- --explain`). */
export function renderExplanation(explanation: Explanation): string {
  const terms = explanation.terms
    .map(
      (term) =>
        `${term.surface}[${term.keys.join(' ')}]=${term.weight}${term.flags ? ` (${term.flags})` : ''}`,
    )
    .join('  ');
  const { intent } = explanation;
  const asks = [
    `asks: ${intent.answerType ?? 'no particular kind'}${intent.yesNo ? ', yes/no' : ''}${intent.list ? `, ${intent.list}` : ''}`,
    `entities: ${intent.entities.join(' ') || '-'}`,
    `values: ${intent.values.join(' ') || '-'}`,
    intent.frames.length > 0 ? `time: ${intent.frames.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('  ');
  const ranking = explanation.ranking.map(
    (item) =>
      `  ${item.score.toFixed(3)} ${item.factId}  covers: ${item.covered.join(', ') || '-'}` +
      (item.rejected.length > 0 ? `\n        rejected: ${item.rejected.join('; ')}` : ''),
  );
  return [`terms: ${terms}`, asks, ...ranking].join('\n');
}
