import type { Engine } from '../core/engine.js';
import type { Answer, Language } from '../core/types.js';
import type { MetricsRecorder } from '../http/recorder.js';
import type { Surface } from './customIds.js';
import type { QuestionRecorder } from './questionLog.js';
import { RELATED_SHOWN } from './render.js';

/**
 * Only this much of what a member sends is read: Discord's longest message (Nitro). Anything a
 * surface passes is cut here first, so the regexes below and the engine never scan more, however
 * long the text that reaches them.
 */
export const MAX_QUESTION_INPUT = 4000;

// Markup Discord puts in message text: mentions of users, roles and channels, custom emoji,
// timestamps, command mentions, and the two mass mentions. None of it is part of a question.
const DISCORD_MARKUP =
  /<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>|<t:-?\d+(?::[tTdDfFR])?>|<\/[-_\p{L}\p{N} ]+:\d+>|(?<![\p{L}\p{N}])@(?:everyone|here)(?!\p{L})/gu;

// Markdown that wraps words of a question without being words: a masked link keeps its text, a
// bare link goes (its host and path would weigh as unknown words and sink the answer), and so
// does the language tag of a code fence.
const MASKED_LINK = /\[([^\]\n]*)\]\(\s*<?[^\s)>]*>?(?:\s+"[^"\n]*")?\s*\)/g;
const BARE_LINK = /<?\b(?:https?|ftp):\/\/[^\s>]*>?/gi;
const CODE_FENCE = /`{3,}[\w+#-]*/g;

/** The first `MAX_QUESTION_INPUT` units of `text`, never ending in half an emoji. */
function capInput(text: string): string {
  if (text.length <= MAX_QUESTION_INPUT) return text;
  return text.slice(0, MAX_QUESTION_INPUT).replace(/[\uD800-\uDBFF]$/, '');
}

/**
 * The question a member typed, without Discord markup: an id is not a word of the question
 * (it would weigh as an unknown term and sink the answer), and it must never be echoed or
 * written to the feedback file. Links and code fences go the same way; their words stay.
 */
export function stripDiscordMarkup(text: string): string {
  return capInput(text)
    .replace(DISCORD_MARKUP, ' ')
    .replace(MASKED_LINK, ' $1 ')
    .replace(BARE_LINK, ' ')
    .replace(CODE_FENCE, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Where a question is noted once answered; absent in tests of the asking alone. */
export interface QuestionSinks {
  /** The question and its outcome, for curators (never who asked). */
  readonly questionLog?: QuestionRecorder;
  /** Counted by surface, outcome and language, for `/metrics`. */
  readonly metrics?: Pick<MetricsRecorder, 'countQuestion'>;
}

/**
 * How every surface asks the engine: markup removed, the member's locale as the fallback
 * language, every article or the one `source` names (an id the caller has checked). The
 * question and its outcome are then noted in the question log and counted in the metrics, here
 * and nowhere else, so no surface can skip either.
 */
export function askAbout(
  question: string,
  fallbackLanguage: Language,
  surface: Surface,
  context: QuestionSinks & { readonly engine: Pick<Engine, 'ask'> },
  source?: string,
): Answer {
  const asked = stripDiscordMarkup(question);
  const answer = context.engine.ask(asked, {
    fallbackLanguage,
    maxSuggestions: RELATED_SHOWN,
    ...(source === undefined ? {} : { source }),
  });
  context.questionLog?.record(asked, answer, surface);
  context.metrics?.countQuestion(surface, answer);
  return answer;
}
