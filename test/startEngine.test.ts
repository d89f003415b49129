import { describe, expect, it, vi } from 'vitest';
import { practiceSources, uncuratedSource, withArticles } from '../bench/articles.js';
import { buildEngine, sentencesToWrite, startEngine } from '../src/bootstrap.js';
import { ArticleCache } from '../src/core/articleCache.js';
import { candidateQuestions } from '../src/core/candidates.js';
import { createEngine } from '../src/core/engine.js';
import { sentenceFactsOf } from '../src/core/sentenceFacts.js';
import type { Language } from '../src/core/types.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Logger } from '../src/log.js';

const seed = loadKnowledge();
const knowledge = withArticles(seed, practiceSources());
const languageOf = (source: string): Language =>
  knowledge.sources.find((item) => item.id === source)?.language ?? 'en';
const warnings = () => {
  const warn = vi.fn();
  return { logger: { warn } as unknown as Logger, warn };
};

describe('sentence facts: their candidate questions are written when first read', () => {
  it('not while the article is indexed, and once', () => {
    const source = practiceSources()[1];
    if (!source) throw new Error('the practice articles are missing');
    const maker = vi.fn(candidateQuestions);
    const facts = sentenceFactsOf(source, [], maker);
    expect(maker).not.toHaveBeenCalled();
    const first = facts[0]?.questions;
    expect(first).toEqual(candidateQuestions(source.sentences[0]?.text ?? '', 'en'));
    expect(facts[0]?.questions).toBe(first);
    expect(maker).toHaveBeenCalledTimes(1);
  });

  it('an engine built without them answers the same', () => {
    const maker = vi.fn(candidateQuestions);
    const engine = createEngine(knowledge, { questionsOf: maker });
    expect(engine.ask('How much did the desalination plant cost?').answered).toBe(true);
    expect(maker.mock.calls.length).toBeLessThan(engine.facts.filter((fact) => fact.uncurated).length);
  });
});

describe('startEngine: a worker thread writes the sentences’ questions beside the build', () => {
  it('writes the same questions as the main thread would, and warns of nothing', async () => {
    const { logger, warn } = warnings();
    const engine = await startEngine(knowledge, undefined, { parallelFrom: 1, logger });
    const uncurated = engine.facts.filter((fact) => fact.uncurated);
    expect(uncurated.length).toBeGreaterThan(20);
    for (const fact of uncurated)
      expect(fact.questions).toEqual(candidateQuestions(fact.quote, languageOf(fact.source)));
    expect(warn).not.toHaveBeenCalled();
    const alone = buildEngine(knowledge);
    for (const question of ['Combien coûte le billet ?', 'Who opened the plant?', 'Qui finance la ligne ?'])
      expect(engine.ask(question)).toEqual(alone.ask(question));
  });

  it('writes none for an article the cache keeps: a reload writes only what changed', async () => {
    const cache = new ArticleCache();
    const uncovered = sentencesToWrite(knowledge).texts.length;
    expect(uncovered).toBeGreaterThan(20);
    await startEngine(knowledge, cache, { parallelFrom: 1 });
    expect(sentencesToWrite(knowledge, cache).texts).toEqual([]);
    const [fr, en] = practiceSources();
    if (!fr || !en) throw new Error('the practice articles are missing');
    const text = `${en.text.trimEnd()}\n\nThe plant's visitor centre opens in March 2031.\n`;
    const edited = withArticles(seed, [fr, uncuratedSource(en.id, en.title, en.language, text)]);
    expect(sentencesToWrite(edited, cache).texts).toEqual(
      edited.sources[2]?.sentences.map((sentence) => sentence.text),
    );
    const again = await startEngine(edited, cache, { parallelFrom: 1 });
    expect(cache.lastBuild).toEqual({ reused: 2, analysed: 1 });
    expect(again.facts.map((fact) => fact.questions)).toEqual(
      buildEngine(edited).facts.map((fact) => fact.questions),
    );
  });
});
