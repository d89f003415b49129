/**
 * Which strings share letter pairs with a pattern: the cheap filter before a fuzzy search.
 * fuse.js's cost grows with the number of strings it scores; a typo spoils only a few letter
 * pairs, so a string that shares too few of them with the pattern is not worth scoring.
 */

/** The distinct letter pairs of a text; `padded` marks its two ends (for whole words). */
export function letterPairs(text: string, padded: boolean): Set<string> {
  const marked = padded ? `^${text}$` : text;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < marked.length; i++) pairs.add(marked.slice(i, i + 2));
  return pairs;
}

export class PairIndex {
  private readonly byPair = new Map<string, number[]>();

  /** `texts[id]`: padded pairs suit whole words, bare ones patterns found inside longer text. */
  constructor(
    readonly texts: readonly string[],
    private readonly padded: boolean,
  ) {
    texts.forEach((text, id) => {
      for (const pair of letterPairs(text, padded)) {
        const ids = this.byPair.get(pair);
        if (ids) ids.push(id);
        else this.byPair.set(pair, [id]);
      }
    });
  }

  /** The pattern's letter pairs, and how many of them each text holds (texts holding none left out). */
  shared(pattern: string): { pairs: number; counts: Map<number, number> } {
    const pairs = letterPairs(pattern, this.padded);
    const counts = new Map<number, number>();
    for (const pair of pairs) {
      for (const id of this.byPair.get(pair) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return { pairs: pairs.size, counts };
  }
}
