import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEngine, loadEngine } from '../../src/bootstrap.js';
import type { Answer } from '../../src/core/types.js';
import { addArticle } from '../../src/knowledge/add.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { copyKnowledge, removeCopies } from '../knowledge/copies.js';
import { type Case, passes, questionOf, readQuestionSet } from './questionSet.js';
import { DEV_SET_FILE } from './shared.js';

/**
 * The seed article and the two practice articles loaded together, the practice ones added as a
 * community adds one (`kb add`, no facts): each set is scored against the three, and no answer
 * may cite another article than the one its set is about.
 */
const SEED = 'microsoft-japan-ai';
const FR = 'ligne-thiers-boen';
const EN = 'geraldton-desalination';
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

const root = copyKnowledge();
addArticle({
  root,
  file: fixture('articles/fr-practice.txt'),
  id: FR,
  title: 'Les trains de voyageurs reviennent entre Thiers et Boën-sur-Lignon',
  language: 'fr',
});
addArticle({
  root,
  file: fixture('articles/en-practice.txt'),
  id: EN,
  title: 'Geraldton’s desalination plant opens',
  language: 'en',
});
const three = buildEngine(loadKnowledge(root));
const alone = loadEngine();
afterAll(removeCopies);

interface Tally {
  readonly overall: number;
  readonly wrong: number;
  /** Answers without the expected evidence at confidence ≥ 0.65: not even hedged. */
  readonly wrongConfident: number;
  /** Answers citing another article than the set's. */
  readonly otherArticle: string[];
}

function tally(set: readonly Case[], ask: (question: string) => Answer, article: string): Tally {
  let pass = 0;
  let wrong = 0;
  let wrongConfident = 0;
  const otherArticle: string[] = [];
  for (const item of set) {
    const answer = ask(questionOf(item));
    const ok = passes(item, answer);
    if (ok) pass += 1;
    else if (answer.answered) {
      wrong += 1;
      if (answer.confidence >= 0.65) wrongConfident += 1;
    }
    if (answer.answered && answer.article?.id !== article) otherArticle.push(item.id);
  }
  return { overall: pass / set.length, wrong, wrongConfident, otherArticle };
}

/**
 * A practice set of 50 scores at least `floor`, with at most `most` wrong answers (`confident`
 * of them at 0.65 or more) and at most `others` answers citing another article than its own.
 */
function expectFloors(
  engine: { ask(question: string): Answer },
  name: string,
  article: string,
  floor: number,
  most: number,
  confident: number,
  others = 0,
): void {
  const set = readQuestionSet(fixture(name)) ?? [];
  expect(set).toHaveLength(50);
  const result = tally(set, (question) => engine.ask(question), article);
  expect(result.overall).toBeGreaterThanOrEqual(floor);
  expect(result.wrong).toBeLessThanOrEqual(most);
  expect(result.wrongConfident).toBeLessThanOrEqual(confident);
  expect(result.otherArticle.length, result.otherArticle.join(', ')).toBeLessThanOrEqual(others);
}

describe('articles added with kb add, nobody having curated them', () => {
  it('loads the three articles, the two new ones without facts', () => {
    const { sources, facts } = three.knowledge;
    expect(sources.map((source) => source.id).sort()).toEqual([EN, FR, SEED].sort());
    expect(facts.every((fact) => fact.source === SEED)).toBe(true);
  });

  // Written by helpers who saw only the article; first scored before any change they prompted
  // (46.0% and 48.0%, every answerable question refused). Floors are the scores measured since.
  it.each([
    // practice-fr's last confident wrong answer (pf034, "combien coûtait le billet à l'unité dans
    // les cars régionaux"): the new ticket's price, quoted for the old coaches'. A rule that
    // what follows "moins que" has no price of its own there sent it to the English article's
    // water "bills" (the bridge's "billet"), so it was left out.
    ['practice-fr.jsonl', FR, 0.86, 0, 0],
    ['practice-en.jsonl', EN, 0.88, 0, 0],
  ])(
    'keeps its score on %s, its wrong answers few and rarely confident',
    // "How much money did the State put in?" once cited the seed's reviewed sum, which leaves out
    // the State the French article names: such a question is now refused (see `splitsQuestion`).
    (name, article, floor, most, confident) => expectFloors(three, name, article, floor, most, confident),
  );

  // The seed's sets must not get worse when other articles are loaded beside it, nor cite them.
  // "Le montant est en dollars ou en yens ?" once asked a place ("ou" read as "où") and cited the
  // French practice article; it now asks which currency, and the seed answers.
  it('answers the seed’s sets as well beside the other articles as alone, citing only the seed', () => {
    const names = ['holdout', 'fresh', 'blind', 'blind2', 'trust', 'trust-c', 'trust-blind', 'trust-blind2'];
    let before = 0;
    let after = 0;
    const elsewhere: string[] = [];
    for (const name of names) {
      const set = readQuestionSet(fixture(`${name}.jsonl`)) ?? [];
      const seedAlone = tally(set, (question) => alone.ask(question), SEED);
      const beside = tally(set, (question) => three.ask(question), SEED);
      expect(beside.overall, name).toBeGreaterThanOrEqual(seedAlone.overall);
      before += seedAlone.wrong;
      after += beside.wrong;
      elsewhere.push(...beside.otherArticle);
    }
    expect(after).toBeLessThanOrEqual(before);
    expect(elsewhere).toEqual([]);
  });

  it('answers the shared dev set as well beside the other articles', () => {
    const dev = readQuestionSet(DEV_SET_FILE);
    if (!dev) return;
    const after = tally(dev, (question) => three.ask(question), SEED);
    expect(after.overall).toBe(1);
    expect(after.otherArticle).toEqual([]);
  });
});

