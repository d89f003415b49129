import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQuestionIndex, type KnownQuestion, MAX_SUGGESTIONS } from '../../src/core/questionIndex.js';
import { foldText } from '../../src/core/text.js';
import type { KnowledgeBase } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { KNOWLEDGE } from './fixture.js';

const index = createQuestionIndex(KNOWLEDGE);
const real = loadKnowledge();
const realIndex = createQuestionIndex(real);

const keys = (found: readonly KnownQuestion[]) => found.map((entry) => entry.key);
const factIds = (found: readonly KnownQuestion[]) => found.map((entry) => entry.factId);

describe('the entries', () => {
  it('returns one entry per alternate question of every fact, in both languages, in knowledge order', () => {
    expect(keys(index.entries)).toEqual(
      KNOWLEDGE.facts.flatMap((fact) => [
        ...fact.questions.fr.map((_, i) => `${fact.id}:fr:${i}`),
        ...fact.questions.en.map((_, i) => `${fact.id}:en:${i}`),
      ]),
    );
    expect(index.entries[0]).toEqual({
      key: 'shops:fr:0',
      factId: 'shops',
      language: 'fr',
      text: 'Combien de magasins Dupont va-t-il ouvrir ?',
      featured: false,
    });
    expect(index.entries.find((entry) => entry.factId === 'mayor')?.featured).toBe(true);
  });

  it('returns unique keys of at most 100 safe characters when built from the real knowledge', () => {
    const total = real.facts.reduce(
      (sum, fact) => sum + fact.questions.fr.length + fact.questions.en.length,
      0,
    );
    expect(realIndex.entries).toHaveLength(total);
    const all = keys(realIndex.entries);
    expect(new Set(all).size).toBe(all.length);
    for (const key of all) {
      expect(key.length).toBeLessThanOrEqual(100);
      expect(key).toMatch(/^[a-z0-9-]+:(?:fr|en):\d+$/);
    }
  });

  it('returns the entry back from its key and from its text when looked up', () => {
    for (const entry of realIndex.entries) {
      expect(realIndex.byKey(entry.key)).toBe(entry);
      expect(realIndex.byText(entry.text)?.text).toBe(entry.text);
      expect(realIndex.byText(`  ${entry.text}\n`)?.text).toBe(entry.text);
    }
    expect(index.byText('Qui est Paul Martin ?')?.key).toBe('director:fr:1');
  });

  it('returns undefined when the key or text is unknown or only close', () => {
    expect(index.byKey('shops:fr:99')).toBeUndefined();
    expect(index.byKey('')).toBeUndefined();
    // Only the number as written, within the fact's questions in that language.
    const shops = KNOWLEDGE.facts.find((fact) => fact.id === 'shops');
    if (!shops) throw new Error('the fixture has no "shops" fact');
    expect(index.byKey('shops:fr:1')?.key).toBe('shops:fr:1');
    for (const key of [
      'shops:fr:01',
      'shops:fr:1.0',
      'shops:fr:-1',
      'shops:fr:',
      'shops:de:0',
      'shops:0',
      ':fr:0',
    ])
      expect(index.byKey(key)).toBeUndefined();
    expect(index.byKey(`shops:fr:${shops.questions.fr.length}`)).toBeUndefined();
    expect(index.byKey(`shops:en:${shops.questions.en.length - 1}`)?.language).toBe('en');
  });

  it('finds the entry of a key whose fact id holds colons (an unreviewed sentence: `article:p2s1`)', () => {
    const [fact] = KNOWLEDGE.facts;
    if (!fact) throw new Error('the fixture has no fact');
    const sentence = { ...fact, id: 'some-article:p2s1' };
    const built = createQuestionIndex({ ...KNOWLEDGE, facts: [fact, sentence] });
    const key = `some-article:p2s1:en:${sentence.questions.en.length - 1}`;
    expect(built.byKey(key)?.factId).toBe('some-article:p2s1');
    expect(built.byKey(key)?.key).toBe(key);
    expect(built.byKey('some-article:en:0')).toBeUndefined();
    expect(index.byText('qui est paul martin ?')).toBeUndefined();
    expect(index.byText('')).toBeUndefined();
  });
});

