import { describe, expect, it } from 'vitest';
import { practiceSources } from '../../bench/articles.js';
import { scoreOnArticle } from '../../bench/perArticle.js';
import { createEngine } from '../../src/core/engine.js';

// The two practice articles, uncurated, in one engine (no word lists: fast enough for a unit test).
const engine = createEngine({ sources: practiceSources(), facts: [], glossary: [] });
const ask = (q: string) => engine.ask(q);

describe('scoreOnArticle', () => {
  const question = 'When did the desalination plant open in Geraldton?';

  it('counts an answer from another article than the set is about, by question id', () => {
    expect(ask(question).article?.id).toBe('en-practice');
    const asked = { id: 'x1', lang: 'en' as const, cat: 'direct', q: question, expect: 'answer' as const };
    const right = scoreOnArticle(engine, {
      name: 'en',
      article: 'en-practice',
      cases: [{ ...asked, keys: ['Tuesday'] }],
    });
    expect(right).toEqual({ pass: 1, total: 1, wrong: 0, confidentWrong: 0, otherArticle: [] });
    const astray = scoreOnArticle(engine, {
      name: 'fr',
      article: 'fr-practice',
      cases: [{ ...asked, keys: ['lundi 14 septembre'] }],
    });
    expect(astray.pass).toBe(0);
    expect(astray.wrong).toBe(1);
    expect(astray.otherArticle).toEqual(['x1']);
    // Answered at full confidence: a confident wrong answer.
    expect(ask(question).confidence).toBeGreaterThanOrEqual(0.65);
    expect(astray.confidentWrong).toBe(1);
  });

  it('does not count a refusal as a wrong answer or as citing an article', () => {
    const refused = 'Who won the football world cup in 1998?';
    expect(ask(refused).answered).toBe(false);
    const score = scoreOnArticle(engine, {
      name: 'en',
      article: 'en-practice',
      cases: [{ id: 'r1', lang: 'en', cat: 'unsaid', q: refused, expect: 'refuse' }],
    });
    expect(score).toEqual({ pass: 1, total: 1, wrong: 0, confidentWrong: 0, otherArticle: [] });
  });
});