/**
 * A second pair, written like the first by helpers who saw only the article. It was scored
 * before any change and kept from the helpers who worked on reading and vocabulary; its failures
 * showed three rules ("when", "how many", "what caused"), made general and tested on their own.
 * Loaded with the three above, five articles in all.
 */
describe('a second pair of practice articles, beside the three', () => {
  const FR2 = 'digues-agen';
  const EN2 = 'oregon-wildfires';
  const five = copyKnowledge();
  for (const article of [FR, EN]) {
    const language = article === FR ? 'fr' : 'en';
    addArticle({
      root: five,
      file: fixture(`articles/${language}-practice.txt`),
      id: article,
      title: article,
      language,
    });
  }
  addArticle({
    root: five,
    file: fixture('articles/fr-practice2.txt'),
    id: FR2,
    title: 'Agen : 18,4 millions d’euros contre les crues de la Garonne',
    language: 'fr',
  });
  addArticle({
    root: five,
    file: fixture('articles/en-practice2.txt'),
    id: EN2,
    title: 'Oregon’s wildfire season, the costliest on record',
    language: 'en',
  });
  const engine = buildEngine(loadKnowledge(five));

  // First scored before any change they prompted: 64.0% (6 wrong) and 72.0% (3 wrong).
  it.each([
    ['practice2-fr.jsonl', FR2, 0.88, 0, 0],
    ['practice2-en.jsonl', EN2, 0.94, 0, 0],
  ])('keeps its score on %s, its wrong answers few', (name, article, floor, most, confident) =>
    expectFloors(engine, name, article, floor, most, confident),
  );
});

/**
 * Three more pairs, written like the others by helpers who saw only the article, eleven articles
 * loaded. Each was scored before any change it could prompt: the third 66.0% (3 wrong answers)
 * and 74.0% (4 wrong), seven articles loaded; the fourth 54.0% (9 wrong, 5 citing another
 * article) and 66.0% (8 wrong), nine loaded; the fifth, kept from everyone who changed the engine,
 * 54.0% (6 wrong) and 62.0% (10 wrong), eleven loaded. Unseen articles still fare worse than the
 * first two pairs: these floors guard what the general rules since have won.
 */
describe('a third, fourth and fifth pair, eleven articles loaded', () => {
  const eleven = copyKnowledge();
  const pairs: Array<[string, string, string, 'fr' | 'en']> = [
    [FR, 'fr-practice.txt', FR, 'fr'],
    [EN, 'en-practice.txt', EN, 'en'],
    ['digues-agen', 'fr-practice2.txt', 'Agen : 18,4 millions d’euros contre les crues de la Garonne', 'fr'],
    ['oregon-wildfires', 'en-practice2.txt', 'Oregon’s wildfire season, the costliest on record', 'en'],
    ['fruitieres-haut-doubs', 'fr-practice3.txt', 'Deux fruitières du Haut-Doubs fusionnent', 'fr'],
    ['ashbridge-cycle-lanes', 'en-practice3.txt', 'Ashbridge approves £14.2m cycle lanes', 'en'],
    [
      'haut-jacquot-neige',
      'fr-practice4.txt',
      'Haut-Jacquot : feu vert à une retenue pour la neige de culture',
      'fr',
    ],
    ['tarsay-ferry', 'en-practice4.txt', 'Tarsay ferry contract goes to Norland Sea Services', 'en'],
    [
      'maternite-saint-veran',
      'fr-practice5.txt',
      'Saint-Véran-sur-Creuse : la maternité suspend les accouchements',
      'fr',
    ],
    [
      'cold-creek-landfill',
      'en-practice5.txt',
      'Brackenridge County approves Cold Creek landfill expansion',
      'en',
    ],
  ];
  for (const [id, file, title, language] of pairs)
    addArticle({ root: eleven, file: fixture(`articles/${file}`), id, title, language });
  const engine = buildEngine(loadKnowledge(eleven));

  // [set, its article, least score, most wrong answers, of them at 0.65 or more, most citing another article]
  it.each([
    ['practice3-fr.jsonl', 'fruitieres-haut-doubs', 0.76, 3, 0, 3],
    ['practice3-en.jsonl', 'ashbridge-cycle-lanes', 0.88, 2, 0, 2],
    ['practice4-fr.jsonl', 'haut-jacquot-neige', 0.58, 4, 2, 1],
    ['practice4-en.jsonl', 'tarsay-ferry', 0.78, 4, 1, 1],
    ['practice5-fr.jsonl', 'maternite-saint-veran', 0.58, 4, 1, 1],
    ['practice5-en.jsonl', 'cold-creek-landfill', 0.66, 8, 2, 2],
  ])('keeps its score on %s, its wrong answers few', (name, article, floor, most, confident, others) =>
    expectFloors(engine, name, article, floor, most, confident, others),
  );
});
