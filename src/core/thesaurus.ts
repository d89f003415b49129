import { stemKeys } from './analyse.js';
import { foldText } from './text.js';
import type { Language } from './types.js';

/** Words of one language that may stand for a word of the same language: a weak alternate. */
export interface Thesaurus {
  /** The stems of the words that may stand for a word of `language` (folded), in that language. */
  keysOf(norm: string, language: Language): readonly string[];
}

/**
 * A thesaurus in its built form, one text per language: a line per stem, `stem<TAB>stem stem…`
 * (the stems of the words that may stand for it, first senses first), sorted by stem; `#` lines
 * first are comments. Stems are the engine's (`stemKeys` without their `s:`), so a question's word
 * is looked up as it is stemmed. The texts are kept whole and searched by halves: a Map of a
 * hundred thousand lists would cost tens of megabytes and a second to build, at every start that
 * has an unreviewed sentence, for the few words questions ask.
 */
export class StemThesaurus implements Thesaurus {
  private readonly lists: Record<Language, SortedLines>;

  /** Throws a RangeError naming the language and line when a text is not in the built form. */
  constructor(texts: Record<Language, string>) {
    this.lists = { fr: new SortedLines(texts.fr, 'fr'), en: new SortedLines(texts.en, 'en') };
  }

  keysOf(norm: string, language: Language): readonly string[] {
    const found = new Set<string>();
    for (const key of stemKeys(norm, undefined, language)) {
      const synonyms = this.lists[language].find(key.slice(2));
      if (synonyms !== null) for (const synonym of synonyms.split(' ')) found.add(`s:${synonym}`);
    }
    return [...found];
  }

  /** How many stems each language lists synonyms for. */
  get size(): Record<Language, number> {
    return { fr: this.lists.fr.size, en: this.lists.en.size };
  }
}

/** Lines `key<TAB>value` sorted by key, found by halves in the text itself. */
class SortedLines {
  /** Where each line starts, and where its key ends (its tab). */
  private readonly starts: Int32Array;
  private readonly tabs: Int32Array;

  constructor(
    private readonly text: string,
    language: Language,
  ) {
    const starts: number[] = [];
    const tabs: number[] = [];
    let previous = '';
    for (let at = 0, line = 1; at < text.length; line++) {
      const newline = text.indexOf('\n', at);
      const end = newline === -1 ? text.length : newline;
      if (text[at] !== '#' && end > at) {
        const tab = text.indexOf('\t', at);
        const key = text.slice(at, tab);
        if (tab === -1 || tab >= end - 1 || key === '' || key <= previous)
          throw new RangeError(
            `thesaurus (${language}), line ${line}: ${JSON.stringify(text.slice(at, Math.min(end, at + 60)))} is not ` +
              (tab === -1 || tab >= end - 1 || key === ''
                ? '"stem<TAB>stems"'
                : `after "${previous}" in sorted order`),
          );
        starts.push(at);
        tabs.push(tab);
        previous = key;
      }
      at = end + 1;
    }
    this.starts = new Int32Array(starts);
    this.tabs = new Int32Array(tabs);
  }

  get size(): number {
    return this.starts.length;
  }

  /** The value of `key`'s line, or null. */
  find(key: string): string | null {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.starts[middle] as number;
      const tab = this.tabs[middle] as number;
      const found = this.text.slice(at, tab);
      if (found === key) {
        const end = this.text.indexOf('\n', tab);
        return this.text.slice(tab + 1, end === -1 ? this.text.length : end);
      }
      if (found < key) low = middle + 1;
      else high = middle - 1;
    }
    return null;
  }
}

/** At most this many synonym stems a stem: the thesaurus lists its first senses first. */
const MAX_SYNONYMS = 8;

/**
 * The built form of a language's synonym pairs (a word, one word that may stand for it; lower
 * case, accents kept), pairs of a word in the thesaurus's order: each side stemmed as the engine
 * stems text, a word's own stems left out of its synonyms.
 */
export function thesaurusLines(pairs: Iterable<readonly [string, string]>, language: Language): string[] {
  const byStem = new Map<string, string[]>();
  for (const [word, synonym] of pairs) {
    const own = stemKeys(foldText(word), word, language);
    const others = stemKeys(foldText(synonym), synonym, language).filter((key) => !own.includes(key));
    for (const key of own) {
      const list = byStem.get(key) ?? [];
      for (const other of others) if (list.length < MAX_SYNONYMS && !list.includes(other)) list.push(other);
      byStem.set(key, list);
    }
  }
  const bare = (key: string) => key.slice(2);
  return [...byStem]
    .filter(([key, list]) => list.length > 0 && !/\s/u.test(key))
    .map(([key, list]) => [bare(key), list.map(bare).join(' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, list]) => `${key}\t${list}`);
}