describe('suggest, with nothing typed', () => {
  it('returns the first question of the featured facts, then of the others, when the input is empty', () => {
    expect(keys(index.suggest('', 'fr'))).toEqual([
      'mayor:fr:0',
      'shops:fr:0',
      'director:fr:0',
      'hiring:fr:0',
    ]);
    expect(keys(index.suggest(' \n\t ', 'en'))).toEqual([
      'mayor:en:0',
      'shops:en:0',
      'director:en:0',
      'hiring:en:0',
    ]);
  });

  it('returns the same list when only punctuation or emoji is typed', () => {
    expect(index.suggest('?! … 😀', 'fr')).toEqual(index.suggest('', 'fr'));
  });

  it('returns the featured facts first, one question per fact, in the locale, for the real knowledge', () => {
    const found = realIndex.suggest('', 'en');
    const featured = real.facts.filter((fact) => fact.featured).map((fact) => fact.id);
    expect(featured.length).toBeGreaterThan(0);
    expect(factIds(found).slice(0, featured.length)).toEqual(featured);
    expect(found).toHaveLength(Math.min(MAX_SUGGESTIONS, real.facts.length));
    expect(new Set(factIds(found)).size).toBe(found.length);
    for (const entry of found) {
      expect(entry.language).toBe('en');
      expect(entry.key.endsWith(':0')).toBe(true);
    }
    expect(realIndex.suggest('', 'fr')[0]?.text).toBe(
      real.facts.find((fact) => fact.featured)?.questions.fr[0],
    );
  });
});

describe('suggest, matching what is typed', () => {
  it('returns the fact when a word is mistyped', () => {
    expect(keys(index.suggest('magasn', 'fr'))).toEqual(['shops:fr:0']);
    expect(factIds(index.suggest('boulangrie', 'fr'))).toEqual(['director']);
    expect(keys(index.suggest('how many shps', 'en'))).toEqual(['shops:en:0']);
    expect(factIds(index.suggest('paul martn', 'en'))[0]).toBe('director');
  });

  it('returns the fact when the last word is only partly typed, without accents or capitals', () => {
    expect(keys(index.suggest('combien embau', 'fr'))).toEqual(['hiring:fr:0']);
    expect(keys(index.suggest('QUI DIRIG', 'fr'))).toEqual(['director:fr:0']);
    expect(index.suggest('embauchees', 'fr')[0]?.text).toBe('Combien de personnes seront embauchées ?');
  });

  it('returns the same questions whatever the order of the words', () => {
    expect(keys(index.suggest('martin paul', 'en'))).toEqual(keys(index.suggest('paul martin', 'en')));
  });

  it('returns the fact of a question first when the question is typed in full', () => {
    for (const entry of realIndex.entries.filter((candidate) => candidate.text.endsWith('?'))) {
      expect(realIndex.suggest(entry.text, entry.language)[0]?.factId, entry.text).toBe(entry.factId);
    }
  });

  it('returns the investment amount when "combien micro" is typed, even with an English locale', () => {
    for (const locale of ['fr', 'en'] as const) {
      const found = realIndex.suggest('combien micro', locale);
      expect(found[0]?.text).toBe('Combien Microsoft va-t-il investir au Japon ?');
    }
  });

  it('returns Microsoft investment questions when "microsft invest" is typed', () => {
    const found = realIndex.suggest('microsft invest', 'en');
    expect(found[0]?.factId).toBe('investment-amount');
    for (const entry of found) expect(foldText(entry.text)).toMatch(/microsoft/);
    for (const entry of found) expect(foldText(entry.text)).toMatch(/invest/);
  });

  it('returns data-centre questions when "centre de don" is typed without its accent', () => {
    const found = realIndex.suggest('centre de don', 'fr');
    expect(found.length).toBeGreaterThan(2);
    for (const entry of found) expect(foldText(entry.text)).toContain('centres de donnees');
  });

  it('returns questions about Kishida when his name is mistyped or has two letters swapped', () => {
    for (const typed of ['kishda', 'kihsida', 'kisida']) {
      const found = realIndex.suggest(typed, 'en');
      expect(found.length).toBeGreaterThan(3);
      for (const entry of found) expect(foldText(entry.text)).toContain('kishida');
    }
  });

  it('returns the questions that hold the typed function words when nothing else is typed', () => {
    const found = realIndex.suggest("qu'est-ce que", 'fr');
    expect(found[0]?.text.startsWith("Qu'est-ce que")).toBe(true);
  });

  it('returns the questions with the most typed words when none has them all', () => {
    const found = realIndex.suggest('kishida wombat', 'en');
    expect(found.length).toBeGreaterThan(0);
    for (const entry of found) expect(foldText(entry.text)).toContain('kishida');
  });

  it('returns nothing when no word is anywhere near the knowledge', () => {
    expect(index.suggest('xyzzy', 'fr')).toEqual([]);
  });
});

