// Reads Apertium's compiled bilingual dictionaries (printed by lttoolbox's lt-print) and composes
// French→pivot→English word pairs: the part of scripts/build-pivot.ts that tests can call.
import { foldText } from '../src/core/text.js';
import { BRIDGE_WORD } from '../src/knowledge/bridge.js';

/** lt-print's empty symbol: one side of a transition that writes nothing. */
const EPSILON = 'ε';
/**
 * A symbol a dictionary entry of one lower-case word is spelled with: a lower-case letter or a tag
 * (`<n>`). Names and acronyms are left at their first capital: a dictionary may spell acronyms as
 * a pattern of any capitals, millions of paths.
 */
const WORD_SYMBOL = /^(?:\p{Ll}|<[^>]+>|ε)$/u;
/** Entries longer than this are phrases or regular expressions, not words. */
const MAX_SYMBOLS = 80;

interface Arc {
  readonly to: number;
  readonly input: string;
  readonly output: string;
}

/** One section of a transducer: its arcs by state and its final states. */
interface Section {
  readonly arcs: Map<number, Arc[]>;
  readonly finals: Set<number>;
}

/**
 * Reads lt-print's text (AT&T format, one section after another, separated by `--`): an arc is
 * `from to input output weight`, a final state `state weight`. Throws on a line that is neither.
 */
export function parseAtt(text: string): Section[] {
  const sections: Section[] = [];
  let section: Section = { arcs: new Map(), finals: new Set() };
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    if (line === '--') {
      sections.push(section);
      section = { arcs: new Map(), finals: new Set() };
      return;
    }
    const fields = line.split('\t');
    if (fields.at(-1) === '') fields.pop();
    const [from = '', to = '', input, output] = fields;
    if (fields.length === 2 && /^\d+$/.test(from)) section.finals.add(Number(from));
    else if (fields.length === 5 && /^\d+$/.test(from) && /^\d+$/.test(to)) {
      const arcs = section.arcs.get(Number(from)) ?? [];
      arcs.push({ to: Number(to), input: input ?? '', output: output ?? '' });
      section.arcs.set(Number(from), arcs);
    } else throw new Error(`line ${i + 1}: not an lt-print arc nor final state: ${JSON.stringify(line)}`);
  });
  sections.push(section);
  return sections;
}

/**
 * Every entry a section spells with letters and tags only, as [input, output] strings. A path
 * through any other symbol (a space, a digit, a sign) is a phrase or a pattern and is left; a
 * state already on the path is not entered again, so loops end.
 */
export function expandSection(section: Section): Array<readonly [string, string]> {
  const entries: Array<readonly [string, string]> = [];
  const onPath = new Set<number>();
  const walk = (state: number, input: string[], output: string[]): void => {
    if (section.finals.has(state)) entries.push([input.join(''), output.join('')]);
    if (input.length >= MAX_SYMBOLS) return;
    onPath.add(state);
    for (const arc of section.arcs.get(state) ?? []) {
      if (onPath.has(arc.to) || !WORD_SYMBOL.test(arc.input) || !WORD_SYMBOL.test(arc.output)) continue;
      input.push(arc.input === EPSILON ? '' : arc.input);
      output.push(arc.output === EPSILON ? '' : arc.output);
      walk(arc.to, input, output);
      input.pop();
      output.pop();
    }
    onPath.delete(state);
  };
  walk(0, [], []);
  return entries;
}

/** A dictionary side read as a word: its lemma and its part of speech (the first tag). */
export interface Lemma {
  readonly lemma: string;
  readonly pos: string;
}

/** `maison<n><f>` is maison, a noun; null for anything but letters followed by tags. */
export function lemmaOf(side: string): Lemma | null {
  const match = /^(\p{L}+)<([^>]+)>(?:<[^>]+>)*$/u.exec(side);
  return match === null ? null : { lemma: match[1] ?? '', pos: match[2] ?? '' };
}

