import type { Term } from './analyse.js';
import {
  foldText,
  QUESTION_WORDS,
  STOPWORDS,
  startsWithNumber,
  type Token,
  tableOf,
  wordsOf,
} from './text.js';
import type { EntityType } from './types.js';

/**
 * Reading the shape of a text from its tokens, in both languages: the values it states (amounts,
 * durations, days, years), the role each name plays (the investor, the place, the partner), and
 * whether a question asks yes or no, or for a list. The word lists live in `french.ts` and
 * `english.ts`; nothing here names a word of either language.
 */

/**
 * How a name stands in its sentence: "Microsoft invests" (subject), "au Japon" (place), "avec
 * Biden" (with), "to Brad Smith" (to), "japonais", "of Japan" (attribute); after another content
 * word ("give Microsoft", "centre de recherche japon") it may be anything (unknown).
 */
export type Role = 'subject' | 'place' | 'with' | 'to' | 'attribute' | 'unknown';

/** A value a text states, in a form both languages share. */
export interface Value {
  readonly kind: 'amount' | 'duration' | 'calendar' | 'year' | 'count';
  /** The number, scaled ("2,9 milliards" is 2.9e9); 0 for a day or month. */
  readonly number: number;
  /** Currency, duration unit or calendar code; '' when the text gives none. */
  readonly unit: string;
  /** The words as written, for quoting back. */
  readonly text: string;
  /** Token positions it spans, first and last. */
  readonly from: number;
  readonly to: number;
}

const NUMBER_WORDS = tableOf((rules) => rules.numberWords);
const SCALE_WORDS = tableOf((rules) => rules.scaleWords);
const SUM_SCALES = tableOf((rules) => rules.sumScales);
const CURRENCIES = tableOf((rules) => rules.currencies);
const DURATION_UNITS = tableOf((rules) => rules.durationUnits);
const CALENDAR = tableOf((rules) => rules.calendarWords);
const GENITIVES = wordsOf('genitives');
const DETERMINERS = wordsOf('determiners');
const LOCATIVES = wordsOf('locatives');
const PARTNERS = wordsOf('partners');
const RECIPIENTS = wordsOf('recipients');
const BENEFICIARIES = wordsOf('beneficiaries');
const CONJUNCTIONS = wordsOf('conjunctions');
const PREPOSITIONS = new Set([
  ...LOCATIVES,
  ...PARTNERS,
  ...RECIPIENTS,
  ...BENEFICIARIES,
  ...GENITIVES,
  ...CONJUNCTIONS,
]);
const FUTURE_WORDS = wordsOf('futureWords');
const PAST_WORDS = wordsOf('pastWords');
/** Each between spaces, as looked for in a text of norms between spaces. */
const PAST_PHRASES = [...wordsOf('pastPhrases')].map((phrase) => ` ${phrase} `);
/** Time words that place a time by themselves (hier, tomorrow): no unit needed beside them. */
export const TIME_ALONE: ReadonlySet<string> = new Set(
  [...wordsOf('timeWords')].filter((word) => PAST_WORDS.has(word) || FUTURE_WORDS.has(word)),
);
/** "un", "one" are articles as often as numbers: alone they state no value. */
const ARTICLE_NUMBERS = 1;
const YEAR = /^(?:19|20)\d\d$/;
/** Words allowed between a number and its unit: "2,9 milliards de dollars", "deux prochaines années". */
const MAX_GAP = 2;

function numberOf(token: Token | undefined): number | null {
  if (!token) return null;
  if (startsWithNumber(token.norm)) {
    const value = Number(token.norm);
    return Number.isFinite(value) ? value : null;
  }
  return NUMBER_WORDS.get(token.norm) ?? null;
}

