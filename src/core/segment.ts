import type { Location, Sentence } from './types.js';

/**
 * Splits an article into numbered sentences. Paragraphs are lines that hold text. A sentence
 * ends at ".", "!" or "?" (and the quote marks that close with it) followed by white space and a
 * capital letter or "«", never inside « … » but where it closes: a quoted statement stays in the
 * sentence that reports it ("« Non. » a-t-il dit"), and a lower-case word after
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
    // A quote that ends the sentence with it ("… not a boat.” Claire Beaton said", "… fin. » Le
    // maire"): the sentence ends after the quote mark.
    if (!ENDS.has(char ?? '')) continue;
    const after = skipClosing(line, i + 1);
    if (depth > 0 && line[after - 1] !== '»') continue;
    const next = skipSpace(line, after);
    if (next > after && next < line.length && startsSentence(line[next] ?? '')) {
      spans.push([start, after]);
      start = next;
      depth = 0;
    }
  }
  const end = line.trimEnd().length;
  if (end > start) spans.push([start, end]);
  return spans;
}

const ENDS = new Set(['.', '!', '?']);
/** Quote marks that close what a sentence quotes, and may follow its full stop. */
const CLOSING = new Set(['”', '"', '»', '’']);

/** Past the closing quote marks at `from`, and the space before a French "»". */
function skipClosing(line: string, from: number): number {
  let i = from;
  while (i < line.length && (CLOSING.has(line[i] ?? '') || (/\s/.test(line[i] ?? '') && line[i + 1] === '»')))
    i++;
  return i;
}

function skipSpace(line: string, from: number): number {
  let i = from;
  while (i < line.length && /\s/.test(line[i] ?? '')) i++;
  return i;
}

function startsSentence(char: string): boolean {
  return char === '«' || char === '“' || (char !== char.toLowerCase() && char === char.toUpperCase());
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
