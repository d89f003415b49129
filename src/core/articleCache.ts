import { conceptKey, stemKeys, variantStems } from './analyse.js';
import type { IndexedFact } from './factIndex.js';
import { tokenise } from './text.js';
import type { Concept, Fact, Language, Source } from './types.js';
import { LANGUAGES } from './types.js';

/** What one build kept of an article: its facts from sentences, and its indexed facts. */
interface Kept {
  /** The article and its reviewed facts, as the build read them. */
  readonly input: string;
  readonly sentenceFacts: readonly Fact[];
  indexed?: { readonly entries: readonly IndexedFact[]; readonly words: ReadonlySet<string> };
}

/**
 * What a build keeps of each article for the next one, so that a reload analyses only the
 * articles that changed. An article's facts are analysed again when its text, its metadata or
 * its reviewed facts changed, when the settings changed, or when a concept of the glossary
 * (reviewed, or a name found in any article) that changed since the last build may match one of
 * its words: its form, its stem, or its concept key.
 */
export class ArticleCache {
  /** What the last build that ended kept: the only state a build reads. */
  private kept = new Map<string, Kept>();
  private glossary = new Map<string, string>();
  private setting = '';
  /** The build under way: what it keeps, committed by `end` only, so a failed build leaves nothing. */
  private pending = new Map<string, Kept>();
  private next = new Map<string, string>();
  private nextSetting = '';
  private touched: ReadonlySet<string> = new Set();
  private builds = { reused: 0, analysed: 0 };

  /** Starts a build: what the glossary's changes since the last build touch. */
  begin(glossary: readonly Concept[], setting: string): void {
    this.next = new Map(glossary.map((concept) => [concept.id, JSON.stringify(concept)]));
    this.nextSetting = setting;
    this.pending = new Map();
    this.builds = { reused: 0, analysed: 0 };
    const byId = new Map(glossary.map((concept) => [concept.id, concept]));
    const touched = new Set<string>();
    for (const id of new Set([...this.next.keys(), ...this.glossary.keys()])) {
      if (this.next.get(id) === this.glossary.get(id)) continue;
      const concept = byId.get(id) ?? (JSON.parse(this.glossary.get(id) ?? 'null') as Concept | null);
      if (concept) for (const word of conceptWords(concept)) touched.add(word);
    }
    this.touched = touched;
  }

  /** Whether the next build keeps an article's facts from its sentences (it and its reviewed facts are unchanged). */
  holds(source: Source, reviewed: readonly Fact[]): boolean {
    return this.kept.get(source.id)?.input === inputOf(source, reviewed);
  }

  /** An article's facts from its sentences: kept while the article and its reviewed facts are. */
  sentenceFacts(source: Source, reviewed: readonly Fact[], make: () => Fact[]): readonly Fact[] {
    const input = inputOf(source, reviewed);
    const found = this.kept.get(source.id);
    // New settings weigh every fact anew: only the sentences are kept.
    const same = found?.input === input;
    const kept: Kept =
      same && found
        ? {
            input,
            sentenceFacts: found.sentenceFacts,
            ...(this.setting === this.nextSetting && found.indexed ? { indexed: found.indexed } : {}),
          }
        : { input, sentenceFacts: make() };
    this.pending.set(source.id, kept);
    return kept.sentenceFacts;
  }

  /** An article's indexed facts, when nothing they were built from changed; else null. */
  entries(source: Source): readonly IndexedFact[] | null {
    const indexed = this.pending.get(source.id)?.indexed;
    if (!indexed) return null;
    for (const word of this.touched) if (indexed.words.has(word)) return null;
    this.builds.reused += 1;
    return indexed.entries;
  }

  /** Keeps an article's indexed facts, with the words a changed concept would have to match. */
  keep(source: Source, entries: readonly IndexedFact[]): void {
    const found = this.pending.get(source.id);
    if (!found) return;
    found.indexed = { entries, words: articleWords(source, entries) };
    this.builds.analysed += 1;
  }

  /** Ends a build that succeeded: what it kept is what the next build reads. */
  end(): void {
    this.kept = this.pending;
    this.glossary = this.next;
    this.setting = this.nextSetting;
    this.pending = new Map();
  }

  /** How many articles the last build reused and analysed. */
  get lastBuild(): { readonly reused: number; readonly analysed: number } {
    return this.builds;
  }
}

/** What an article's facts from its sentences are made of, as one string to compare. */
function inputOf(source: Source, reviewed: readonly Fact[]): string {
  return JSON.stringify([source, reviewed]);
}

/**
 * What a concept could match in a text: a one-word variant by its form or its stems; a phrase
 * only where each of its words is, so one of them is enough to tell, the longest (the rarest, as
 * a rule: "Water" in "Water Corporation" would point at every article about water); its key.
 */
function conceptWords(concept: Concept): string[] {
  const words = [conceptKey(concept)];
  for (const language of LANGUAGES) {
    for (const variant of concept.variants[language]) {
      const tokens = tokenise(variant);
      const [only] = tokens;
      if (tokens.length === 1 && only) {
        words.push(only.norm, ...variantStems(only, language, concept));
      } else {
        const longest = tokens.reduce<string>(
          (best, token) => (token.norm.length > best.length ? token.norm : best),
          '',
        );
        if (longest) words.push(longest);
      }
    }
  }
  return words;
}

/** Every word of an article's texts (the article, its reviewed answers and questions), its stems and its keys. */
function articleWords(source: Source, entries: readonly IndexedFact[]): Set<string> {
  const words = new Set<string>();
  const add = (text: string, language: Language) => {
    for (const token of tokenise(text)) {
      words.add(token.norm);
      for (const key of stemKeys(token.norm, token.raw.toLowerCase(), language)) words.add(key);
    }
  };
  add(source.text, source.language);
  for (const entry of entries) {
    for (const key of entry.keys.keys()) words.add(key);
    if (entry.fact.uncurated) continue;
    for (const language of LANGUAGES) {
      add(entry.fact.answer[language], language);
      for (const question of entry.fact.questions[language]) add(question, language);
    }
  }
  return words;
}
