/**
 * Which words hold a piece of text anywhere inside them ("vest" in "investissement"), without
 * testing every word: a word holding the piece holds each of its runs of three letters, so only
 * the words sharing its rarest run are tested. At a thousand articles the vocabulary has tens of
 * thousands of words, and testing each for every typed word was most of the cost of a search.
 */
const RUN = 3;

export class SubstringIndex {
  private readonly byRun = new Map<string, number[]>();

  constructor(readonly words: readonly string[]) {
    words.forEach((word, id) => {
      for (const run of new Set(runsOf(word))) {
        const ids = this.byRun.get(run);
        if (ids) ids.push(id);
        else this.byRun.set(run, [id]);
      }
    });
  }

  /** The ids of the words that hold `piece`, in ascending order. */
  containing(piece: string): number[] {
    if (piece.length < RUN) {
      const found: number[] = [];
      this.words.forEach((word, id) => {
        if (word.includes(piece)) found.push(id);
      });
      return found;
    }
    let rarest: readonly number[] | undefined;
    for (const run of runsOf(piece)) {
      const ids = this.byRun.get(run);
      if (!ids) return [];
      if (!rarest || ids.length < rarest.length) rarest = ids;
    }
    return (rarest ?? []).filter((id) => (this.words[id] ?? '').includes(piece));
  }
}

function runsOf(text: string): string[] {
  const runs: string[] = [];
  for (let i = 0; i + RUN <= text.length; i++) runs.push(text.slice(i, i + RUN));
  return runs;
}
