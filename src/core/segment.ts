import type { Location, Sentence } from './types.js';

/**
 * Splits an article into numbered sentences. Paragraphs are lines that hold text. A sentence
 * ends at ".", "!" or "?" followed by white space and a capital letter or "«", never inside
 * « … »: a quoted statement stays in the sentence that reports it, and a lower-case word after
 * a full stop (a typo of the article, "l’événement. de cyberattaques") does not start one.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') {
      paragraph += 1;
      let sentence = 0;
      for (const [start, end] of sentenceSpans(line)) {
        sentence += 1;
        sentences.push({ paragraph, sentence, start: lineStart + start, text: line.slice(start, end) });
      }
    }
    lineStart += line.length + 1;
  }
  return sentences;
}

function sentenceSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let start = skipSpace(line, 0);
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '«') depth += 1;
    else if (char === '»') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (char === '.' || char === '!' || char === '?')) {
      const next = skipSpace(line, i + 1);
      if (next > i + 1 && next < line.length && startsSentence(line[next] ?? '')) {
        spans.push([start, i + 1]);
        start = next;
      }
    }
  }
  const end = line.trimEnd().length;
  if (end > start) spans.push([start, end]);
  return spans;
}

function skipSpace(line: string, from: number): number {
  let i = from;
  while (i < line.length && /\s/.test(line[i] ?? '')) i++;
  return i;
}

function startsSentence(char: string): boolean {
  return char === '«' || (char !== char.toLowerCase() && char === char.toUpperCase());
}

/**
 * Finds where a quote stands: the sentence that holds it whole. Null when the quote is not
 * verbatim in the text or runs across sentences.
 */
export function locateQuote(sentences: readonly Sentence[], quote: string): Location | null {
  if (quote.trim() === '') return null;
  for (const sentence of sentences) {
    if (sentence.text.includes(quote)) return { paragraph: sentence.paragraph, sentence: sentence.sentence };
  }
  return null;
}

/** How many times `needle` occurs in `haystack` (overlaps included). */
export function countOccurrences(haystack: string, needle: string): number {
  if (needle === '') return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}
