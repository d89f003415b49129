import type { Answer, Language } from '../core/types.js';
import type { BotContext } from './handlers/context.js';
import { RELATED_SHOWN } from './render.js';

// Markup Discord puts in message text: mentions of users, roles and channels, custom emoji,
// timestamps, command mentions, and the two mass mentions. None of it is part of a question.
const DISCORD_MARKUP =
  /<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>|<t:-?\d+(?::[tTdDfFR])?>|<\/[-_\p{L}\p{N} ]+:\d+>|(?<![\p{L}\p{N}])@(?:everyone|here)(?!\p{L})/gu;

/**
 * The question a member typed, without Discord markup: an id is not a word of the question
 * (it would weigh as an unknown term and sink the answer), and it must never be echoed or
 * written to the feedback file.
 */
export function stripDiscordMarkup(text: string): string {
  return text
    .replace(DISCORD_MARKUP, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** How every surface asks the engine: markup removed, the member's locale as the fallback language. */
export function askAbout(question: string, fallbackLanguage: Language, context: BotContext): Answer {
  return context.engine.ask(stripDiscordMarkup(question), {
    fallbackLanguage,
    maxSuggestions: RELATED_SHOWN,
  });
}
