/**
 * Which strings share letter pairs with a pattern: the cheap filter before a fuzzy search.
 * fuse.js's cost grows with the number of strings it scores; a typo spoils only a few letter
 * pairs, so a string that shares too few of them with the pattern is not worth scoring.
 */

/**
 * The distinct letter pairs of a text, in the order they first occur, each as a number (its two
 * UTF-16 code units); `padded` marks its two ends (for whole words). Numbers, not two-letter
 * strings: an index over 150,000 questions would make millions of them.
 */
export function letterPairs(text: string, padded: boolean): Set<number> {
  const pairs = new Set<number>();
  const last = text.length - 1;
  if (padded) pairs.add(pairOf(START, text.length > 0 ? text.charCodeAt(0) : END));
  for (let i = 0; i < last; i++) pairs.add(pairOf(text.charCodeAt(i), text.charCodeAt(i + 1)));
  if (padded && text.length > 0) pairs.add(pairOf(text.charCodeAt(last), END));
  return pairs;
}

/** The marks of a padded text's ends, as its first and last letters ("^" and "$"). */
const START = '^'.charCodeAt(0);
const END = '$'.charCodeAt(0);
const pairOf = (first: number, second: number) => first * 0x10000 + second;

export class PairIndex {
  private readonly byPair = new Map<number, Int32Array>();

  /** `texts[id]`: padded pairs suit whole words, bare ones patterns found inside longer text. */
  constructor(
    readonly texts: readonly string[],
    private readonly padded: boolean,
  ) {
    // Two passes, counting then filling typed arrays of the right size: growing arrays of
    // numbers for 150,000 questions made over 100 MB of garbage, the process's peak.
    const counts = new Map<number, number>();
    for (const text of texts)
      for (const pair of letterPairs(text, padded)) counts.set(pair, (counts.get(pair) ?? 0) + 1);
    for (const [pair, count] of counts) this.byPair.set(pair, new Int32Array(count));
    const filled = new Map<number, number>();
    texts.forEach((text, id) => {
      for (const pair of letterPairs(text, padded)) {
        const at = filled.get(pair) ?? 0;
        (this.byPair.get(pair) as Int32Array)[at] = id;
        filled.set(pair, at + 1);
      }
    });
  }

  /** The pattern's letter pairs, and how many of them each text holds (texts holding none left out). */
  shared(pattern: string): { pairs: number; counts: Map<number, number> } {
    const pairs = letterPairs(pattern, this.padded);
    const counts = new Map<number, number>();
    for (const pair of pairs) {
      const ids = this.byPair.get(pair);
      if (ids) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return { pairs: pairs.size, counts };
  }
}
