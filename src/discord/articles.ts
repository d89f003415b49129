import type { APIApplicationCommandOptionChoice } from 'discord.js';
import Fuse from 'fuse.js';
import { articleLabel, fewNames } from '../articleLines.js';
import { foldText } from '../core/text.js';
import type { Language, Source } from '../core/types.js';
import { ARTICLE_MAX_LENGTH } from './commands/ask.js';
import { fitUserText, LIMITS, plainTitle, type ReplyBody, renderNotice, truncateAtWord } from './render.js';
import { stringsFor } from './strings.js';

/**
 * `/ask`'s `article` option: the value is an article's id (its folder name), offered by
 * autocomplete from titles and ids; a title typed in full is taken too.
 */

/** Only this much of the typed text is read, and this many of its words (Discord sends at most 100). */
const MAX_TYPED = 100;
const MAX_WORDS = 8;
/** fuse.js's bitap compares 32 characters at a time. */
const MAX_PATTERN = 32;
/** Slips per letter up to which a typed word matches: one in 4 letters ("harwik", "microsft"). */
const THRESHOLD = 0.26;
/** Titles the unknown-article notice suggests. */
const SUGGESTED = 5;

const WORD = /[\p{L}\p{N}]+/gu;
const words = (text: string) => foldText(text).match(WORD) ?? [];

/** The article a member picked or typed: by id, else by its whole title (case and accents aside). */
export function findArticle(sources: readonly Source[], value: string): Source | undefined {
  const typed = value.trim();
  const title = words(typed).join(' ');
  return (
    sources.find((source) => source.id === typed) ??
    sources.find((source) => title !== '' && words(source.title).join(' ') === title)
  );
}

/** One fuse.js index of titles and ids per version of the knowledge, built on first use. */
const searchers = new WeakMap<readonly Source[], Fuse<string>>();

function searcherOf(sources: readonly Source[]): Fuse<string> {
  let fuse = searchers.get(sources);
  if (!fuse) {
    const texts = sources.map((source) => [...words(source.title), ...source.id.split('-')].join(' '));
    fuse = new Fuse(texts, {
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: THRESHOLD,
    });
    searchers.set(sources, fuse);
  }
  return fuse;
}

interface Ranked {
  readonly position: number;
  readonly matched: number;
  readonly slips: number;
}

/** Positions of the articles holding the typed words: most words first, then fewest slips, then knowledge order. */
function rankArticles(sources: readonly Source[], typed: readonly string[]): number[] {
  if (typed.length === 0) return sources.map((_, position) => position);
  const fuse = searcherOf(sources);
  const found = new Map<number, Ranked>();
  for (const word of typed) {
    for (const { refIndex, score = THRESHOLD } of fuse.search(word)) {
      const seen = found.get(refIndex) ?? { position: refIndex, matched: 0, slips: 0 };
      found.set(refIndex, { ...seen, matched: seen.matched + 1, slips: seen.slips + score });
    }
  }
  return [...found.values()]
    .sort((a, b) => b.matched - a.matched || a.slips - b.slips || a.position - b.position)
    .map((ranked) => ranked.position);
}

/** "Title (2025-03-10)" in 100 characters: a long title gives way before the date; a URL is cut. */
function choiceName(source: Source): string {
  const label = articleLabel(source, plainTitle);
  if (label.length <= LIMITS.choiceName || !source.date) return truncateAtWord(label, LIMITS.choiceName);
  const room = LIMITS.choiceName - ` (${source.date})`.length;
  return articleLabel(source, (title) => plainTitle(title, room));
}

/**
 * Autocomplete for the `article` option: up to 25 articles whose title or id holds the typed
 * words, typos tolerated, each named by its title and date (or URL) within 100 characters.
 */
export function articleChoices(
  sources: readonly Source[],
  typed: string,
): APIApplicationCommandOptionChoice<string>[] {
  const typedWords = words(typed.slice(0, MAX_TYPED))
    .slice(0, MAX_WORDS)
    .map((word) => word.slice(0, MAX_PATTERN));
  const choices: APIApplicationCommandOptionChoice<string>[] = [];
  for (const position of rankArticles(sources, typedWords)) {
    const source = sources[position];
    if (!source || source.id.length > ARTICLE_MAX_LENGTH) continue;
    choices.push({ name: choiceName(source), value: source.id });
    if (choices.length >= LIMITS.autocompleteChoices) break;
  }
  return choices;
}

/** The private notice for an `article` value that names no article: the value, escaped, and a few titles. */
export function renderUnknownArticle(
  value: string,
  sources: readonly Source[],
  language: Language,
): ReplyBody {
  const strings = stringsFor(language);
  const titles = sources.map((source) => strings.quoted(fitUserText(source.title, 100)));
  return renderNotice(
    strings.unknownArticle(fitUserText(value, ARTICLE_MAX_LENGTH), fewNames(titles, language, SUGGESTED)),
  );
}
