import type { Answer, ArticleRef, Language } from './core/types.js';

/**
 * How every door (terminal, JSON aside, and Discord) names articles: an answer its article, a
 * refusal the articles it searched. Each door passes `show` to make a title safe where it lands
 * (one line in a terminal, escaped or cut to fit in Discord).
 */

/** Articles a list names before "and N more": enough to recognise, short enough to read. */
export const ARTICLES_NAMED = 5;

const WORDS = {
  fr: {
    searched: (count: number) => (count === 1 ? 'Article consulté' : 'Articles consultés'),
    known: (count: number) => (count === 1 ? 'Article' : 'Articles'),
    colon: ' : ',
    separator: ' ; ',
    more: (count: number) => `et ${count} de plus`,
  },
  en: {
    searched: (count: number) => (count === 1 ? 'Article searched' : 'Articles searched'),
    known: (count: number) => (count === 1 ? 'Article' : 'Articles'),
    colon: ': ',
    separator: '; ',
    more: (count: number) => `and ${count} more`,
  },
} as const satisfies Record<Language, unknown>;

type Show = (text: string) => string;

/** Text from a file on one line: no control characters, no line breaks, single spaces. */
export function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Title (2025-03-10)", else "Title (https://…)" when only the URL is known, else "Title". */
export function articleLabel(article: ArticleRef, show: Show = oneLine): string {
  const when = article.date ?? article.url;
  return when ? `${show(article.title)} (${oneLine(when)})` : show(article.title);
}

/** "A; B; C; D; E … and 3 more": the first few names joined the language's way. */
export function fewNames(names: readonly string[], language: Language, max = ARTICLES_NAMED): string {
  const words = WORDS[language];
  const named = names.slice(0, max).join(words.separator);
  const rest = names.length - Math.min(names.length, max);
  return rest > 0 ? `${named} … ${words.more(rest)}` : named;
}

/**
 * What a refusal says of where it looked: "Articles searched: A (2025-03-10); B". A greeting
 * was not looked up anywhere, so it only lists the articles ("Articles: A; B"). Empty when
 * there are none.
 */
export function searchedLine(
  answer: Pick<Answer, 'searched' | 'reason' | 'language'>,
  show: Show = oneLine,
): string {
  const words = WORDS[answer.language];
  const count = answer.searched.length;
  if (count === 0) return '';
  const label = answer.reason === 'empty' ? words.known(count) : words.searched(count);
  const names = answer.searched.map((article) => articleLabel(article, show));
  return `${label}${words.colon}${fewNames(names, answer.language)}`;
}
