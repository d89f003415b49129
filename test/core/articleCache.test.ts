import { describe, expect, it } from 'vitest';
import { practiceSources, uncuratedSource, withArticles } from '../../bench/articles.js';
import { ArticleCache } from '../../src/core/articleCache.js';
import { createEngine } from '../../src/core/engine.js';
import type { KnowledgeBase } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { readQuestionSet } from '../eval/questionSet.js';

const seed = loadKnowledge();
const knowledge = withArticles(seed, practiceSources());
const questions = ['practice-fr', 'practice-en', 'holdout'].flatMap((name) =>
  (readQuestionSet(new URL(`../fixtures/${name}.jsonl`, import.meta.url).pathname) ?? []).map(
    (item) => item.q,
  ),
);
const answersOf = (built: KnowledgeBase, cache?: ArticleCache) => {
  const engine = createEngine(built, cache ? { cache } : {});
  return questions.map((question) => engine.ask(question));
};

describe('ArticleCache: a rebuild analyses only the articles that changed', () => {
  it('reuses every article of unchanged knowledge, with the same answers as a build without it', () => {
    const cache = new ArticleCache();
    createEngine(knowledge, { cache });
    expect(cache.lastBuild).toEqual({ reused: 0, analysed: 3 });
    const again = answersOf(knowledge, cache);
    expect(cache.lastBuild).toEqual({ reused: 3, analysed: 0 });
    expect(again).toEqual(answersOf(knowledge));
  });

  it('analyses again an article whose text changed, and only it', () => {
    const cache = new ArticleCache();
    createEngine(knowledge, { cache });
    const [fr, en] = practiceSources();
    if (!fr || !en) throw new Error('the practice articles are missing');
    const text = `${en.text.trimEnd()}\n\nThe plant's new visitor centre will open in March 2031 with a café.\n`;
    const edited = withArticles(seed, [fr, uncuratedSource(en.id, en.title, en.language, text)]);
    const answers = answersOf(edited, cache);
    expect(cache.lastBuild).toEqual({ reused: 2, analysed: 1 });
    expect(answers).toEqual(answersOf(edited));
    const engine = createEngine(edited, { cache });
    const found = engine.ask('When will the visitor centre open?');
    expect(found.answered).toBe(true);
    expect(found.citations[0]?.quote).toContain('March 2031');
  });

  it('analyses again an article a changed glossary concept may match, not the others', () => {
    const cache = new ArticleCache();
    createEngine(knowledge, { cache });
    // "zeppelin hangar" occurs in no article: nothing to redo. "pipeline" is in the English one.
    const concept = (id: string, en: string[]) => ({ id, kind: 'topic' as const, variants: { fr: [], en } });
    const unrelated = {
      ...knowledge,
      glossary: [...knowledge.glossary, concept('t-unrelated', ['zeppelin hangar'])],
    };
    expect(answersOf(unrelated, cache)).toEqual(answersOf(unrelated));
    expect(cache.lastBuild).toEqual({ reused: 3, analysed: 0 });
    const related = { ...unrelated, glossary: [...unrelated.glossary, concept('t-pipe', ['pipeline'])] };
    expect(answersOf(related, cache)).toEqual(answersOf(related));
    expect(cache.lastBuild).toEqual({ reused: 2, analysed: 1 });
  });

  it('analyses no other article when a new one names someone whose name shares a stem with their words', () => {
    const cache = new ArticleCache();
    createEngine(knowledge, { cache });
    // "Facil" stems as "facility" does, a word of the English article: a name matches as written.
    const named = uncuratedSource(
      'facil-park',
      'A park opens',
      'en',
      'The mayor, Anna Facil, opened a park on Monday.\n',
    );
    const added = withArticles(seed, [...practiceSources(), named]);
    expect(answersOf(added, cache)).toEqual(answersOf(added));
    expect(cache.lastBuild).toEqual({ reused: 3, analysed: 1 });
    const engine = createEngine(added);
    expect(engine.explain('Who runs the facility?').intent.entities).toEqual([]);
    expect(engine.ask('Who opened a park?').citations[0]?.quote).toContain('Anna Facil');
  });
});