/** The values a text states: numbers with their scale and unit, days and months, years. */
export function readValues(tokens: readonly Token[]): Value[] {
  const values: Value[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const calendar = CALENDAR.get(token.norm);
    if (calendar !== undefined) {
      values.push({ kind: 'calendar', number: 0, unit: calendar, text: token.raw, from: i, to: i });
      continue;
    }
    if (YEAR.test(token.norm)) {
      values.push({ kind: 'year', number: Number(token.norm), unit: '', text: token.raw, from: i, to: i });
      continue;
    }
    let number = numberOf(token);
    if (number === null) continue;
    let end = i;
    // "$410 million": a currency sign before the number.
    const sign = i > 0 ? CURRENCIES.get((tokens[i - 1] as Token).norm) : undefined;
    const from = sign !== undefined && !/\p{L}/u.test((tokens[i - 1] as Token).norm) ? i - 1 : i;
    let unit = from < i ? (sign ?? '') : '';
    let kind: Value['kind'] = from < i ? 'amount' : 'count';
    // Scale, then a currency or a duration unit, a few words on at most.
    for (let j = i + 1; j < tokens.length && j <= end + MAX_GAP + 1; j++) {
      const norm = (tokens[j] as Token).norm;
      // "£14.2m", "3,5 M€": a letter scales a sum beside its currency.
      const priced = from < i || CURRENCIES.has(tokens[j + 1]?.norm ?? '');
      const scale = SCALE_WORDS.get(norm) ?? (priced ? SUM_SCALES.get(norm) : undefined);
      if (scale !== undefined && (kind === 'count' || from < i) && j === end + 1) {
        number *= scale;
        end = j;
        kind = 'amount';
        continue;
      }
      const currency = CURRENCIES.get(norm);
      if (currency !== undefined) {
        unit = currency;
        kind = 'amount';
        end = j;
        break;
      }
      const duration = DURATION_UNITS.get(norm);
      if (duration !== undefined && kind === 'count') {
        unit = duration;
        kind = 'duration';
        end = j;
        break;
      }
      if (!GENITIVES.has(norm) && !FUTURE_WORDS.has(norm) && !PAST_WORDS.has(norm) && !DETERMINERS.has(norm))
        break;
    }
    if (kind === 'count' && number === ARTICLE_NUMBERS && !startsWithNumber(token.norm)) continue;
    const text = tokens
      .slice(from, end + 1)
      .map((t) => t.raw)
      .join(' ')
      .replace(/^([$€£¥]) /u, '$1');
    values.push({ kind, number, unit, text, from, to: end });
    i = end;
  }
  return values;
}

/** Whether two values of one kind say the same: same number (and unit, where both give one). */
export function sameValue(a: Value, b: Value): boolean {
  if (a.kind !== b.kind) return false;
  if (a.unit !== '' && b.unit !== '' && a.unit !== b.unit) return false;
  return Math.abs(a.number - b.number) <= 1e-9 * Math.max(1, Math.abs(a.number));
}

/**
 * Which time a text points to: "l'an dernier" past, "next year" future. A word such as "last"
 * or "prochain" counts only next to a unit of time or a day ("How long will it last?" is no
 * past); "hier", "tomorrow" count alone.
 */
export function timeFrames(tokens: readonly Token[]): ReadonlySet<'past' | 'future'> {
  const frames = new Set<'past' | 'future'>();
  const timed = (i: number) =>
    TIME_ALONE.has(tokens[i]?.norm ?? '') ||
    [i - 2, i - 1, i + 1, i + 2].some((k) => {
      const norm = tokens[k]?.norm ?? '';
      return DURATION_UNITS.has(norm) || CALENDAR.has(norm);
    });
  tokens.forEach((token, i) => {
    if (PAST_WORDS.has(token.norm) && timed(i)) frames.add('past');
    if (FUTURE_WORDS.has(token.norm) && timed(i)) frames.add('future');
  });
  const text = ` ${tokens.map((token) => token.norm).join(' ')} `;
  if (PAST_PHRASES.some((phrase) => text.includes(phrase))) frames.add('past');
  return frames;
}

/** A name of the glossary in a text, and how it stands there. */
export interface Mention {
  readonly id: string;
  readonly type: EntityType | null;
  readonly surface: string;
  readonly role: Role;
  /** Written as an adjective ("japonais"): it describes rather than names. */
  readonly adjective: boolean;
  /** Token positions it spans, first and last. */
  readonly from: number;
  readonly to: number;
}

/**
 * The role of each name: an adjective describes it; the preposition before it (articles
 * skipped) makes it a place, a partner, a person addressed or an owner; else it acts. A name
 * joined by "et", "and" to the one before shares its role ("à Tokyo et Osaka").
 */
