/**
 * The best few of many ranked candidates, without ranking them all. At a thousand articles a
 * prefix such as "what does the articl" matches tens of thousands of questions, and only 25 are
 * shown. Each candidate has a bound, the least rank it may get, that is cheap to know for all of
 * them; its rank costs more (string tests). Candidates are walked from the lowest bound up, and
 * the walk stops once the best ones are certain: no candidate left can come before them.
 */

/** Candidates in ascending id order: the lower id wins a tie of ranks. */
export interface Ranking {
  readonly ids: ArrayLike<number>;
  /** `bounds[i]`: the least rank candidate `ids[i]` may get. */
  readonly bounds: ArrayLike<number>;
  /** The rank of a candidate: never below its bound. */
  readonly rankOf: (id: number, bound: number) => number;
  /** The group of a candidate (its fact): a group shows `perGroup` candidates at most. */
  readonly groupOf: (id: number) => number;
}

/** How many to show, how many of one group, and what each one already shown of its group adds. */
export interface Diversity {
  readonly limit: number;
  readonly perGroup: number;
  readonly repeatPenalty: number;
}

export interface Ranked {
  readonly id: number;
  readonly rank: number;
}

const byRank = (a: Ranked, b: Ranked): number => a.rank - b.rank || a.id - b.id;

/**
 * The best `limit` candidates as `diverse` would list them from all candidates ranked: the same
 * ids in the same order. Bounds group the candidates into levels, walked from the lowest, each
 * in id order; a candidate's rank sends it to a queue of that rank. A queue is taken, in id
 * order, once no level left is as low: nothing left can come before its candidates. So are the
 * candidates ranked at their own level, as they are walked, while no queue holds that rank.
 * What is taken is the start of the whole ranked list; it ends once `limit` groups have a
 * candidate in it, as their first candidates are then the best `limit`.
 */
export function bestRanked(ranking: Ranking, diversity: Diversity): Ranked[] {
  const { ids, bounds, rankOf, groupOf } = ranking;
  const { lows, positions } = levelsOf(bounds);
  const queues = new Map<number, number[]>();
  const taken: Ranked[] = [];
  const groups = new Set<number>();
  const take = (id: number, rank: number): boolean => {
    taken.push({ id, rank });
    groups.add(groupOf(id));
    return groups.size >= diversity.limit;
  };
  let next = 0;
  for (;;) {
    const low = lows[next] ?? Number.POSITIVE_INFINITY;
    let queued = Number.POSITIVE_INFINITY;
    for (const rank of queues.keys()) queued = Math.min(queued, rank);
    if (queued === Number.POSITIVE_INFINITY && low === Number.POSITIVE_INFINITY) break;
    if (queued < low) {
      const queue = Int32Array.from(queues.get(queued) ?? []).sort();
      queues.delete(queued);
      if (queue.some((id) => take(id, queued))) break;
      continue;
    }
    next += 1;
    const direct = !queues.has(low);
    let done = false;
    for (const at of positions(next - 1)) {
      const id = ids[at] as number;
      const rank = rankOf(id, low);
      if (direct && rank <= low) done = take(id, rank);
      else {
        const queue = queues.get(rank);
        if (queue) queue.push(id);
        else queues.set(rank, [id]);
      }
      if (done) break;
    }
    if (done) break;
  }
  return diverse(taken, groupOf, diversity);
}

/** Up to this many levels, each is found by a pass over the bounds; beyond, they are sorted once. */
const SCANNED_LEVELS = 16;

/**
 * The distinct bounds, lowest first, and a way to list the positions of the candidates of level
 * `n` in id order. Bounds mostly take a few values (a handful of penalties on a few scores): a
 * pass over them for each level walked costs less than sorting them, and the walk often stops
 * inside the first level. Many values are sorted once, by counting, so the cost stays linear.
 */
function levelsOf(bounds: ArrayLike<number>): { lows: number[]; positions: (n: number) => Iterable<number> } {
  const few: number[] = [];
  const many = new Set<number>();
  let last = Number.NaN;
  for (let i = 0; i < bounds.length; i++) {
    const bound = bounds[i] as number;
    if (bound === last) continue;
    last = bound;
    if (many.size > 0) many.add(bound);
    else if (!few.includes(bound)) {
      few.push(bound);
      if (few.length > SCANNED_LEVELS) for (const low of few) many.add(low);
    }
  }
  const lows = (many.size > 0 ? [...many] : few).sort((a, b) => a - b);
  if (many.size === 0)
    return {
      lows,
      positions: function* (n) {
        const low = lows[n];
        for (let i = 0; i < bounds.length; i++) if (bounds[i] === low) yield i;
      },
    };
  const levelOf = new Map(lows.map((low, n) => [low, n]));
  const levels = Int32Array.from(
    { length: bounds.length },
    (_, i) => levelOf.get(bounds[i] as number) as number,
  );
  const starts = new Int32Array(lows.length + 1);
  for (const level of levels) starts[level + 1] = (starts[level + 1] as number) + 1;
  for (let n = 0; n < lows.length; n++) starts[n + 1] = (starts[n + 1] as number) + (starts[n] as number);
  const order = new Int32Array(bounds.length);
  const filled = starts.slice(0, lows.length);
  levels.forEach((level, i) => {
    order[filled[level] as number] = i;
    filled[level] = (filled[level] as number) + 1;
  });
  return { lows, positions: (n) => order.subarray(starts[n], starts[n + 1]) };
}

/**
 * Best first, at most `perGroup` candidates of one group, each repeat ranked `repeatPenalty`
 * lower for every one of its group before it, so that one group does not fill the list.
 */
export function diverse(found: Ranked[], groupOf: (id: number) => number, diversity: Diversity): Ranked[] {
  const shown = new Map<number, number>();
  const kept: Ranked[] = [];
  for (const { id, rank } of found.sort(byRank)) {
    const group = groupOf(id);
    const count = shown.get(group) ?? 0;
    if (count >= diversity.perGroup) continue;
    shown.set(group, count + 1);
    kept.push({ id, rank: rank + count * diversity.repeatPenalty });
  }
  return kept.sort(byRank).slice(0, diversity.limit);
}