/** Parts of speech that carry content: nouns, adjectives, lexical verbs, adverbs. */
export const CONTENT_POS = new Set(['n', 'adj', 'vblex', 'adv']);

/** Translations of one dictionary, `lemma<pos>` to the other side's lemmas, same part of speech. */
export type Translations = Map<string, Set<string>>;

const keyOf = (word: Lemma): string => `${word.lemma}<${word.pos}>`;

/**
 * A dictionary's entries as translations: single lower-case words with a content part of speech,
 * the same on both sides (a noun for a noun). Names (capitalised lemmas) and phrases are left.
 */
export function translationsOf(entries: Iterable<readonly [string, string]>): Translations {
  const translations: Translations = new Map();
  for (const [input, output] of entries) {
    const from = lemmaOf(input);
    const to = lemmaOf(output);
    if (from === null || to === null || from.pos !== to.pos || !CONTENT_POS.has(from.pos)) continue;
    if (!BRIDGE_WORD.test(from.lemma) || !BRIDGE_WORD.test(to.lemma)) continue;
    const ones = translations.get(keyOf(from)) ?? new Set<string>();
    ones.add(to.lemma);
    translations.set(keyOf(from), ones);
  }
  return translations;
}

/**
 * A part of speech for dictionaries that give none (FreeDict's Dutch ones): every word has it, so
 * `compose` reaches any translation of a pivot word, as the dictionary does.
 */
export const ANY_POS = 'any';

/**
 * A FreeDict dictionary's articles as translations, every word of part of speech `ANY_POS`: single
 * lower-case words on both sides (a capital is a name), articles labelled as function words left.
 * `word` reads a term as one word (`singleWord` of scripts/freedict.ts), or null.
 */
export function dictionaryTranslations(
  articles: Iterable<{ headword: string; grammar: string | null; senses: readonly (readonly string[])[] }>,
  word: (term: string) => string | null,
  functional: (grammar: string) => boolean,
): Translations {
  const translations: Translations = new Map();
  const lowerWord = (term: string): string | null => {
    const one = word(term);
    return one !== null && one === one.toLowerCase() ? one : null;
  };
  for (const article of articles) {
    const head = lowerWord(article.headword);
    if (head === null || (article.grammar !== null && functional(article.grammar))) continue;
    for (const term of article.senses.flat()) {
      const one = lowerWord(term);
      if (one === null) continue;
      const key = keyOf({ lemma: head, pos: ANY_POS });
      translations.set(key, new Set([...(translations.get(key) ?? []), one]));
    }
  }
  return translations;
}

/** Translations read the other way: a dictionary compiled English→pivot gives pivot→English. */
export function reversed(translations: Translations): Translations {
  const back: Translations = new Map();
  for (const [key, ones] of translations) {
    const from = lemmaOf(key);
    if (from === null) continue;
    for (const one of ones) {
      const ones = back.get(keyOf({ lemma: one, pos: from.pos })) ?? new Set<string>();
      ones.add(from.lemma);
      back.set(keyOf({ lemma: one, pos: from.pos }), ones);
    }
  }
  return back;
}

/** Both dictionaries' translations as one (a pair's two directions list slightly different words). */
export function unionOf(...all: readonly Translations[]): Translations {
  const union: Translations = new Map();
  for (const translations of all)
    for (const [key, ones] of translations) union.set(key, new Set([...(union.get(key) ?? []), ...ones]));
  return union;
}

/** French→pivot and pivot→English: the English words each French word reaches, same part of speech. */
export function compose(frToPivot: Translations, pivotToEn: Translations): Map<string, Set<string>> {
  const pairs = new Map<string, Set<string>>();
  for (const [key, pivots] of frToPivot) {
    const fr = lemmaOf(key);
    if (fr === null) continue;
    for (const pivot of pivots)
      for (const en of pivotToEn.get(keyOf({ lemma: pivot, pos: fr.pos })) ?? []) {
        const ones = pairs.get(`${fr.lemma}\t${en}`) ?? new Set<string>();
        ones.add(pivot);
        pairs.set(`${fr.lemma}\t${en}`, ones);
      }
  }
  return pairs;
}

