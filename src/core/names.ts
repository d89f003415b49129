import type { Lexicon } from './analyse.js';
import { phraseOf, STOPWORDS, startsWithNumber, type Token, tableOf, tokenise, wordsOf } from './text.js';
import type { Concept, KnowledgeBase, Language } from './types.js';
import { LANGUAGES } from './types.js';

const LINKS = wordsOf('nameLinks');
const TITLE_NOUNS = wordsOf('titleNouns');
const CALENDAR = tableOf((rules) => rules.calendarWords);
/** Punctuation that ends a clause: a name never runs across it ("Geraldton, on Western Australia"). */
const CLAUSE_BREAK = /[,;:()«»"“”!?–—]|\.\s/u;

/**
 * The names an article mentions that the glossary does not: runs of capitalised words ("Hélène
 * Morvan", "Boën-sur-Lignon", "Midwest Water Authority"), each part of a run that is a name by
 * itself ("Geraldton" in "Mayor of Geraldton"), and a person's last name when no other name holds
 * it ("Morvan"). They become entities of no known type, so that the engine checks who did what
 * in an article nobody has curated, as it does with the glossary's names.
 */
export function articleNames(
  knowledge: KnowledgeBase,
  lexicon: Lexicon,
  /** A sentence's tokens (a build reads them once, for every pass). */
  tokensOf: (text: string) => readonly Token[] = tokenise,
): Concept[] {
  const known = new Set(
    knowledge.glossary.flatMap((concept) =>
      LANGUAGES.flatMap((language) => concept.variants[language].map(phraseOf)),
    ),
  );
  const runs = new Map<string, string>();
  for (const source of knowledge.sources) {
    for (const sentence of source.sentences) {
      for (const clause of clausesOf(sentence.text, tokensOf)) {
        for (const run of capitalisedRuns(clause, source.language, lexicon)) {
          if (isTitle(run, clause, source.language, lexicon)) continue;
          const phrase = run.map((token) => token.norm).join(' ');
          if (!runs.has(phrase)) runs.set(phrase, run.map((token) => token.raw).join(' '));
        }
      }
    }
  }
  const concepts = [...runs]
    .filter(([phrase]) => !known.has(phrase))
    .map(([phrase, surface]): Concept => nameConcept(phrase, [surface]));
  return [...concepts, ...lastNames(concepts, known, lexicon)];
}

function nameConcept(phrase: string, variants: string[]): Concept {
  return {
    id: `~${phrase.replace(/\s+/gu, '-')}`,
    kind: 'entity',
    type: null,
    variants: { fr: variants, en: variants },
    found: true,
  };
}

/** "Morvan" for "Hélène Morvan": the last word of a two- or three-word name that no other name uses. */
function lastNames(concepts: readonly Concept[], known: ReadonlySet<string>, lexicon: Lexicon): Concept[] {
  const uses = new Map<string, number>();
  const words = concepts.map((concept) => tokenise(concept.variants.fr[0] ?? ''));
  for (const tokens of words)
    for (const norm of new Set(tokens.map((token) => token.norm))) uses.set(norm, (uses.get(norm) ?? 0) + 1);
  const added: Concept[] = [];
  concepts.forEach((concept, i) => {
    const tokens = words[i] ?? [];
    const last = tokens.at(-1);
    if (tokens.length < 2 || tokens.length > 3 || !last) return;
    if (uses.get(last.norm) !== 1 || known.has(last.norm) || lexicon.has(last.norm)) return;
    added.push({ ...concept, variants: { fr: [last.raw], en: [last.raw] } });
  });
  return added;
}

/**
 * A sentence's tokens, clause by clause: a name never runs across the punctuation that ends one.
 * The sentence's tokens are split where that punctuation stands between two of them; when a token
 * cannot be placed in the text (the tokeniser rewrote it: "j'ai"), each clause is tokenised alone.
 */
function clausesOf(text: string, tokensOf: (text: string) => readonly Token[]): Array<readonly Token[]> {
  const clauses: Token[][] = [[]];
  let cursor = 0;
  for (const token of tokensOf(text)) {
    const at = text.indexOf(token.raw, cursor);
    if (at === -1) return text.split(CLAUSE_BREAK).map((clause) => tokenise(clause));
    if (CLAUSE_BREAK.test(text.slice(cursor, at)) && (clauses.at(-1)?.length ?? 0) > 0) clauses.push([]);
    clauses.at(-1)?.push(token);
    cursor = at + token.raw.length;
  }
  return clauses;
}

/**
 * Runs of capitalised words. A clause's first word is a name only if no dictionary knows it, or
 * if a name follows it ("Tom Varga"); a link word ends a run ("Mayor of Geraldton": Geraldton).
 */
function capitalisedRuns(tokens: readonly Token[], language: Language, lexicon: Lexicon): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (isNameWord(token, i === 0, language, lexicon, next)) run.push(token);
    else {
      if (run.length > 0) runs.push(run);
      run = [];
    }
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

function isNameWord(
  token: Token,
  first: boolean,
  language: Language,
  lexicon: Lexicon,
  next?: Token,
): boolean {
  if (!token.capitalised || startsWithNumber(token.norm) || CALENDAR.has(token.norm)) return false;
  if (STOPWORDS.has(token.norm) || LINKS.has(token.norm)) return false;
  if (!first || !lexicon.has(token.norm, language)) return true;
  return next?.capitalised === true && !lexicon.has(next.norm, language);
}

/**
 * Whether a run of capitalised words is a title, not a name: dictionary words only ("The Mayor",
 * "Water Minister"), unless a title stands before two or more of them ("Council leader Graham
 * Holt": the words after "leader" name him).
 */
function isTitle(
  run: readonly Token[],
  clause: readonly Token[],
  language: Language,
  lexicon: Lexicon,
): boolean {
  const before = clause[clause.indexOf(run[0] as Token) - 1];
  if (run.length > 1 && TITLE_NOUNS.has(before?.norm ?? '')) return false;
  return run.every((token) => isCommonWord(token, language, lexicon));
}

/** A word of the dictionary, not written in capitals as an acronym is. */
function isCommonWord(token: Token, language: Language, lexicon: Lexicon): boolean {
  return lexicon.has(token.norm, language) && token.raw !== token.raw.toUpperCase();
}
