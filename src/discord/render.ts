import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APISelectMenuOption,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  type MessageFlags,
} from 'discord.js';
import { articleLabel, oneLine, searchedLine } from '../articleLines.js';
import type { CooldownConfig } from '../config.js';
import { formatLocation } from '../core/format.js';
import type { QuestionIndex } from '../core/questionIndex.js';
import type { Answer, KnowledgeBase, Language } from '../core/types.js';
import type { IdChanges } from '../knowledge/diff.js';
import type { ReloadResult } from '../knowledge/host.js';
import { formatIssue } from '../knowledge/validate.js';
import { relatedId, type Surface, voteId } from './customIds.js';
import { deepFreeze } from './rememberedAnswers.js';
import { stringsFor } from './strings.js';

/** Discord's limits, counted in UTF-16 units (never more than Discord's own count). */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedsTotal: 6000,
  selectOptions: 25,
  optionLabel: 100,
  optionValue: 100,
  autocompleteChoices: 25,
  choiceName: 100,
} as const;

/** Quotes shown per answer; each is a field. */
const MAX_CITATIONS = 5;
/** Related questions offered in the menu under an answer; the engine is asked for as many. */
export const RELATED_SHOWN = 5;

export const COLOURS = { answer: 0x2f6fb3, hedged: 0xc8902c, refusal: 0x7a8290 } as const;
const HIGH_CONFIDENCE = 0.8;

/**
 * What a reply says. Who sees it and whom it may ping are not the renderer's to say: they are
 * set once, where the reply leaves (`respond.ts` for interactions, `bot.ts` for messages).
 */
