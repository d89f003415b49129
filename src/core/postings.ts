/**
 * Which facts hold each key, as an inverted index: fact numbers in ascending order. The facts of
 * one article are numbered in one run, so a range of numbers is an article, and a question
 * touches only the facts that share one of its keys, not every fact of every article.
 */
export class Postings {
  private readonly lists = new Map<string, Int32Array>();

  /** `keySets[n]` holds the keys of fact n. Built in one pass over the keys: linear in the knowledge. */
  constructor(keySets: ReadonlyArray<ReadonlySet<string> | ReadonlyMap<string, unknown>>) {
    const building = new Map<string, number[]>();
    keySets.forEach((keys, n) => {
      for (const key of keys.keys()) {
        const list = building.get(key);
        if (list) list.push(n);
        else building.set(key, [n]);
      }
    });
    for (const [key, list] of building) this.lists.set(key, Int32Array.from(list));
  }

  /** How many facts numbered in [from, to) hold at least one of the keys. */
  frequency(keys: readonly string[], from: number, to: number): number {
    if (keys.length === 1) {
      const list = this.lists.get(keys[0] as string);
      return list ? lowerBound(list, to) - lowerBound(list, from) : 0;
    }
    const found = new Set<number>();
    for (const key of keys) {
      const list = this.lists.get(key);
      if (!list) continue;
      for (let i = lowerBound(list, from); i < list.length && (list[i] as number) < to; i++)
        found.add(list[i] as number);
    }
    return found.size;
  }

  /** Every fact that holds at least one of the keys, in ascending order, each once. */
  holders(keys: readonly string[]): Numbers {
    const lists: Int32Array[] = [];
    for (const key of keys) {
      const list = this.lists.get(key);
      if (list && !lists.includes(list)) lists.push(list);
    }
    if (lists.length === 0) return NONE;
    if (lists.length === 1) return lists[0] as Int32Array;
    const all: number[] = [];
    for (const list of lists) for (const n of list) all.push(n);
    all.sort((a, b) => a - b);
    return all.filter((n, i) => i === 0 || n !== all[i - 1]);
  }
}

const NONE: Numbers = [];

/** Fact numbers, ascending: a posting list as stored, or several merged. */
export type Numbers = Int32Array | readonly number[];

/** The first position in an ascending list whose number is at least `n`. */
function lowerBound(list: Int32Array, n: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) < n) low = middle + 1;
    else high = middle;
  }
  return low;
}
