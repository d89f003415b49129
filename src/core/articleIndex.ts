import type { Analyser, Term } from './analyse.js';
import type { ArticleCache } from './articleCache.js';
import { mentionReader } from './evidence.js';
import {
  analyseFacts,
  articleWeights,
  buildFactIndex,
  type FactIndex,
  type FactReaders,
  type IndexedFact,
  indexEntries,
  learnFacts,
  textMemo,
} from './factIndex.js';
import { type Numbers, Postings, PostingsBuilder } from './postings.js';
import type { Token } from './text.js';
import type { Tuning } from './tuning.js';
import type { Concept, Fact, Source } from './types.js';

/** Every article's index, over one set of postings. */
export interface ArticleIndexes {
  /** In the order of the knowledge's sources. */
  readonly all: readonly FactIndex[];
  get(source: string): FactIndex | undefined;
  /**
   * The facts that hold a word of the question other than a question word (or its
   * translation), in the `shortlist` articles that fit it best.
   */
  hits(terms: readonly Term[], among: ReadonlySet<FactIndex>, shortlist: number): Hits;
}

/** What the postings found for a question: the facts, by article, and which term each holds. */
export interface Hits {
  /** Every fact found, the articles' facts in runs, in the knowledge's order. */
  readonly facts: readonly IndexedFact[];
  /** Each article found, with its run of `facts`: [first, end). */
  readonly articles: ReadonlyArray<{
    readonly index: FactIndex;
    readonly first: number;
    readonly end: number;
  }>;
  /** For each term of the question, the positions in `facts` of those that hold it; none for a question word. */
  readonly holders: ReadonlyArray<readonly number[]>;
}

/**
 * Indexes each article by itself (its own weights, as if it were alone) over shared postings: one
 * pass over every fact's keys, so building is linear in the knowledge, and a question reaches
 * only the facts that share one of its words. With a cache, an article unchanged since the last
 * build keeps its indexed facts (see ArticleCache).
 */
export function indexArticles(
  sources: readonly Source[],
  facts: readonly Fact[],
  glossary: readonly Concept[],
  analyser: Analyser,
  tuning: Tuning,
  build: Build = {},
): ArticleIndexes {
  const common = {
    analyser,
    tuning,
    concepts: new Map(glossary.map((concept) => [concept.id, concept])),
    mentionsIn: mentionReader(analyser),
  };
  const { entriesOf, postings } = indexEach(sources, facts, common, build);
  const shared = { ...common, postings };
  let from = 0;
  const all = sources.map((source, i) => {
    const entries = entriesOf[i] ?? [];
    const index = buildFactIndex(source, entries, from, shared);
    from += entries.length;
    return index;
  });
  return answering(all, shared.postings);
}

/**
 * The indexes as questions read them. Made apart from the build: closures made inside
 * `indexArticles` would share its scope, and keep what the build was given (the engine's
 * callbacks and what they hold) for as long as the engine lives.
 */
function answering(all: readonly FactIndex[], postings: Postings): ArticleIndexes {
  const byId = new Map(all.map((index) => [index.source.id, index]));
  const entries = all.flatMap((index) => index.entries);
  const articleOf = new Int32Array(entries.length);
  all.forEach((index, i) => {
    articleOf.fill(i, index.from, index.to);
  });
  return {
    all,
    get: (source) => byId.get(source),
    hits: (terms, among, shortlist) =>
      findHits(terms, among, shortlist, { postings, entries, articleOf, all }),
  };
}

/** How a build reads its articles (see `indexArticles`). */
interface Build {
  readonly cache?: ArticleCache | null;
  /** More facts of an article, after its facts in `facts`, made as it is indexed (its sentences). */
  readonly more?: (source: Source) => readonly Fact[];
  /** A sentence's tokens, when an earlier pass of the build read them. */
  readonly tokensOf?: (text: string) => readonly Token[] | undefined;
  /** Told when an article is indexed (or kept by the cache): what the build read for it may go. */
  readonly done?: (source: Source) => void;
}

/**
 * Each article's indexed facts, and the postings of them all. An article unchanged since the
 * last build keeps its indexed facts; the others are analysed, one at a time, its terms dropped
 * once its facts are indexed, so the build never holds the analysis of every article at once.
 * Facts are numbered in the postings as their article is indexed, and an article's weights are
 * its own: the postings over its range of numbers. A function of its own, so that what it builds
 * with (the postings' growing lists, the memo of analysed texts) goes when it returns, not with
 * the indexes' closures.
 */
function indexEach(
  sources: readonly Source[],
  facts: readonly Fact[],
  common: FactReaders & { readonly tuning: Tuning },
  { cache = null, more = () => [], tokensOf, done = () => {} }: Build,
): { entriesOf: ReadonlyArray<readonly IndexedFact[]>; postings: Postings } {
  const bySource = new Map<string, Fact[]>(sources.map((source) => [source.id, []]));
  for (const fact of facts) bySource.get(fact.source)?.push(fact);
  const memo = textMemo(common.analyser);
  const building = new PostingsBuilder();
  const entriesOf = sources.map((source) => {
    const made = more(source);
    const kept = cache?.entries(source);
    const own = bySource.get(source.id) ?? [];
    if (kept) {
      // Not analysed again, but its words are still what typos are corrected towards.
      learnFacts(own, common.analyser);
      for (const entry of kept) building.add(entry.keys);
      done(source);
      return kept;
    }
    const all = made.length > 0 ? [...own, ...made] : own;
    const analysed = analyseFacts(all, source.language, common.analyser, common.mentionsIn, memo, tokensOf);
    const from = building.size;
    for (const item of analysed) building.add(item.keys);
    const weights = articleWeights(from, building.size, { tuning: common.tuning, postings: building });
    const entries = indexEntries(source, analysed, weights, common);
    cache?.keep(source, entries);
    done(source);
    return entries;
  });
  return { entriesOf, postings: new Postings(building) };
}

