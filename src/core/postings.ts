/**
 * Which facts hold each key, as an inverted index: fact numbers in ascending order. The facts of
 * one article are numbered in one run, so a range of numbers is an article, and a question
 * touches only the facts that share one of its keys, not every fact of every article.
 */
export class Postings {
  private readonly lists = new Map<string, Int32Array>();

  /** `keySets[n]` holds the keys of fact n. Built in one pass over the keys: linear in the knowledge. */
  constructor(keySets: ReadonlyArray<ReadonlySet<string> | ReadonlyMap<string, unknown>>) {
    // Two passes, counting then filling typed arrays of the right size: no list grows, and no
    // iterator result is made per key (forEach, not for…of).
    const counts = new Map<string, number>();
    const count = (_: unknown, key: string) => {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    };
    for (const keys of keySets) keys.forEach(count);
    counts.forEach((size, key) => {
      this.lists.set(key, new Int32Array(size));
      counts.set(key, 0);
    });
    keySets.forEach((keys, n) => {
      keys.forEach((_: unknown, key: string) => {
        const at = counts.get(key) as number;
        (this.lists.get(key) as Int32Array)[at] = n;
        counts.set(key, at + 1);
      });
    });
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
    let merged = lists[0] as Int32Array;
    for (let i = 1; i < lists.length; i++) merged = mergeTwo(merged, lists[i] as Int32Array);
    return merged;
  }
}

const NONE: Numbers = [];

/** Fact numbers, ascending: a posting list as stored, or several merged. */
export type Numbers = Int32Array | readonly number[];

/** Two ascending lists of distinct numbers as one, ascending, each once: linear, no sort. */
function mergeTwo(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x <= y) i += 1;
    if (y <= x) j += 1;
    out[k++] = Math.min(x, y);
  }
  while (i < a.length) out[k++] = a[i++] as number;
  while (j < b.length) out[k++] = b[j++] as number;
  return out.subarray(0, k);
}

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
