/** The keys of one fact: a set, or a map whose keys they are. */
export type KeySet = ReadonlySet<string> | ReadonlyMap<string, unknown>;

/** How many facts numbered in [from, to) hold at least one of the keys: what weights are made of. */
export interface Frequencies {
  frequency(keys: readonly string[], from: number, to: number): number;
}

/**
 * Postings while they are built, fact after fact: each key's fact numbers, ascending. An
 * article's facts are added in one run, and its weights read from the lists as they stand then,
 * so no article needs postings of its own.
 */
export class PostingsBuilder implements Frequencies {
  readonly lists = new Map<string, number[]>();
  private count = 0;

  /** The facts added so far: the next one is numbered this. */
  get size(): number {
    return this.count;
  }

  /** Adds the next fact, with its keys. */
  add(keys: KeySet): void {
    const n = this.count++;
    // forEach, not for…of: no iterator result per key.
    keys.forEach((_: unknown, key: string) => {
      const list = this.lists.get(key);
      if (list) list.push(n);
      else this.lists.set(key, [n]);
    });
  }

  /** How many facts numbered in [from, to) hold at least one of the keys. */
  frequency(keys: readonly string[], from: number, to: number): number {
    if (keys.length === 1) {
      // The common case, asked for every word of every alternate: no range is made.
      const list = this.lists.get(keys[0] as string);
      return list ? countIn(list, 0, list.length, from, to) : 0;
    }
    const ranges: Range[] = [];
    for (const key of keys) {
      const list = this.lists.get(key);
      if (list) ranges.push({ list, begin: 0, end: list.length });
    }
    return frequencyIn(ranges, from, to);
  }
}

/**
 * Which facts hold each key, as an inverted index: fact numbers in ascending order. The facts of
 * one article are numbered in one run, so a range of numbers is an article, and a question
 * touches only the facts that share one of its keys, not every fact of every article. Every
 * list lies in one array: a typed array of its own per key weighs about 180 bytes before its
 * first number, and most keys are held by one or two facts.
 */
export class Postings implements Frequencies {
  /** Each key's list: numbers[starts[slot]] up to numbers[starts[slot + 1]]. */
  private readonly slots = new Map<string, number>();
  private readonly starts: Int32Array;
  private readonly numbers: Int32Array;

  /** `keySets[n]` holds the keys of fact n; or the lists of a builder, taken as they are. */
  constructor(from: ReadonlyArray<KeySet> | PostingsBuilder) {
    let lists: ReadonlyMap<string, readonly number[]>;
    if (from instanceof PostingsBuilder) lists = from.lists;
    else {
      const builder = new PostingsBuilder();
      for (const keys of from) builder.add(keys);
      lists = builder.lists;
    }
    this.starts = new Int32Array(lists.size + 1);
    let total = 0;
    lists.forEach((list, key) => {
      this.starts[this.slots.size] = total;
      this.slots.set(key, this.slots.size);
      total += list.length;
    });
    this.starts[lists.size] = total;
    this.numbers = new Int32Array(total);
    let at = 0;
    lists.forEach((list) => {
      this.numbers.set(list, at);
      at += list.length;
    });
  }

  /** How many facts numbered in [from, to) hold at least one of the keys. */
  frequency(keys: readonly string[], from: number, to: number): number {
    if (keys.length === 1) {
      // The common case, asked for every word of every question: no range is made.
      const slot = this.slots.get(keys[0] as string);
      if (slot === undefined) return 0;
      const begin = this.starts[slot] as number;
      const end = this.starts[slot + 1] as number;
      return countIn(this.numbers, begin, end, from, to);
    }
    return frequencyIn(this.ranges(keys), from, to);
  }

  /** Every fact that holds at least one of the keys, in ascending order, each once. */
  holders(keys: readonly string[]): Numbers {
    // Each key's list merged in as it is found (a key given twice, once): no range is made.
    let merged: Numbers | undefined;
    const seen: number[] = [];
    for (const key of keys) {
      const slot = this.slots.get(key);
      if (slot === undefined || seen.includes(slot)) continue;
      seen.push(slot);
      const list = this.numbers.subarray(this.starts[slot] as number, this.starts[slot + 1] as number);
      merged = merged === undefined ? list : mergeTwo(merged, list);
    }
    return merged ?? NONE;
  }

  /** The keys' lists, each once. */
  private ranges(keys: readonly string[]): Range[] {
    const ranges: Range[] = [];
    for (const key of keys) {
      const slot = this.slots.get(key);
      if (slot === undefined || ranges.some((range) => range.slot === slot)) continue;
      const begin = this.starts[slot] as number;
      const end = this.starts[slot + 1] as number;
      ranges.push({ list: this.numbers, begin, end, slot });
    }
    return ranges;
  }
}

/** A key's fact numbers: list[begin] up to list[end], ascending. */
interface Range {
  readonly list: ArrayLike<number>;
  readonly begin: number;
  readonly end: number;
  readonly slot?: number;
}

/** How many distinct numbers in [from, to) the ranges hold. */
function frequencyIn(ranges: readonly Range[], from: number, to: number): number {
  const only = ranges[0];
  if (only === undefined) return 0;
  if (ranges.length === 1) {
    return countIn(only.list, only.begin, only.end, from, to);
  }
  // The lists merged as they are walked, smallest number first: each number counts once,
  // however many lists hold it, and no set is made (this runs for every phrase of every fact).
  const at = ranges.map(({ list, begin, end }) => lowerBound(list, begin, end, from));
  let count = 0;
  let last = -1;
  for (;;) {
    let least = to;
    let which = -1;
    for (let r = 0; r < ranges.length; r++) {
      const { list, end } = ranges[r] as Range;
      const i = at[r] as number;
      if (i < end && (list[i] as number) < least) {
        least = list[i] as number;
        which = r;
      }
    }
    if (which < 0) return count;
    if (least !== last) count += 1;
    last = least;
    at[which] = (at[which] as number) + 1;
  }
}

const NONE: Numbers = [];

/** Fact numbers, ascending: a posting list as stored, or several merged. */
export type Numbers = Int32Array | readonly number[];

/**
 * Two ascending lists of distinct numbers as one, ascending, each once: linear, no sort. A plain
 * array: a question's merges are short-lived, and a typed array cut to length (`subarray`) is
 * moved off the heap, with a buffer for every young collection to sweep.
 */
function mergeTwo(a: Numbers, b: Numbers): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x <= y) i += 1;
    if (y <= x) j += 1;
    out.push(Math.min(x, y));
  }
  while (i < a.length) out.push(a[i++] as number);
  while (j < b.length) out.push(b[j++] as number);
  return out;
}

/** How many numbers of list[begin..end) lie in [from, to). */
function countIn(list: ArrayLike<number>, begin: number, end: number, from: number, to: number): number {
  return lowerBound(list, begin, end, to) - lowerBound(list, begin, end, from);
}

/** The first position in list[begin..end) whose number is at least `n` (`end` when none is). */
function lowerBound(list: ArrayLike<number>, begin: number, end: number, n: number): number {
  let low = begin;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) < n) low = middle + 1;
    else high = middle;
  }
  return low;
}