export function mentionsOf(
  terms: readonly Term[],
  tokens: readonly Token[],
  /** The tokens glossary phrases span, when the caller read them already (`conceptPositions`). */
  inPhrase: ReadonlySet<number> = conceptPositions(terms),
): Mention[] {
  const mentions: Mention[] = [];
  // "According to Brad Smith": a preposition inside a glossary phrase introduces no one.
  for (const term of terms) {
    const concept = term.concept;
    if (concept?.kind !== 'entity') continue;
    const type = concept.type ?? null;
    const to = term.position + term.span - 1;
    const role = term.adjective
      ? 'attribute'
      : roleAt(tokens, term.position, type, mentions.at(-1), inPhrase);
    mentions.push({
      id: concept.id,
      type,
      surface: term.surface,
      role,
      adjective: term.adjective,
      from: term.position,
      to,
    });
  }
  return mentions;
}

/** The token positions a term covers. */
export function spanOf(term: Term): number[] {
  const positions: number[] = [];
  for (let offset = 0; offset < term.span; offset++) positions.push(term.position + offset);
  return positions;
}

/** The positions of the tokens that glossary phrases (any concept's words) span. */
export function conceptPositions(terms: readonly Term[]): Set<number> {
  const positions = new Set<number>();
  for (const term of terms)
    if (term.concept)
      for (let offset = 0; offset < term.span; offset++) positions.add(term.position + offset);
  return positions;
}

/** The role of a name at `position`, from the word before it (articles skipped). */
export function roleAt(
  tokens: readonly Token[],
  position: number,
  type: EntityType | null,
  previous: Mention | undefined,
  inPhrase: ReadonlySet<number> = new Set(),
): Role {
  // Back over articles to the word that tells; a preposition counts first, since a folded "à"
  // is also the English article "a".
  let k = position - 1;
  while (k >= 0) {
    const norm = (tokens[k] as Token).norm;
    if (PREPOSITIONS.has(norm) || !DETERMINERS.has(norm)) break;
    k--;
  }
  const before = tokens[k]?.norm ?? '';
  if (inPhrase.has(k) && !(previous && previous.to === k)) return 'unknown';
  // "Japon Microsoft", "à Tokyo et Osaka": a name next to the one before shares its role.
  if (previous && (previous.to === k || (CONJUNCTIONS.has(before) && previous.to === k - 1)))
    return previous.role;
  if (RECIPIENTS.has(before) && type === 'person') return 'to';
  if (LOCATIVES.has(before)) return type === 'person' ? 'to' : 'place';
  if (PARTNERS.has(before)) return 'with';
  // "le chèque pour le Japon": it benefits, which may be where it goes or who gets it.
  if (BENEFICIARIES.has(before)) return 'unknown';
  if (GENITIVES.has(before)) return 'attribute';
  // "the Geraldton desalination plant": a name of no known type between an article and a word
  // of the question describes that word; it does not act.
  const next = tokens[position + 1];
  if (type === null && k < position - 1 && next && !next.capitalised && !STOPWORDS.has(next.norm))
    return 'attribute';
  // After a function word ("will Japan", "combien la Chine"): it acts. First in the text, as in
  // "tokyo osaka datacenters", nothing says.
  if (k >= 0 && (STOPWORDS.has(before) || QUESTION_WORDS.has(before))) return 'subject';
  return 'unknown';
}

/**
 * Whether a name's role in the question can be one it has in the evidence. A place must be a
 * place there and a person addressed one there too; a subject must be more than a place, unless the
 * caller finds the evidence names no other actor (see `checkEvidence`).
 */
export function rolesAgree(question: Role, evidence: ReadonlySet<Role>): boolean {
  if (question === 'place') return evidence.has('place');
  if (question === 'to') return evidence.has('to');
  if (question === 'subject') return [...evidence].some((role) => role !== 'place');
  return evidence.size > 0;
}

/** Whether the folded text ends with one of the phrases (before its final punctuation). */
export function endsWithPhrase(text: string, phrases: ReadonlySet<string>): boolean {
  const folded = foldText(text).replace(/[\s?!.…]+$/u, '');
  for (const phrase of phrases) {
    if (folded === phrase) return true;
    // After a space or a comma: tested in place, no string made per phrase.
    const before = folded.length - phrase.length - 1;
    if (before >= 0 && folded.endsWith(phrase) && (folded[before] === ' ' || folded[before] === ','))
      return true;
  }
  return false;
}

/** Whether the folded text starts with one of the phrases. */
export function startsWithPhrase(text: string, phrases: ReadonlySet<string>): boolean {
  const folded = foldText(text).trim();
  for (const phrase of phrases) {
    if (folded === phrase) return true;
    const after = folded[phrase.length];
    if ((after === ' ' || after === "'") && folded.startsWith(phrase)) return true;
  }
  return false;
}
