import { ENGLISH } from './english.js';
import { FRENCH } from './french.js';
import {
  CANDIDATE_KINDS,
  type CandidateKind,
  CURRENCY_SIGNS,
  MAX_CANDIDATES,
  PERCENT_SIGNS,
  QUESTION_TEMPLATES,
  type QuestionTemplates,
} from './questionTemplates.js';
import { readValues } from './reading.js';
import { foldText, STOPWORDS, type Token, tableOf, tokenise } from './text.js';
import { type Bilingual, LANGUAGES, type Language } from './types.js';

/**
 * Candidate questions for one sentence of an article, in both languages: who is the person it
 * names, what is the sum it states for, what happens at the time it gives, and so on. The names,
 * figures and times are the sentence's own words, as written; the templates live in
 * `questionTemplates.ts`. They are drafts for a person to review, or suggestions for a sentence
 * no reviewed fact covers: never an answer.
 */
export function candidateQuestions(sentence: string, language: Language): { fr: string[]; en: string[] } {
  const mentions = [...nameMentions(sentence, language), ...valueMentions(sentence, language)].sort(
    (a, b) => a.start - b.start,
  );
  const quotes = QUOTATION.test(sentence);
  const questions = {} as Bilingual<string[]>;
  for (const target of LANGUAGES) {
    const asked = mentions.flatMap((mention) => questionsOf(mention, quotes, target, language));
    questions[target] = pickQuestions(asked);
  }
  return questions;
}

/** A name, figure or time of the sentence, with the words around it that a question keeps. */
interface Mention {
  readonly kind: 'person' | 'place' | 'name' | 'money' | 'time' | 'count' | 'figure';
  readonly start: number;
  /** The words as written: "Tom Varga", "$410 million", "87 passagers". */
  readonly text: string;
  /**
   * Written just before it and kept in a question of the article's language: an article ("the
   * Mid West Herald"), a place's preposition ("au Japon"), a time's ("depuis lundi").
   */
  readonly lead: string;
  /** What a count counts ("passagers"); empty for anything else. */
  readonly noun: string;
}

interface Asked {
  readonly kind: CandidateKind;
  readonly text: string;
}

const CALENDAR = tableOf((rules) => rules.calendarWords);
/** Each language's prepositions of place, folded once. */
const LOCATIVES: Readonly<Record<Language, ReadonlySet<string>>> = {
  fr: new Set(FRENCH.locatives.map(foldText)),
  en: new Set(ENGLISH.locatives.map(foldText)),
};
/** The sentence reports someone's words: « … », “…” or "…". */
const QUOTATION = /[«“]|"[^"]{2,}"/u;

function questionsOf(mention: Mention, quotes: boolean, target: Language, source: Language): Asked[] {
  const rules = QUESTION_TEMPLATES[target];
  const same = target === source;
  const ask = (kind: CandidateKind, slot: string, value: string): Asked => ({
    kind,
    text: fill(rules, rules.templates[kind], slot, value),
  });
  switch (mention.kind) {
    case 'person':
      return quotes
        ? [ask('person', 'name', mention.text), ask('speech', 'name', mention.text)]
        : [ask('person', 'name', mention.text)];
    case 'place':
      return [
        ask(
          'place',
          'place',
          same && mention.lead
            ? `${mention.lead}${mention.text}`
            : `${rules.placePreposition} ${mention.text}`,
        ),
      ];
    case 'name':
      return [ask('name', 'name', same ? `${mention.lead}${mention.text}` : mention.text)];
    case 'time':
      return [
        same && mention.lead
          ? ask('time', 'time', `${mention.lead}${mention.text}`)
          : ask('date', 'time', mention.text),
      ];
    case 'count':
      return [same ? ask('count', 'noun', mention.noun) : ask('figure', 'value', mention.text)];
    default:
      return [ask(mention.kind, 'value', mention.text)];
  }
}

/** A template with its slot filled, elided where the language elides before a vowel ("d’allers"). */
function fill(rules: QuestionTemplates, template: string, slot: string, value: string): string {
  let text = template;
  if (/^[aeiouyh]/.test(foldText(value))) {
    for (const [full, elided] of rules.elisions)
      text = text.replace(`${full}{${slot}}`, `${elided}{${slot}}`);
  }
  return text.replace(`{${slot}}`, value);
}

/** One question of each kind first, most telling kind first, then the others; no repeats. */
function pickQuestions(asked: readonly Asked[]): string[] {
  const byKind = [...asked].sort((a, b) => CANDIDATE_KINDS.indexOf(a.kind) - CANDIDATE_KINDS.indexOf(b.kind));
  const firsts = byKind.filter((item, i) => i === 0 || byKind[i - 1]?.kind !== item.kind);
  const picked: string[] = [];
  const seen = new Set<string>();
  // The firsts come again in byKind: their key is already seen, and is not folded twice.
  const considered = new Set<Asked>();
  for (const item of [...firsts, ...byKind]) {
    if (considered.has(item)) continue;
    considered.add(item);
    const { text } = item;
    const key = foldText(text);
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(text);
    if (picked.length === MAX_CANDIDATES) break;
  }
  return picked;
}