describe('suggest, choosing a language', () => {
  it('returns questions in the locale first when the typed words could be either language', () => {
    expect(keys(index.suggest('dupont', 'en'))).toEqual(['shops:en:0', 'shops:en:1']);
    expect(index.suggest('dupont', 'fr').every((entry) => entry.language === 'fr')).toBe(true);
    expect(realIndex.suggest('microsoft', 'fr')[0]?.language).toBe('fr');
    expect(realIndex.suggest('microsoft', 'en')[0]?.language).toBe('en');
  });

  it("returns the other language's questions when only they match", () => {
    expect(keys(index.suggest('maire', 'en'))).toEqual(['mayor:fr:0', 'mayor:fr:1']);
    expect(keys(index.suggest('who runs', 'fr'))).toEqual(['director:en:0']);
  });

  it('returns questions in the language of the typed words before the locale', () => {
    const english = realIndex.suggest('who is kishida', 'fr');
    expect(english[0]?.language).toBe('en');
    expect(factIds(english)).toContain('kishida-prime-minister');
    const french = realIndex.suggest('pourquoi microsoft', 'en');
    expect(french[0]?.language).toBe('fr');
  });
});

describe('suggest, its list', () => {
  it('returns at most `limit` questions, the limit clamped to 1..25', () => {
    expect(realIndex.suggest('microsoft', 'en')).toHaveLength(25);
    expect(realIndex.suggest('microsoft', 'en', 3)).toHaveLength(3);
    expect(realIndex.suggest('microsoft', 'en', 2.9)).toHaveLength(2);
    expect(realIndex.suggest('microsoft', 'en', 0)).toHaveLength(1);
    expect(realIndex.suggest('microsoft', 'en', -5)).toHaveLength(1);
    expect(realIndex.suggest('microsoft', 'en', 1000)).toHaveLength(25);
    expect(realIndex.suggest('microsoft', 'en', Number.NaN)).toHaveLength(25);
    expect(realIndex.suggest('', 'en', 1000)).toHaveLength(25);
    expect(keys(realIndex.suggest('microsoft', 'en', 3))).toEqual(
      keys(realIndex.suggest('microsoft', 'en')).slice(0, 3),
    );
  });

  it('returns at most two questions of one fact, each fact before any second question', () => {
    for (const typed of ['microsoft', 'kishida', 'investissement', 'japan', 'combien']) {
      const found = realIndex.suggest(typed, 'fr');
      const counts = new Map<string, number>();
      for (const id of factIds(found)) counts.set(id, (counts.get(id) ?? 0) + 1);
      expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    }
    const found = realIndex.suggest('microsoft', 'en');
    expect(new Set(factIds(found)).size).toBeGreaterThanOrEqual(20);
  });

  it('returns the same list for the same input, from the same or a new index', () => {
    const again = createQuestionIndex(real);
    for (const typed of ['combien micro', 'kishda', 'centre de don', 'who is', 'xyz']) {
      const first = keys(realIndex.suggest(typed, 'fr'));
      expect(keys(realIndex.suggest(typed, 'fr'))).toEqual(first);
      expect(keys(again.suggest(typed, 'fr'))).toEqual(first);
    }
  });

  it('returns the same list when extended-search operators are typed around the words', () => {
    const plain = keys(realIndex.suggest('combien microsoft', 'fr'));
    for (const typed of [
      "'combien =microsoft",
      '!combien ^microsoft$',
      'combien | microsoft',
      '"combien" microsoft\\',
    ]) {
      expect(keys(realIndex.suggest(typed, 'fr'))).toEqual(plain);
    }
  });
});