/** A French–English pair and the pivot languages it was reached through. */
export interface Attested {
  readonly fr: string;
  readonly en: string;
  readonly pivots: readonly string[];
}

/**
 * The pairs each pivot language gives, merged: a pair reached through several pivots is named once
 * with all of them. Sorted by French word, then by the number of pivots (most first), then English.
 */
export function attest(routes: Readonly<Record<string, Map<string, Set<string>>>>): Attested[] {
  const byPair = new Map<string, Set<string>>();
  for (const [pivot, pairs] of Object.entries(routes))
    for (const pair of pairs.keys()) byPair.set(pair, new Set([...(byPair.get(pair) ?? []), pivot]));
  return [...byPair]
    .map(([pair, pivots]) => {
      const [fr = '', en = ''] = pair.split('\t');
      return { fr, en, pivots: [...pivots].sort() };
    })
    .sort((a, b) => cmp(a.fr, b.fr) || b.pivots.length - a.pivots.length || cmp(a.en, b.en));
}

// Code-unit order, not the locale's: the file must come out the same on every machine.
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Why a composed pair was left out, counted for the build's report. */
export type PivotDropped =
  | 'one pivot'
  | 'function word'
  | 'unknown word'
  | 'same word'
  | 'known'
  | 'over the cap';

export interface PivotRules {
  /** Pivot languages a pair must be reached through. */
  readonly minPivots: number;
  /** Translations a word may have in the whole bridge, the existing list's counted first. */
  readonly cap: number;
  readonly isWord: (word: string, side: 'fr' | 'en') => boolean;
  readonly isFunctionWord: (word: string) => boolean;
}

/**
 * The composed pairs worth adding to an existing list: reached through enough pivots, both sides
 * real content words, not a word with itself, not already in the list, and no word past the cap
 * of translations, counting those the existing list gives it first.
 */
export function selectPairs(
  attested: readonly Attested[],
  existing: Iterable<readonly [string, string]>,
  rules: PivotRules,
): { lines: string[]; dropped: Record<PivotDropped, number> } {
  const dropped: Record<PivotDropped, number> = {
    'one pivot': 0,
    'function word': 0,
    'unknown word': 0,
    'same word': 0,
    known: 0,
    'over the cap': 0,
  };
  const known = new Set<string>();
  const count = { fr: new Map<string, number>(), en: new Map<string, number>() };
  const add = (fr: string, en: string): void => {
    known.add(`${fr}\t${en}`);
    count.fr.set(fr, (count.fr.get(fr) ?? 0) + 1);
    count.en.set(en, (count.en.get(en) ?? 0) + 1);
  };
  for (const [fr, en] of existing) add(fr, en);
  const lines: string[] = [];
  for (const { fr, en, pivots } of attested) {
    const why: PivotDropped | null =
      pivots.length < rules.minPivots
        ? 'one pivot'
        : rules.isFunctionWord(fr) || rules.isFunctionWord(en)
          ? 'function word'
          : !rules.isWord(fr, 'fr') || !rules.isWord(en, 'en')
            ? 'unknown word'
            : foldText(fr) === foldText(en)
              ? 'same word'
              : known.has(`${fr}\t${en}`)
                ? 'known'
                : (count.fr.get(fr) ?? 0) >= rules.cap || (count.en.get(en) ?? 0) >= rules.cap
                  ? 'over the cap'
                  : null;
    if (why !== null) {
      dropped[why] += 1;
      continue;
    }
    add(fr, en);
    lines.push(`${fr}\t${en}`);
  }
  return { lines: lines.sort(), dropped };
}
