import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestRanked, type Diversity, type Ranked } from '../../src/core/bestRanked.js';

interface Candidate {
  readonly id: number;
  readonly bound: number;
  readonly rank: number;
  readonly group: number;
}

/** Every candidate ranked, sorted, then each group's repeats penalised and sorted again. */
function rankingAll(candidates: readonly Candidate[], diversity: Diversity): Ranked[] {
  const key = (a: Ranked, b: Ranked) => a.rank - b.rank || a.id - b.id;
  const groupOf = new Map(candidates.map((candidate) => [candidate.id, candidate.group]));
  const shown = new Map<number, number>();
  const kept: Ranked[] = [];
  for (const { id, rank } of [...candidates].sort(key)) {
    const group = groupOf.get(id) ?? -1;
    const count = shown.get(group) ?? 0;
    if (count >= diversity.perGroup) continue;
    shown.set(group, count + 1);
    kept.push({ id, rank: rank + count * diversity.repeatPenalty });
  }
  return kept.sort(key).slice(0, diversity.limit);
}

function fastPath(candidates: readonly Candidate[], diversity: Diversity, ranked: number[] = []): Ranked[] {
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  return bestRanked(
    {
      ids: candidates.map((candidate) => candidate.id),
      bounds: candidates.map((candidate) => candidate.bound),
      rankOf: (id) => {
        ranked.push(id);
        return byId.get(id)?.rank ?? Number.NaN;
      },
      groupOf: (id) => byId.get(id)?.group ?? -1,
    },
    diversity,
  );
}

/** Candidates in ascending id order, each ranked at its bound or above it by one of `extras`. */
const candidatesOf = (bounds: fc.Arbitrary<number>, extras: fc.Arbitrary<number>, groups: number) =>
  fc
    .array(
      fc.record({ gap: fc.integer({ min: 1, max: 3 }), bound: bounds, extra: extras, group: fc.nat(groups) }),
      {
        maxLength: 300,
      },
    )
    .map((drawn) => {
      let id = -1;
      return drawn.map(({ gap, bound, extra, group }) => {
        id += gap;
        return { id, bound, rank: bound + extra, group };
      });
    });

const diversities = fc.record({
  limit: fc.integer({ min: 1, max: 25 }),
  perGroup: fc.integer({ min: 1, max: 3 }),
  repeatPenalty: fc.constantFrom(0, 0.1, 1, 2),
});

describe('bestRanked', () => {
  it('returns what ranking every candidate returns when bounds and ranks tie often (integers)', () => {
    fc.assert(
      fc.property(
        candidatesOf(fc.integer({ min: 0, max: 4 }), fc.constantFrom(0, 0, 1, 2), 30),
        diversities,
        (candidates, diversity) => {
          expect(fastPath(candidates, diversity)).toEqual(rankingAll(candidates, diversity));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('returns what ranking every candidate returns with the penalties of autocomplete', () => {
    const penalties = [0, 0.15, 0.04, 0.01, 0.02];
    const bound = fc
      .tuple(fc.constantFrom(0, 0.05, 0.3, 1 / 7), fc.subarray(penalties))
      .map(([score, earned]) => earned.reduce((rank, penalty) => rank + penalty, score));
    fc.assert(
      fc.property(
        candidatesOf(bound, fc.constantFrom(0, 0, 0.03), 40),
        diversities,
        (candidates, diversity) => {
          expect(fastPath(candidates, diversity)).toEqual(rankingAll(candidates, diversity));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('returns what ranking every candidate returns when the bounds are many distinct values', () => {
    fc.assert(
      fc.property(
        candidatesOf(fc.double({ min: 0, max: 2, noNaN: true }), fc.constantFrom(0, 0.03, 0.5), 60),
        diversities,
        (candidates, diversity) => {
          expect(fastPath(candidates, diversity)).toEqual(rankingAll(candidates, diversity));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('ranks only the candidates it needs when thousands tie at the lowest bound', () => {
    const candidates: Candidate[] = Array.from({ length: 30_000 }, (_, id) => ({
      id,
      bound: id % 3 === 0 ? 0.04 : 0.01,
      rank: id % 3 === 0 ? 0.04 : 0.01,
      group: Math.floor(id / 4),
    }));
    const ranked: number[] = [];
    const diversity = { limit: 25, perGroup: 2, repeatPenalty: 0.1 };
    const found = fastPath(candidates, diversity, ranked);
    expect(found).toEqual(rankingAll(candidates, diversity));
    expect(found.map((candidate) => candidate.id)).toEqual(
      Array.from({ length: 25 }, (_, n) => 4 * n + (n % 3 === 0 ? 1 : 0)),
    );
    expect(ranked.length).toBeLessThan(200);
  });

  it('returns nothing for no candidates', () => {
    expect(fastPath([], { limit: 25, perGroup: 2, repeatPenalty: 0.1 })).toEqual([]);
  });
});