// ---------------------------------------------------------------- names

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The word without a lower-case elided article or preposition before it ("État" of "l’État"). */
  readonly bare: string;
  readonly bareStart: number;
  /** "Australia's": the name ends with this word. */
  readonly possessive: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const ELIDED = /^\p{Ll}{1,7}['’](?=\p{L})/u;
const POSSESSIVE = /['’]s$/u;

function wordsOf(sentence: string): Word[] {
  return [...sentence.matchAll(WORD)].map((match) => {
    const start = match.index;
    const elided = ELIDED.exec(match[0])?.[0] ?? '';
    const possessive = POSSESSIVE.test(match[0]) && !elided;
    const text = possessive ? match[0].slice(0, -2) : match[0];
    return {
      text,
      start,
      end: start + text.length,
      bare: text.slice(elided.length),
      bareStart: start + elided.length,
      possessive,
    };
  });
}

const capitalised = (word: Word | undefined) => word !== undefined && /^\p{Lu}/u.test(word.bare);
const acronym = (word: Word) => word.bare.length > 1 && word.bare === word.bare.toUpperCase();

/**
 * Whether a word starts a sentence or a quotation, where every word takes a capital: first, after
 * « “ : ! ?, after an opening ", or after a full stop that ends a word, not an abbreviation
 * ("M. Dupont", "Dr. Smith").
 */
function startsText(sentence: string, word: Word): boolean {
  const before = sentence.slice(0, word.bareStart).trimEnd();
  const last = before.at(-1);
  if (last === undefined || '«“:!?'.includes(last)) return true;
  if (last === '"') return before.length === word.bareStart;
  return last === '.' && !/(?:^|[^\p{L}])\p{Lu}\p{L}{0,2}\.$/u.test(before);
}

/** Capitalised words side by side, maybe joined by particles, and what stands before them. */
interface Run {
  readonly words: readonly Word[];
  /** The index of the first word among the sentence's words. */
  readonly first: number;
  /** Joined by particles ("Mayor of Geraldton"): no person's name. */
  readonly particles: boolean;
  /** After a title ("Dr"), which the run leaves out. */
  readonly titled: boolean;
}

/** The runs of capitalised words that do not start the sentence or a quotation. */
function nameRuns(sentence: string, words: readonly Word[], rules: QuestionTemplates): Run[] {
  const joined = (a: Word | undefined, b: Word | undefined) =>
    a !== undefined && b !== undefined && /^\s+$/u.test(sentence.slice(a.end, b.start));
  const isTitle = (word: Word | undefined) =>
    word !== undefined &&
    (rules.personTitles.includes(word.text) || rules.personTitles.includes(`${word.text}.`));
  const runs: Run[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!capitalised(words[i]) || startsText(sentence, words[i] as Word)) continue;
    const indices = [i];
    let particles = false;
    for (let j = i; !(words[j] as Word).possessive; ) {
      let k = j + 1;
      while (
        k < j + 3 &&
        rules.nameParticles.includes(words[k]?.text ?? '') &&
        joined(words[k - 1], words[k])
      )
        k++;
      if (!capitalised(words[k]) || !joined(words[k - 1], words[k])) break;
      particles ||= k > j + 1;
      indices.push(k);
      j = k;
    }
    i = indices.at(-1) as number;
    let titled = isTitle(words[(indices[0] as number) - 1]);
    while (indices.length > 1 && isTitle(words[indices[0] as number])) {
      indices.shift();
      titled = true;
    }
    const first = indices[0] as number;
    runs.push({ words: indices.map((index) => words[index] as Word), first, particles, titled });
  }
  return runs;
}

/**
 * The names of a sentence. One of two words or more after a comma or a title, without particles,
 * is a person's ("…, Tom Varga, said"); one after a preposition of place is a place.
 */
function nameMentions(sentence: string, language: Language): Mention[] {
  const rules = QUESTION_TEMPLATES[language];
  const words = wordsOf(sentence);
  return nameRuns(sentence, words, rules).flatMap((run): Mention[] => {
    const head = run.words[0] as Word;
    if (run.words.length === 1 && !keptAlone(head)) return [];
    const text = sentence.slice(head.bareStart, (run.words.at(-1) as Word).end);
    const mention = { start: head.bareStart, text, noun: '' };
    const comma = sentence.slice(0, head.bareStart).trimEnd().endsWith(',');
    if (run.words.length > 1 && !run.particles && !run.words.some(acronym) && (comma || run.titled))
      return [{ ...mention, kind: 'person', lead: '' }];
    const place = placeLead(sentence, words, run.first, language);
    if (place !== null) return [{ ...mention, kind: 'place', lead: place }];
    return [{ ...mention, kind: 'name', lead: articleLead(head, words[run.first - 1], rules) }];
  });
}

/** A one-word name is not a day, a month, a function word or a single letter. */
function keptAlone(word: Word): boolean {
  const folded = foldText(word.bare);
  if (CALENDAR.has(folded)) return false;
  return acronym(word) || (word.bare.length > 1 && !STOPWORDS.has(folded));
}

/** The article written before a name ("the ", "l’"), to keep in a question of the same language. */
function articleLead(head: Word, before: Word | undefined, rules: QuestionTemplates): string {
  const elided = head.text.slice(0, head.bareStart - head.start);
  if (elided && rules.articles.includes(elided.replace("'", '’'))) return elided;
  if (before && !before.possessive && rules.articles.includes(before.text.toLowerCase()))
    return `${before.text.toLowerCase()} `;
  return '';
}

/**
 * Whether a name stands after a preposition of place ("à Thiers", "in the Philippines"): null when
 * not, else the words to keep before it in a question of the same language ("au ", or "" when
 * the preposition is not one a question may keep, such as "vers").
 */
function placeLead(
  sentence: string,
  words: readonly Word[],
  index: number,
  language: Language,
): string | null {
  const locatives = LOCATIVES[language];
  const articles = QUESTION_TEMPLATES[language].articles;
  const head = words[index] as Word;
  for (const back of [1, 2]) {
    const preposition = words[index - back];
    if (!preposition || !locatives.has(foldText(preposition.bare))) continue;
    const between = words.slice(index - back + 1, index);
    if (!between.every((word) => articles.includes(word.text.toLowerCase()))) continue;
    const kept = QUESTION_TEMPLATES[language].placePrepositions.includes(preposition.bare.toLowerCase());
    return kept ? sentence.slice(preposition.bareStart, head.bareStart) : '';
  }
  return null;
}

// ---------------------------------------------------------------- figures and times

/** A value of the sentence, placed in its text. */
interface Piece {
  readonly kind: 'amount' | 'duration' | 'calendar' | 'year' | 'count' | 'clock';
  readonly start: number;
  readonly end: number;
  /** A currency the words name ("d’euros"); '' when none. */
  readonly unit: string;
}

const TIME_KINDS: ReadonlySet<Piece['kind']> = new Set(['calendar', 'year', 'clock']);

/** Where each token stands in the sentence; null for one the tokeniser wrote itself. */
function tokenSpans(
  sentence: string,
  tokens: readonly Token[],
): Array<{ start: number; end: number } | null> {
  let cursor = 0;
  return tokens.map((token) => {
    let at = sentence.indexOf(token.raw, cursor);
    while (at !== -1 && /[\p{L}\p{N}]/u.test(sentence[at - 1] ?? ''))
      at = sentence.indexOf(token.raw, at + 1);
    if (at === -1) return null;
    cursor = at + token.raw.length;
    return { start: at, end: cursor };
  });
}

/** The values a sentence states, read by `readValues`, placed in the sentence as written. */
function piecesOf(sentence: string, rules: QuestionTemplates): Piece[] {
  const tokens = tokenise(sentence);
  const spans = tokenSpans(sentence, tokens);
  const pieces: Piece[] = [];
  for (const value of readValues(tokens)) {
    const first = tokens[value.from] as Token;
    if (value.kind === 'calendar' && rules.capitalisedCalendar && !first.capitalised) continue;
    // "$38 a year", "cinq le week-end": words between a number and a unit are no duration.
    const loose = value.kind === 'duration' && value.to - value.from > 1;
    const from = spans[value.from];
    const to = loose ? from : spans[value.to];
    if (!from || !to) continue;
    pieces.push({ kind: loose ? 'count' : value.kind, start: from.start, end: to.end, unit: value.unit });
  }
  const clocks: Piece[] = [...sentence.matchAll(rules.clock)].map((match) => ({
    kind: 'clock',
    start: match.index,
    end: match.index + match[0].length,
    unit: '',
  }));
  const outside = pieces.filter(
    (piece) => !clocks.some((clock) => piece.start < clock.end && clock.start < piece.end),
  );
  return joinThousands(
    sentence,
    [...outside, ...clocks].sort((a, b) => a.start - b.start),
  );
}

/** "1 200": a number written with a space between its thousands is one number. */
function joinThousands(sentence: string, pieces: readonly Piece[]): Piece[] {
  const joined: Piece[] = [];
  for (const piece of pieces) {
    const last = joined.at(-1);
    const gap = last ? sentence.slice(last.end, piece.start) : '';
    if (
      last?.kind === 'count' &&
      /^[ \u00a0\u202f]$/u.test(gap) &&
      /^\d{1,3}$/u.test(sentence.slice(last.start, last.end)) &&
      /^\d{3}(?!\d)/u.test(sentence.slice(piece.start))
    ) {
      joined[joined.length - 1] = { ...piece, start: last.start };
    } else joined.push(piece);
  }
  return joined;
}

function valueMentions(sentence: string, language: Language): Mention[] {
  const rules = QUESTION_TEMPLATES[language];
  const pieces = piecesOf(sentence, rules);
  const { times, rest } = groupTimes(sentence, pieces);
  return [
    ...times.map((time) => timeMention(sentence, time, rules)),
    ...rest.flatMap((piece) => figureMention(sentence, piece)),
  ];
}

/**
 * Days, months, years and times of day written side by side are one time ("lundi 14 septembre",
 * "March 2023"), with the day numbers between them.
 */
function groupTimes(sentence: string, pieces: readonly Piece[]): { times: Piece[]; rest: Piece[] } {
  const timeish = (piece: Piece) =>
    TIME_KINDS.has(piece.kind) ||
    (piece.kind === 'count' && /^\d{1,2}$/u.test(sentence.slice(piece.start, piece.end)));
  const groups: Piece[][] = [];
  for (const piece of pieces) {
    const last = groups.at(-1)?.at(-1);
    const beside = last !== undefined && /^\s+$/u.test(sentence.slice(last.end, piece.start));
    if (beside && timeish(last) && timeish(piece)) groups.at(-1)?.push(piece);
    else groups.push([piece]);
  }
  const isTime = (group: readonly Piece[]) => group.some((piece) => TIME_KINDS.has(piece.kind));
  const span = (group: readonly Piece[]): Piece => ({
    kind: 'calendar',
    start: group[0]?.start ?? 0,
    end: group.at(-1)?.end ?? 0,
    unit: '',
  });
  return { times: groups.filter(isTime).map(span), rest: groups.filter((group) => !isTime(group)).flat() };
}

function timeMention(sentence: string, time: Piece, rules: QuestionTemplates): Mention {
  const before = sentence.slice(0, time.start).replace(/'/g, '’');
  const preposition = rules.timePrepositions.find((word) => {
    const at = before.length - word.length - 1;
    return (
      at >= 0 && before.slice(at).toLowerCase() === `${word} ` && !/[\p{L}\p{N}’]/u.test(before[at - 1] ?? '')
    );
  });
  const lead = preposition ? sentence.slice(time.start - preposition.length - 1, time.start) : '';
  return { kind: 'time', start: time.start, text: sentence.slice(time.start, time.end), lead, noun: '' };
}

/**
 * A sum of money ("$410 million", "118 millions d’euros"), a count of something ("87
 * passagers") or another figure ("60 per cent", "26 mois"), with the signs written beside it.
 */
function figureMention(sentence: string, piece: Piece): Mention[] {
  const written = sentence.slice(piece.start, piece.end);
  if (piece.kind === 'count' && !/^\d/u.test(written)) return [];
  const before = SIGN_BEFORE.exec(sentence.slice(0, piece.start));
  const after = sentence.slice(piece.end).replace(/^[\u00a0\u202f]/u, ' ');
  const signAfter = SIGN_AFTER.exec(after)?.[0];
  const lowered = after.toLowerCase();
  const percent = PERCENT_SIGNS.find((sign) => lowered.startsWith(sign));
  const compound = /^-\p{L}+/u.exec(after)?.[0];
  const start = before ? before.index : piece.start;
  const end = piece.end + (signAfter ?? percent ?? compound ?? '').length;
  const mention = { start, text: sentence.slice(start, end), lead: '', noun: '' };
  if (before || signAfter || (piece.kind === 'amount' && piece.unit !== ''))
    return [{ ...mention, kind: 'money' }];
  if (percent || compound || piece.kind === 'duration') return [{ ...mention, kind: 'figure' }];
  const noun = /^[ \u00a0]+(\p{Ll}[\p{L}’'-]{2,})/u.exec(sentence.slice(end));
  if (noun?.[1] && !STOPWORDS.has(foldText(noun[1])))
    return [{ ...mention, kind: 'count', text: sentence.slice(start, end + noun[0].length), noun: noun[1] }];
  return [{ ...mention, kind: 'figure' }];
}

const SIGNS = CURRENCY_SIGNS.join('');
const SIGN_BEFORE = new RegExp(`[${SIGNS}][ \u00a0]?$`, 'u');
const SIGN_AFTER = new RegExp(`^ ?[${SIGNS}]`, 'u');
