// An article's facts scored only as far as a question needs them. Of the articles ranked for a
// question, most only give their best score (does it decide?) and a few suggestions; each fact
// has a bound on its score (`factBound`), so they are scored best bound first, and a fact whose
// bound cannot change what is asked is never scored. What comes out is what ranking every fact
// gives: the same best score, the same order.
import type { IndexedFact } from './factIndex.js';
import { type AnalysedQuestion, factBound, rankFacts, type Scored, scoreFact } from './scorer.js';
import type { Tuning } from './tuning.js';

/** One article's facts for one question, scored on demand. */
export class LazyRanking {
  /** Positions in `found`, best bound first. */
  private readonly order: number[];
  private readonly bounds: Float64Array;
  private readonly scores: Array<Scored | undefined>;
  /** The facts scored, in the order they were. */
  readonly scored: Scored[] = [];
  /** How many of `order` are scored. */
  private next = 0;
  private best = 0;
  private full: readonly Scored[] | null = null;

  constructor(
    private readonly found: readonly IndexedFact[],
    /** For each fact found, the weight of the question's words the postings found it holds. */
    held: ArrayLike<number>,
    private readonly question: AnalysedQuestion,
    private readonly tuning: Tuning,
    /** False when every fact will be scored anyway (the article is one of few): no bounds then. */
    bounded = true,
  ) {
    this.bounds = new Float64Array(found.length);
    this.order = found.map((_, i) => i);
    // A sentence nobody reviewed has no alternates: scoring it costs about what bounding it
    // does, so an article of such facts found is scored whole, in order, as if unbounded.
    if (!bounded || found.every((entry) => entry.alternates.length === 0)) {
      this.bounds.fill(Number.POSITIVE_INFINITY);
    } else {
      found.forEach((entry, i) => {
        this.bounds[i] = factBound(entry, held[i] ?? 0, question, tuning);
      });
      this.order.sort((a, b) => (this.bounds[b] ?? 0) - (this.bounds[a] ?? 0));
    }
    this.scores = new Array(found.length);
  }

  /** The bound of the best fact not scored yet; 0 when every fact is. */
  get nextBound(): number {
    const at = this.order[this.next];
    return at === undefined ? 0 : (this.bounds[at] ?? 0);
  }

  /** Scores the fact with the best bound not scored yet; null when every fact is. */
  scoreNext(): Scored | null {
    const at = this.order[this.next];
    if (at === undefined) return null;
    this.next += 1;
    const scored = scoreFact(this.found[at] as IndexedFact, this.question, this.tuning);
    this.scores[at] = scored;
    this.scored.push(scored);
    if (scored.score > this.best) this.best = scored.score;
    return scored;
  }

  /** The best score of any fact, as ranking all of them gives it (0 when none scores). */
  top(): number {
    while (this.next < this.order.length && this.nextBound > this.best) this.scoreNext();
    return this.best;
  }

  /** Every fact that scores, best first, as `rankFacts` ranks them. */
  ranked(): readonly Scored[] {
    if (!this.full) {
      while (this.scoreNext());
      this.full = rankFacts(this.found, this.question, this.tuning, (_, i) => this.scores[i] as Scored);
    }
    return this.full;
  }
}

/**
 * The facts of several articles (in the knowledge's order) that score, best first, ties in the
 * articles' order then by id: as sorting every article's ranking together gives them. Walked as
 * far as asked, and again from the start, without scoring a fact whose bound is below the item
 * to give.
 */
export function rankedAcross(rankings: readonly LazyRanking[]): Iterable<Scored> {
  const given: Scored[] = [];
  // Scored but not given yet, with the article each comes from.
  const waiting: Array<{ item: Scored; article: number }> = [];
  const before = (a: { item: Scored; article: number }, b: { item: Scored; article: number }) =>
    a.item.score > b.item.score ||
    (a.item.score === b.item.score &&
      (a.article < b.article ||
        (a.article === b.article && a.item.entry.fact.id.localeCompare(b.item.entry.fact.id) < 0)));
  // How many of each article's scored facts are waiting or given.
  const taken = rankings.map(() => 0);
  const giveNext = (): boolean => {
    for (;;) {
      rankings.forEach((ranking, article) => {
        for (let i = taken[article] ?? 0; i < ranking.scored.length; i++) {
          const item = ranking.scored[i] as Scored;
          if (item.score > 0) waiting.push({ item, article });
        }
        taken[article] = ranking.scored.length;
      });
      let best = -1;
      waiting.forEach((candidate, i) => {
        const current = waiting[best];
        if (!current || before(candidate, current)) best = i;
      });
      let bound = 0;
      let from = -1;
      rankings.forEach((ranking, article) => {
        if (ranking.nextBound > bound) {
          bound = ranking.nextBound;
          from = article;
        }
      });
      const candidate = waiting[best];
      // A fact not scored yet could still tie or beat the candidate: score it first.
      if (candidate && candidate.item.score > bound) {
        waiting.splice(best, 1);
        given.push(candidate.item);
        return true;
      }
      if (from < 0) return false;
      (rankings[from] as LazyRanking).scoreNext();
    }
  };
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < given.length || giveNext(); i++) yield given[i] as Scored;
    },
  };
}
