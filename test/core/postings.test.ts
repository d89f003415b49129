import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { practiceSources, withArticles } from '../../bench/articles.js';
import { Analyser } from '../../src/core/analyse.js';
import { indexArticles } from '../../src/core/articleIndex.js';
import type { FactIndex } from '../../src/core/factIndex.js';
import { readIntent } from '../../src/core/intent.js';
import { Postings, PostingsBuilder } from '../../src/core/postings.js';
import {
  type AnalysedQuestion,
  articleBound,
  leaningOf,
  scoreBound,
  scoreFact,
  weigh,
} from '../../src/core/scorer.js';
import { sentenceFactsOf } from '../../src/core/sentenceFacts.js';
import { tokenise } from '../../src/core/text.js';
import { DEFAULT_TUNING } from '../../src/core/tuning.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { readQuestionSet } from '../eval/questionSet.js';

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f'];
const keySets = fc.array(fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 4 }), { maxLength: 40 });

describe('Postings', () => {
  it('counts the facts of a range holding any key, and lists the holders, as a scan of every fact does', () => {
    fc.assert(
      fc.property(
        keySets,
        fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 }),
        fc.nat(40),
        fc.nat(40),
        (sets, keys, a, b) => {
          const postings = new Postings(sets.map((set) => new Set(set)));
          const [from, to] = a <= b ? [a, b] : [b, a];
          const holds = (set: readonly string[]) => keys.some((key) => set.includes(key));
          const scanned = sets.flatMap((set, n) => (holds(set) ? [n] : []));
          expect([...postings.holders(keys)]).toEqual(scanned);
          const inRange = scanned.filter((n) => n >= from && n < to).length;
          expect(postings.frequency(keys, from, to)).toBe(inRange);
          // While building, with a key asked twice: each fact still counts once.
          const building = new PostingsBuilder();
          for (const set of sets) building.add(new Set(set));
          expect(building.frequency([...keys, ...keys.slice(0, 1)], from, to)).toBe(inRange);
        },
      ),
    );
  });

  it('knows nothing of a key no fact holds', () => {
    const postings = new Postings([new Set(['a'])]);
    expect([...postings.holders(['z'])]).toEqual([]);
    expect(postings.frequency(['z'], 0, 1)).toBe(0);
  });
});

describe('scoreBound', () => {
  // The seed with its reviewed facts and the two practice articles, read sentence by sentence.
  const knowledge = withArticles(loadKnowledge(), practiceSources());
  const facts = [
    ...knowledge.facts,
    ...knowledge.sources.flatMap((source) =>
      sentenceFactsOf(
        source,
        knowledge.facts.filter((fact) => fact.source === source.id),
        () => ({ fr: [], en: [] }),
      ),
    ),
  ];
  const analyser = new Analyser(knowledge.glossary);
  analyser.freeze();
  const indexes = indexArticles(knowledge.sources, facts, knowledge.glossary, analyser, DEFAULT_TUNING);
  const questions = ['practice-fr', 'practice-en', 'holdout'].flatMap(
    (name) => readQuestionSet(new URL(`../fixtures/${name}.jsonl`, import.meta.url).pathname) ?? [],
  );

  /** Each question read and weighed in each article, as the engine weighs it. */
  const eachWeighed = (check: (question: AnalysedQuestion, index: FactIndex) => void) => {
    for (const { q } of questions) {
      const terms = analyser.analyseQuestion(q, null);
      const intent = readIntent(q, terms, tokenise(q));
      for (const index of indexes.all) {
        const weights = weigh(terms, intent, index, DEFAULT_TUNING);
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        check({ terms, weights, total, intent, leaning: leaningOf(terms, intent.form) }, index);
      }
    }
  };

  it('is never below the score of any fact, reviewed or not, for real questions', () => {
    expect(questions.length).toBeGreaterThan(200);
    let checked = 0;
    eachWeighed((question, index) => {
      const { terms, weights } = question;
      for (const entry of index.entries) {
        const held = terms.reduce(
          (sum, term, i) =>
            !term.question && [...term.keys, ...(term.bridged ?? [])].some((key) => entry.keys.has(key))
              ? sum + (weights[i] ?? 0)
              : sum,
          0,
        );
        const { score } = scoreFact(entry, question, DEFAULT_TUNING);
        if (score > 0) checked += 1;
        expect(scoreBound(entry, held, question, DEFAULT_TUNING)).toBeGreaterThanOrEqual(score - 1e-12);
      }
    });
    expect(checked).toBeGreaterThan(500);
  });

  it("gives an article its facts' best bound, passing over those that cannot reach it", () => {
    let below = 0;
    eachWeighed((question, index) => {
      const { total } = question;
      // Every fact, as if each held its share of the question's words, from its place on.
      const held = index.entries.map((_, i) => (total * ((i * 7) % 10)) / 10);
      const bounds = index.entries.map((entry, i) =>
        scoreBound(entry, held[i] ?? 0, question, DEFAULT_TUNING),
      );
      const best = Math.max(0, ...bounds);
      expect(articleBound(index.entries, [0, ...held], 1, question, DEFAULT_TUNING)).toBe(best);
      below += bounds.filter((bound) => bound < best).length;
    });
    expect(below).toBeGreaterThan(0);
  });
});
