import { describe, expect, it } from 'vitest';
import { knowledgeWithCuratedFacts, practiceSources, withArticles } from '../../bench/articles.js';
import { Analyser } from '../../src/core/analyse.js';
import { indexArticles } from '../../src/core/articleIndex.js';
import { readIntent } from '../../src/core/intent.js';
import { LazyRanking, rankedAcross } from '../../src/core/lazyRanking.js';
import { leaningOf, rankFacts, weigh } from '../../src/core/scorer.js';
import { sentenceFactsOf } from '../../src/core/sentenceFacts.js';
import { tokenise } from '../../src/core/text.js';
import { DEFAULT_TUNING } from '../../src/core/tuning.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { readQuestionSet } from '../eval/questionSet.js';

describe('LazyRanking', () => {
  // The seed, three copies of it with its reviewed facts, and the practice articles, sentence by sentence.
  const knowledge = withArticles(knowledgeWithCuratedFacts(loadKnowledge(), 4 * 39), practiceSources());
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
  const questions = ['holdout', 'practice-fr', 'practice-en'].flatMap(
    (name) => readQuestionSet(new URL(`../fixtures/${name}.jsonl`, import.meta.url).pathname) ?? [],
  );

  /** Each article holding a word of the question: its facts found, the question weighed in it, what each fact holds. */
  const weighed = (q: string) => {
    const terms = analyser.analyseQuestion(q, null);
    const intent = readIntent(q, terms, tokenise(q));
    const hits = indexes.hits(terms, new Set(indexes.all), indexes.all.length);
    return hits.articles.map(({ index, first, end }) => {
      const weights = weigh(terms, intent, index, DEFAULT_TUNING);
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      const question = { terms, weights, total, intent, leaning: leaningOf(terms, intent.form) };
      const found = hits.facts.slice(first, end);
      const held = found.map((_, i) =>
        hits.holders.reduce(
          (sum, positions, term) => (positions.includes(first + i) ? sum + (weights[term] ?? 0) : sum),
          0,
        ),
      );
      return { found, question, held };
    });
  };

  it('gives the best score and the order that ranking every fact of every article gives', () => {
    expect(questions.length).toBeGreaterThan(200);
    for (const { q } of questions) {
      const articles = weighed(q);
      const full = articles.map(({ found, question }) => rankFacts(found, question, DEFAULT_TUNING));
      const lazy = articles.map(
        ({ found, question, held }) => new LazyRanking(found, held, question, DEFAULT_TUNING),
      );
      lazy.forEach((ranking, i) => {
        expect(ranking.top()).toBe(full[i]?.[0]?.score ?? 0);
      });
      const merged = full.flat().sort((a, b) => b.score - a.score);
      const walk = rankedAcross(lazy);
      const first = [...walk].map((item) => [item.entry.fact.id, item.score]);
      expect(first).toEqual(merged.map((item) => [item.entry.fact.id, item.score]));
      // Walked again from the start, it gives the same.
      expect([...walk].map((item) => [item.entry.fact.id, item.score])).toEqual(first);
      lazy.forEach((ranking, i) => {
        expect(ranking.ranked()).toEqual(full[i]);
      });
    }
  });

  it("scores fewer than half the facts found to find each article's best score", () => {
    let all = 0;
    let scored = 0;
    for (const { q } of questions) {
      for (const { found, question, held } of weighed(q)) {
        const ranking = new LazyRanking(found, held, question, DEFAULT_TUNING);
        ranking.top();
        all += found.length;
        scored += ranking.scored.length;
      }
    }
    expect(scored).toBeLessThan(all / 2);
  });
});