export interface ReplyBody {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** A reply as it leaves: pinging nobody, and private when `flags` says so. */
export interface ReplyPayload extends ReplyBody {
  allowedMentions: { parse: []; repliedUser: false };
  flags?: MessageFlags.Ephemeral;
}

export interface RenderContext {
  readonly knowledge: KnowledgeBase;
  readonly questions: QuestionIndex;
}

/** Nobody is ever pinged by a reply, whatever the question or the knowledge holds. */
export function noMentions(): ReplyPayload['allowedMentions'] {
  return { parse: [], repliedUser: false };
}

/**
 * Cuts text to at most `max` units at a word boundary, marking the cut with "…". It never
 * splits a surrogate pair nor leaves a dangling escape backslash.
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  if (space >= max * 0.6) cut = cut.slice(0, space);
  cut = cut.replace(/[\uD800-\uDBFF]$/, '').replace(/\\+$/, '');
  return `${cut.trimEnd()}…`;
}

/** Breaks @everyone and @here with a zero-width space, in case the text ever lands in `content`. */
const MASS_MENTION = /@(everyone|here)/g;

/**
 * Marks that open emphasis, code, spoilers and masked links. discord.js's escapes leave some live:
 * "****" keeps one "*", "````" one "`", and only the first masked link of a line is escaped.
 */
const INLINE_MARKS = /[*_~|`[]/g;

/** Text typed by a user, made inert: one line, no control characters, markdown escaped. */
export function escapeUserText(text: string): string {
  const flat = oneLine(text);
  // Every mark is escaped, after the backslashes are doubled so that an added one never reads as
  // an escaped backslash (Discord shows "\*" as "*"); discord.js then escapes headings and lists.
  const marked = flat.replaceAll('\\', '\\\\').replace(INLINE_MARKS, '\\$&');
  return escapeMarkdown(marked, {
    escape: false,
    codeBlock: false,
    inlineCode: false,
    italic: false,
    bold: false,
    underline: false,
    strikethrough: false,
    spoiler: false,
    heading: true,
    bulletedList: true,
    numberedList: true,
  }).replace(MASS_MENTION, '@\u200b$1');
}

/** A title is cut here where Discord shows it as plain text: a footer, an autocomplete choice. */
export const PLAIN_TITLE = 100;

/**
 * An article's title where Discord shows plain text (a footer, a choice name: no markdown there,
 * so escaping would only show backslashes): on one line, cut, and no live @everyone or @here.
 */
export function plainTitle(title: string, max: number = PLAIN_TITLE): string {
  return truncateAtWord(oneLine(title).replace(MASS_MENTION, '@\u200b$1'), max);
}

/** Escapes then truncates, so the escaped text (what Discord counts) fits in `max`. */
export function fitUserText(text: string, max: number): string {
  let budget = Math.min(text.length, max);
  let escaped = escapeUserText(truncateAtWord(text, budget));
  while (escaped.length > max && budget > 1) {
    budget = Math.max(1, budget - (escaped.length - max));
    escaped = escapeUserText(truncateAtWord(text, budget));
  }
  // One escaped mark ("\\[") cannot fit a budget of one: nothing is better than half an escape.
  return escaped.length <= max ? escaped : '';
}

/** Reverses `escapeUserText`'s backslashes: how a vote recovers the question from its embed. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([^\sA-Za-z0-9])/g, '$1').replace(/@\u200b(everyone|here)/g, '@$1');
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * Keeps all embeds within 6000 units together (EmbedBuilder does not check it): the
 * description gives way first, then the title, then the later quotes; the first quote stays.
 */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const total = () => embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  const shrink = (text: string, floor: number) =>
    truncateAtWord(text, Math.max(floor, text.length - (total() - LIMITS.embedsTotal)));
  for (const embed of embeds) {
    if (total() <= LIMITS.embedsTotal) break;
    if (embed.description) embed.description = shrink(embed.description, 200);
    if (total() > LIMITS.embedsTotal && embed.title) embed.title = shrink(embed.title, 40);
    for (const field of (embed.fields ?? []).slice(1).reverse()) {
      if (total() <= LIMITS.embedsTotal) break;
      field.value = shrink(field.value, 120);
    }
  }
  return embeds;
}

/** ●○○ is a hedged answer ("the closest the article comes"), ●●● one that covers nearly all. */
function confidenceMark(answer: Answer): string {
  if (answer.hedged) return '●○○';
  return answer.confidence >= HIGH_CONFIDENCE ? '●●●' : '●●○';
}

function selectRow(
  answer: Answer,
  surface: Surface,
  questions: QuestionIndex,
): APIActionRowComponent<APIComponentInMessageActionRow> | null {
  const options: APISelectMenuOption[] = [];
  for (const suggestion of answer.suggestions) {
    const known = questions.byText(suggestion);
    if (!known || options.some((option) => option.value === known.key)) continue;
    if (known.key.length > LIMITS.optionValue) continue;
    options.push({ label: truncateAtWord(known.text, LIMITS.optionLabel), value: known.key });
    if (options.length >= RELATED_SHOWN) break;
  }
  if (options.length === 0) return null;
  const strings = stringsFor(answer.language);
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: relatedId(surface),
        placeholder: answer.answered ? strings.related : strings.couldAsk,
        options,
      },
    ],
  };
}

function voteRow(answer: Answer, surface: Surface): APIActionRowComponent<APIComponentInMessageActionRow> {
  const strings = stringsFor(answer.language);
  const factIds = answer.citations.map((citation) => citation.factId);
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: voteId('up', surface, factIds),
        emoji: { name: '👍' },
        label: strings.helpful,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: voteId('down', surface, factIds),
        emoji: { name: '👎' },
        label: strings.notHelpful,
      },
    ],
  };
}

/** What an answer was last rendered as, on which surface, against which known questions. */
const rendered = new WeakMap<Answer, { surface: Surface; questions: QuestionIndex; body: ReplyBody }>();

/**
 * The embed of an answer or a refusal, with its related-questions menu and vote buttons. An
 * answer the engine remembered (`rememberedAnswers.ts`), asked again on the same surface, gets
 * the body it got the first time: rendering reads nothing else. Frozen, since it is shared.
 */
export function renderAnswer(
  answer: Answer,
  options: { surface: Surface },
  context: RenderContext,
): ReplyBody {
  const known = rendered.get(answer);
  if (known?.surface === options.surface && known.questions === context.questions) return known.body;
  const body = deepFreeze(composeAnswer(answer, options.surface, context.questions));
  rendered.set(answer, { surface: options.surface, questions: context.questions, body });
  return body;
}

function composeAnswer(answer: Answer, surface: Surface, questions: QuestionIndex): ReplyBody {
  const strings = stringsFor(answer.language);
  const citations = answer.citations.slice(0, MAX_CITATIONS);
  const title = fitUserText(answer.question, LIMITS.title);
  const embed: APIEmbed = {
    ...(title ? { title } : {}),
    // A refusal may name what the user typed ("does not mention X"): escaped like the question.
    description: fitUserText(answer.text, LIMITS.description),
    color: answer.answered ? (answer.hedged ? COLOURS.hedged : COLOURS.answer) : COLOURS.refusal,
    fields: citations.map((citation) => ({
      name: formatLocation(citation, answer.language),
      value: truncateAtWord(`> ${escapeMarkdown(citation.quote)}`, LIMITS.fieldValue),
    })),
  };
  // A greeting or a bare "?" is not a question the article fails to cover: it gets the help
  // text and suggestions, with nothing to vote on.
  const empty = answer.reason === 'empty';
  if (!answer.answered && !empty) embed.author = { name: strings.notCovered(answer.searched.length) };
  // Every reply says which article it speaks for: an answer its own, a refusal those it searched.
  const footer = answer.answered
    ? [
        answer.article ? articleLabel(answer.article, plainTitle) : '',
        `${strings.confidence} ${confidenceMark(answer)}`,
      ]
    : [searchedLine(answer, plainTitle)];
  const footerText = footer.filter(Boolean).join(' · ');
  if (footerText) embed.footer = { text: truncateAtWord(footerText, LIMITS.footer) };

  const select = selectRow(answer, surface, questions);
  return {
    embeds: fitEmbeds([embed]),
    components: [...(select ? [select] : []), ...(empty ? [] : [voteRow(answer, surface)])],
  };
}

/** A short plain notice (thanks, errors, help for a bare mention). */
export function renderNotice(text: string): ReplyBody {
  return { content: truncateAtWord(text, LIMITS.content), embeds: [], components: [] };
}

/** "(+1 −0 ~2)": records added, removed and changed. */
function countChanges(changes: IdChanges): string {
  return `(+${changes.added.length} −${changes.removed.length} ~${changes.changed.length})`;
}

/** One error of the knowledge files on a line of its own; a file could say anything, so escaped. */
const ERROR_LINE = 300;

/**
 * What `/knowledge reload` did: the counts and changes, or the errors that kept the old
 * knowledge, as many as fit in one message and how many more there are.
 */
export function renderReload(result: ReloadResult, language: Language): ReplyBody {
  const strings = stringsFor(language);
  if (result.ok) {
    const { facts, glossary } = result.diff;
    const glossaryChanged = glossary.added.length + glossary.removed.length + glossary.changed.length > 0;
    const changes = `${countChanges(facts)}${glossaryChanged ? strings.glossaryChanges(countChanges(glossary)) : ''}`;
    return renderNotice(strings.reloaded(result.articles, result.facts, changes));
  }
  const lines = [strings.reloadFailed(result.errors.length)];
  let length = lines[0]?.length ?? 0;
  let shown = 0;
  for (const issue of result.errors) {
    const line = `• ${fitUserText(formatIssue(issue), ERROR_LINE)}`;
    const rest = result.errors.length - shown - 1;
    const tail = rest > 0 ? strings.moreErrors(rest).length + 1 : 0;
    if (length + 1 + line.length + tail > LIMITS.content) break;
    lines.push(line);
    length += 1 + line.length;
    shown += 1;
  }
  if (shown < result.errors.length) lines.push(strings.moreErrors(result.errors.length - shown));
  return renderNotice(lines.join('\n'));
}

/** Why a member's question is not answered now, and when to ask again (rounded up to a second). */
export function renderCooldown(language: Language, retryAfterMs: number, limit: CooldownConfig): ReplyBody {
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  const text = stringsFor(language).cooldown(seconds(retryAfterMs), limit.questions, seconds(limit.windowMs));
  return renderNotice(text);
}
