// Knowledge bases of several articles for the bench: the seed knowledge, plus uncurated articles
// (no reviewed facts: the engine answers from their sentences). Beyond the two practice articles,
// the extra articles are generated copies of them with other names and numbers, so that each is
// a distinct text with its own vocabulary: good enough to time and weigh an index, not to score.
import { readFileSync } from 'node:fs';
import { splitSentences } from '../src/core/segment.js';
import { foldText } from '../src/core/text.js';
import type { Fact, KnowledgeBase, Language, Source } from '../src/core/types.js';
import { seededRandom } from './random.js';

export interface PracticeArticle {
  readonly id: string;
  readonly title: string;
  readonly language: Language;
  readonly file: string;
  /** The question set written about it (same format as the dev set). */
  readonly questions: string;
}

const fixture = (name: string) => new URL(`../test/fixtures/${name}`, import.meta.url).pathname;

/** The two practice articles, each with the questions written about it. */
export const PRACTICE_ARTICLES: readonly PracticeArticle[] = [
  {
    id: 'fr-practice',
    title: 'Les trains de voyageurs reviennent entre Thiers et Boën-sur-Lignon',
    language: 'fr',
    file: fixture('articles/fr-practice.txt'),
    questions: fixture('practice-fr.jsonl'),
  },
  {
    id: 'en-practice',
    title: 'A desalination plant opens in Geraldton',
    language: 'en',
    file: fixture('articles/en-practice.txt'),
    questions: fixture('practice-en.jsonl'),
  },
];

/** A Source for an article nobody curated: its text and sentences, no metadata. */
export function uncuratedSource(id: string, title: string, language: Language, text: string): Source {
  return {
    id,
    title,
    language,
    url: null,
    date: null,
    attribution: { fr: '', en: '' },
    topics: { fr: [], en: [] },
    text,
    sentences: splitSentences(text),
  };
}

/** The seed knowledge with more articles beside it: their sources only, no facts, no glossary. */
export function withArticles(seed: KnowledgeBase, extra: readonly Source[]): KnowledgeBase {
  return { ...seed, sources: [...seed.sources, ...extra] };
}

/** The practice articles as sources, read from test/fixtures/articles. */
export function practiceSources(): Source[] {
  return PRACTICE_ARTICLES.map(({ id, title, language, file }) =>
    uncuratedSource(id, title, language, readFileSync(file, 'utf8')),
  );
}

/**
 * `total` articles: the seed's first (one article: the seed alone), then the practice articles,
 * then generated copies of them in turn, each with its own seed, until there are `total`.
 */
export function knowledgeWithArticles(seed: KnowledgeBase, total: number): KnowledgeBase {
  const practice = practiceSources();
  const wanted = Math.max(0, total - seed.sources.length);
  const extra = practice.slice(0, wanted);
  for (let copy = 1; extra.length < wanted; copy++) {
    const base = practice[(copy - 1) % practice.length];
    if (!base) break;
    extra.push(
      uncuratedSource(
        `${base.id}-copy-${copy}`,
        `${base.title} (${copy})`,
        base.language,
        distinctCopy(base.text, copy),
      ),
    );
  }
  return withArticles(seed, extra);
}

/** A run of letters starting with a capital (a name, an acronym), or a run of digits. */
const NAME_OR_NUMBER = /\p{Lu}\p{L}+|\p{N}+/gu;
const CONSONANTS = 'bcdfgklmnprstvz';
const VOWELS = 'aeiou';

/**
 * The same text with other names and numbers, the same for a seed on every machine. Every
 * capitalised run of two letters or more that does not start a sentence is a name: each
 * distinct one gets one invented name of the same length and case, wherever it occurs. Every run
 * of digits gets other digits, as many, with no leading zero. The sentences stay the same in
 * number and place in their paragraphs: only words inside them change.
 */
export function distinctCopy(text: string, seed: number): string {
  return copyWithMaps(text, seed).text;
}

/** A distinct copy, with what each name and each number of the original became in it. */
function copyWithMaps(
  text: string,
  seed: number,
): { text: string; names: Map<string, string>; numbers: Map<string, string> } {
  const random = seededRandom(seed);
  const pick = (letters: string) => letters[Math.floor(random() * letters.length)] ?? '';
  // Letters alternate, starting as the name did: "l’État" stays elided before a vowel.
  const invent = (length: number, vowelFirst: boolean): string => {
    let word = '';
    while (word.length < length)
      word += (word.length % 2 === 0) === vowelFirst ? pick(VOWELS) : pick(CONSONANTS);
    return word;
  };
  const starts = new Set(
    splitSentences(text).map((sentence) => sentence.start + sentence.text.search(/[\p{L}\p{N}]/u)),
  );
  const names = new Map<string, string>();
  const numbers = new Map<string, string>();
  const copied = text.replace(NAME_OR_NUMBER, (run: string, at: number) => {
    if (/^\p{N}/u.test(run)) {
      let digits = '';
      for (let i = 0; i < run.length; i++)
        digits += pick(i === 0 && run.length > 1 ? '123456789' : '0123456789');
      if (!numbers.has(run)) numbers.set(run, digits);
      return digits;
    }
    if (starts.has(at)) return run;
    let name = names.get(run);
    if (name === undefined) {
      const invented = invent(run.length, /^[aeiouy]/i.test(foldText(run)));
      name =
        run === run.toUpperCase()
          ? invented.toUpperCase()
          : `${invented.charAt(0).toUpperCase()}${invented.slice(1)}`;
      names.set(run, name);
    }
    return name;
  });
  return { text: copied, names, numbers };
}

/**
 * At least `facts` reviewed facts: the seed's first article and as many copies of it as it
 * takes, each a distinct copy (other names and numbers) with the seed's facts carried over: a
 * quote is the copy's text at the same place (a copy keeps every length), answers and questions
 * get the same names and numbers. For timing and weighing an index of curated facts, not to score.
 */
export function knowledgeWithCuratedFacts(seed: KnowledgeBase, facts: number): KnowledgeBase {
  const source = seed.sources[0];
  if (!source) throw new Error('the seed knowledge has no article');
  const own = seed.facts.filter((fact) => fact.source === source.id);
  const copies = Math.max(0, Math.ceil(facts / Math.max(1, own.length)) - 1);
  const sources: Source[] = [source];
  const all: Fact[] = [...own];
  for (let copy = 1; copy <= copies; copy++) {
    const { text, names, numbers } = copyWithMaps(source.text, 1000 + copy);
    const id = `${source.id}-copy-${copy}`;
    const copied: Source = {
      ...source,
      id,
      title: `${source.title} (${copy})`,
      text,
      sentences: splitSentences(text),
    };
    const rename = (line: string) =>
      line.replace(NAME_OR_NUMBER, (run) => (/^\p{N}/u.test(run) ? numbers.get(run) : names.get(run)) ?? run);
    sources.push(copied);
    for (const fact of own) {
      const sentence = source.sentences.find(
        (item) => item.paragraph === fact.location.paragraph && item.sentence === fact.location.sentence,
      );
      const at = sentence ? source.text.indexOf(fact.quote, sentence.start) : -1;
      if (at < 0) continue;
      all.push({
        ...fact,
        id: `${fact.id}-copy-${copy}`,
        source: id,
        quote: text.slice(at, at + fact.quote.length),
        answer: { fr: rename(fact.answer.fr), en: rename(fact.answer.en) },
        questions: { fr: fact.questions.fr.map(rename), en: fact.questions.en.map(rename) },
        featured: false,
      });
    }
  }
  return { ...seed, sources, facts: all };
}