interface Catalogue {
  readonly postings: Postings;
  readonly entries: readonly IndexedFact[];
  readonly articleOf: Int32Array;
  readonly all: readonly FactIndex[];
}

const NONE: Numbers = [];

/**
 * The facts holding the question's words, in the `shortlist` articles of `among` that hold its
 * rarest ones: each word weighs by how few articles hold it, as a search engine ranks documents, and
 * only those articles are then weighed and scored exactly.
 */
function findHits(
  terms: readonly Term[],
  among: ReadonlySet<FactIndex>,
  shortlist: number,
  catalogue: Catalogue,
): Hits {
  const { postings, entries, articleOf, all } = catalogue;
  const perTerm = terms.map((term) =>
    term.question ? NONE : postings.holders([...term.keys, ...(term.bridged ?? [])]),
  );
  // Plain arrays for what lives one question: a typed array past 64 bytes is a buffer off the
  // heap, which every young collection sweeps.
  const fit = new Array<number>(all.length).fill(0);
  const held: number[] = [];
  // Indexed loops over the fact numbers: `for…of` over a typed array makes an iterator result
  // per number where V8 does not optimise it away (half a megabyte a question at 10,000 facts).
  for (const numbers of perTerm) {
    held.length = 0;
    for (let i = 0; i < numbers.length; i++) {
      const article = articleOf[numbers[i] as number] as number;
      if (held.at(-1) !== article) held.push(article);
    }
    const weight = Math.log((all.length + 1) / (held.length + 0.5));
    for (const article of held) fit[article] = (fit[article] ?? 0) + weight;
  }
  const candidates: number[] = [];
  let found = 0;
  fit.forEach((value, article) => {
    if (value <= 0) return;
    found += 1;
    if (among.has(all[article] as FactIndex)) candidates.push(article);
  });
  // Every article found is searched and shortlisted (a few articles): each list is kept whole.
  const keptPerTerm =
    candidates.length === found && found <= shortlist
      ? perTerm
      : shortlisted(perTerm, articleOf, topArticles(candidates, fit, shortlist, all.length));
  const numbers = mergeAscending(keptPerTerm);
  const articles: Array<{ index: FactIndex; first: number; end: number }> = [];
  numbers.forEach((n, i) => {
    const index = all[articleOf[n] as number] as FactIndex;
    const last = articles.at(-1);
    if (last?.index === index) last.end = i + 1;
    else articles.push({ index, first: i, end: i + 1 });
  });
  return {
    facts: numbers.map((n) => entries[n] as IndexedFact),
    articles,
    holders: keptPerTerm.map((list) => positionsIn(numbers, list)),
  };
}

/** The `shortlist` candidates that fit best (ties: the first article), as flags by article. */
function topArticles(
  candidates: number[],
  fit: readonly number[],
  shortlist: number,
  articles: number,
): Uint8Array {
  const kept = new Uint8Array(articles);
  for (const article of candidates.sort((a, b) => (fit[b] ?? 0) - (fit[a] ?? 0) || a - b).slice(0, shortlist))
    kept[article] = 1;
  return kept;
}

/** Each term's facts, those of the kept articles only. */
function shortlisted(perTerm: readonly Numbers[], articleOf: Int32Array, kept: Uint8Array): number[][] {
  return perTerm.map((list) => {
    const found: number[] = [];
    for (let i = 0; i < list.length; i++) {
      const n = list[i] as number;
      if (kept[articleOf[n] as number] === 1) found.push(n);
    }
    return found;
  });
}

/** Where each number of `list` that `numbers` holds stands in it; both ascending. */
function positionsIn(numbers: readonly number[], list: Numbers): number[] {
  const positions: number[] = [];
  let i = 0;
  for (let k = 0; k < list.length; k++) {
    const n = list[k] as number;
    while (i < numbers.length && (numbers[i] as number) < n) i += 1;
    if (numbers[i] === n) positions.push(i);
  }
  return positions;
}

/**
 * The numbers of several ascending lists, ascending, each once: walked together, the least head
 * taken at each step, into one array (a question has a few lists of up to thousands of numbers:
 * no sort, no comparator, no list made per pair).
 */
function mergeAscending(lists: readonly Numbers[]): number[] {
  const merged: number[] = [];
  const at = new Int32Array(lists.length);
  for (;;) {
    let least = Number.POSITIVE_INFINITY;
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l] as Numbers;
      const i = at[l] as number;
      if (i < list.length && (list[i] as number) < least) least = list[i] as number;
    }
    if (least === Number.POSITIVE_INFINITY) return merged;
    merged.push(least);
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l] as Numbers;
      // A list may hold a number twice in a row: each is passed.
      while ((at[l] as number) < list.length && list[at[l] as number] === least)
        at[l] = (at[l] as number) + 1;
    }
  }
}
