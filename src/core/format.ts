import type { Language, Location } from './types.js';

/**
 * How each language writes a place in the article and a percentage. Every door (terminal,
 * Discord) writes them through the functions below, so they never disagree.
 */
export const NOTATION = {
  fr: { paragraph: '§', sentence: 'phrase', percent: ' %' },
  en: { paragraph: '¶', sentence: 'sentence', percent: '%' },
} as const satisfies Record<Language, { paragraph: string; sentence: string; percent: string }>;

/** "§2, phrase 1" in French, "¶2, sentence 1" in English. */
export function formatLocation(location: Location, language: Language): string {
  const notation = NOTATION[language];
  return `${notation.paragraph}${location.paragraph}, ${notation.sentence} ${location.sentence}`;
}

/** A ratio in 0..1 as a whole percentage: "100 %" in French, "100%" in English. */
export function formatPercent(ratio: number, language: Language): string {
  return `${Math.round(ratio * 100)}${NOTATION[language].percent}`;
}