describe('suggest, on hostile input', () => {
  it('returns quickly without throwing when the input is 10,000 characters, emoji, control or RTL text', () => {
    const inputs = [
      'a'.repeat(10_000),
      'kishida '.repeat(1_250),
      '😀🇯🇵👍🏽'.repeat(1_000),
      '\u0000\u0007\u001b[31m\u202e\u200b\ufeff'.repeat(500),
      'מיקרוסופט יפן השקעה مايكروسوفت اليابان',
      '\ud800 lone surrogate \udfff',
      `${'x'.repeat(99)}😀`,
    ];
    const start = performance.now();
    for (const typed of inputs) {
      for (const language of ['fr', 'en'] as const) {
        const found = realIndex.suggest(typed, language);
        expect(found.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
      }
    }
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('returns a well-formed list for any string', () => {
    const known = new Set(realIndex.entries);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 120 }),
        ),
        fc.constantFrom('fr' as const, 'en' as const),
        fc.integer({ min: -3, max: 40 }),
        (typed, language, limit) => {
          const found = realIndex.suggest(typed, language, limit);
          expect(found.length).toBeLessThanOrEqual(Math.min(MAX_SUGGESTIONS, Math.max(1, limit)));
          for (const entry of found) expect(known.has(entry)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('suggest, over many copies of the knowledge', () => {
  /** `count` copies of the real facts, none featured but `featured` (a fact of one copy): ids `c<copy>-<fact>`. */
  const copies = (count: number, featured?: string): KnowledgeBase => ({
    ...real,
    facts: Array.from({ length: count }, (_, copy) =>
      real.facts.map((fact) => ({
        ...fact,
        id: `c${copy}-${fact.id}`,
        featured: `c${copy}-${fact.id}` === featured,
      })),
    ).flat(),
  });
  const once = createQuestionIndex(copies(1));
  const many = createQuestionIndex(copies(30));
  const copyOf = (key: string) => Number(/^c(\d+)-/.exec(key)?.[1]);
  const inCopy = (key: string) => key.replace(/^c\d+-/, '');
  const investment = real.facts.find((fact) => fact.id === 'investment-amount');

  it('returns the copies in knowledge order when their questions tie', () => {
    const typed = investment?.questions.fr[0] ?? '';
    const expected = Array.from({ length: 25 }, (_, copy) => `c${copy}-investment-amount:fr:0`);
    expect(keys(many.suggest(typed, 'fr'))).toEqual(expected);
  });

  it('returns a featured question first among equals, wherever it is in the knowledge', () => {
    const index = createQuestionIndex(copies(30, 'c29-investment-amount'));
    const found = keys(index.suggest(investment?.questions.fr[0] ?? '', 'fr'));
    expect(found.slice(0, 3)).toEqual([
      'c29-investment-amount:fr:0',
      'c0-investment-amount:fr:0',
      'c1-investment-amount:fr:0',
    ]);
  });

  it('returns, for any prefix, the best questions of one copy in each copy in turn, as ranking all of them does', () => {
    // Copies rank alike: the best questions of every copy tie, and ties go to the earlier copy,
    // so the list is the one copy's best run again copy after copy (a fact's second question,
    // ranked lower, never makes the list).
    const entries = once.entries;
    fc.assert(
      fc.property(
        fc.nat(entries.length - 1),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.constantFrom('fr' as const, 'en' as const),
        (at, share, language) => {
          const text = entries[at]?.text ?? '';
          const typed = text.slice(0, Math.ceil(text.length * share));
          const found = keys(many.suggest(typed, language));
          const best = keys(once.suggest(typed, language)).map(inCopy);
          if (best.length === 0) return expect(found).toEqual([]);
          expect(found).toHaveLength(MAX_SUGGESTIONS);
          const run = found.filter((key) => copyOf(key) === 0).map(inCopy);
          expect(run).toEqual(best.slice(0, run.length));
          found.forEach((key, n) => {
            expect(copyOf(key)).toBe(Math.floor(n / run.length));
            expect(inCopy(key)).toBe(run[n % run.length]);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
