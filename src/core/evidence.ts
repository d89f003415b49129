import type { Analyser, Term } from './analyse.js';
import type { QuestionIntent } from './intent.js';
import { PERCENT_SIGNS } from './questionTemplates.js';
import {
  type Mention,
  mentionsOf,
  type Role,
  readValues,
  rolesAgree,
  spanOf,
  TIME_ALONE,
  timeFrames,
  type Value,
} from './reading.js';
import { otherTense, type Tense, tensesOf } from './tense.js';
import { type Token, tableOf, tokenise, wordsOf } from './text.js';
import type { AnswerType, Concept, Fact, Language } from './types.js';
import { LANGUAGES } from './types.js';

/**
 * What a fact can vouch for. The quote (what is cited) must hold the kind of answer asked; the
 * names and times must stand in the quote's sentence or the fact's reviewed answers, which
 * restate who, where and what.
 */
export interface Evidence {
  /** The kinds of answer the quote holds. */
  readonly types: ReadonlySet<AnswerType>;
  /** Each name of the sentence and answers, with every role it plays there. */
  readonly roles: ReadonlyMap<string, ReadonlySet<Role>>;
  /** The names the quote itself holds. */
  readonly quoteMentions: readonly Mention[];
  /** Values of the quote first, then of the rest of its sentence. */
  readonly values: readonly Value[];
  readonly frames: ReadonlySet<'past' | 'future'>;
  /** How many items the quote lists ("Tokyo et Osaka": 2). */
  readonly items: number;
  /**
   * The quote says when, not only how long: a day, a month, a year, "hier", "dans six mois". A
   * reviewed fact answers the "when" its questions ask, so it always does.
   */
  readonly saysWhen: boolean;
  /**
   * The quote says how long: a duration ("neuf ans", "48 minutes") or a unit of one ("for more
   * than a week"), not only when. A reviewed fact answers the "how long" its questions ask.
   */
  readonly saysHowLong: boolean;
  /** The quote gives a length ("18 kilometres"): "how long" may ask one. A reviewed fact always does. */
  readonly saysLength: boolean;
  /**
   * The keys of the words a number of the sentence counts ("4 200 habitants", "64 homes"), for
   * "how many X"; undefined for a reviewed fact, which answers the counts its questions ask.
   */
  readonly counted: readonly string[] | undefined;
  /**
   * The keys the sentence holds in one tense only ("coûtera"), for a question in the other
   * ("combien coûtait"); undefined for a reviewed fact, which answers the times its questions ask.
   */
  readonly tenses: ReadonlyMap<string, Tense> | undefined;
  /**
   * The quote states a measure: a duration, or a number of a unit ("54 kilomètres"), for "how
   * long", "how far"; undefined for a reviewed fact, which answers the measures its questions ask.
   */
  readonly measured: boolean | undefined;
  /**
   * Every count of a sentence nobody reviewed is a percentage ("54% of respondents"): a share,
   * which says how many of a number the sentence does not give.
   */
  readonly sharesOnly: boolean;
  /**
   * The direct quotation of a sentence nobody reviewed ("« … qui fondra en mars », s'indigne
   * sa présidente, qui annonce un recours"): the keys of its words, and the kinds of answer the
   * sentence holds outside it; undefined with no quotation, or for a reviewed fact.
   */
  readonly speech: Speech | undefined;
  /**
   * The keys of the words that follow a percentage of the quote of a sentence nobody reviewed
   * ("31 % des sociétaires": sociétair): what it is a share of, for "what percentage of the
   * members". Empty for a reviewed fact, whose questions say what it answers.
   */
  readonly sharesOf: readonly string[];
  /**
   * What the names of a sentence nobody reviewed name, for "what is it called"; undefined for a
   * reviewed fact, which answers the names its questions ask.
   */
  readonly naming: Naming | undefined;
}

/** A sentence's direct quotation, as `Evidence.speech` describes it. */
export interface Speech {
  readonly keys: ReadonlySet<string>;
  readonly typesOutside: ReadonlySet<AnswerType>;
}

/**
 * The names of a sentence and what they name: the keys of the words a run of capitalised words
 * stands beside or holds ("La maire, Sophie Cuenot": maire; "Ashbridge District Hospital":
 * hospital), and whether a word of naming gives one ("baptisé Fruitière des Deux Vals").
 */
export interface Naming {
  readonly beside: readonly string[];
  readonly given: boolean;
}

const TIME_WORDS = wordsOf('timeWords');
const TIME_NOUNS = wordsOf('timeNouns');
const CALENDAR = tableOf((rules) => rules.calendarWords);
const CURRENCY_CODES = new Set(tableOf((rules) => rules.currencies).values());
const PLACE_NOUNS = wordsOf('placeNouns');
const VENUE_NOUNS = wordsOf('venueNouns');
const CONJUNCTIONS = wordsOf('conjunctions');
const MEASURE_UNITS = wordsOf('measureUnits');
const SPEECH_VERBS = wordsOf('speechVerbs');
const NAMING_WORDS = wordsOf('namingWords');
const REASON_WORDS = wordsOf('reasonWords');
/** Words that say when: the time words that place a time by themselves, and the others. */
const WHEN_WORDS = new Set([...TIME_ALONE, ...wordsOf('whenWords')]);
const DURATION_POINTERS = wordsOf('durationPointers');
const DURATION_UNITS = tableOf((rules) => rules.durationUnits);
const LENGTH_UNITS = wordsOf('lengthUnits');
const RATE_WORDS = wordsOf('rateWords');
/** A count this near before "a day", "par jour" makes it a rate: "nine rides a day". */
const RATE_REACH = 3;
const DURATION_FOLLOWERS = wordsOf('durationFollowers');
const DETERMINERS = wordsOf('determiners');
/** Words looked back over from a duration to its pointer: "dans les deux prochaines années". */
const POINTER_REACH = 3;
const NAMED = /[\s(«]\p{Lu}|\p{Lu}{2}/u;
// Reported words: quotation marks, or "a déclaré", "rapportées", "said" within the sentence.
const QUOTED = /[«"“]/u;

interface EvidenceInput {
  /** What is described of the fact: its quote (or a passage of it), its answers, whether reviewed. */
  readonly fact: Pick<Fact, 'quote' | 'answer' | 'uncurated'>;
  readonly sentence: string;
  readonly language: Language;
  /** An unreviewed sentence's terms, as indexed: what its numbers count is read from them. */
  readonly sentenceTerms?: readonly Term[];
  /** What the sentence counts, when read already (a passage of it is described anew). */
  readonly counted?: readonly string[];
  /** Its keys of one tense, likewise. */
  readonly tenses?: ReadonlyMap<string, Tense>;
  /** What its percentages are of, likewise. */
  readonly sharesOf?: readonly string[];
  /** What its names name, likewise. */
  readonly naming?: Naming;
}

/** Words after a number that can be what it counts: "4 200 habitants", "30 million litres d'eau". */
const COUNTED_REACH = 4;
/** Or a verb just before it that says what it counts: "will employ 250 people" are jobs. */
const COUNTED_BEFORE = 2;
const NOTHING_COUNTED: readonly string[] = [];

/** The names of a knowledge text with their roles; the index reads each distinct text once. */
export interface MentionReader {
  (text: string, language: Language): readonly Mention[];
  /**
   * Takes a text already analysed in full (a quote, as its fact was indexed): its concept terms
   * are the only ones `mentionsOf` reads, so it need not be analysed again; its tokens too, when
   * read already.
   */
  remember(text: string, language: Language, terms: readonly Term[], tokens?: readonly Token[]): void;
}

/**
 * A reader that analyses each distinct text once: many facts quote the same sentence. Names
 * are read from the text's concepts alone, the only terms `mentionsOf` reads.
 */
export function mentionReader(analyser: Analyser): MentionReader {
  // By language, then by the text itself: no key is built for each text read.
  const seen: Record<Language, Map<string, readonly Mention[]>> = { fr: new Map(), en: new Map() };
  const read = (text: string, language: Language) => {
    let mentions = seen[language].get(text);
    if (!mentions) {
      const tokens = tokenise(text);
      mentions = mentionsOf(analyser.knowledgeConcepts(tokens, language), tokens);
      seen[language].set(text, mentions);
    }
    return mentions;
  };
  const remember = (text: string, language: Language, terms: readonly Term[], tokens?: readonly Token[]) => {
    if (!seen[language].has(text)) seen[language].set(text, mentionsOf(terms, tokens ?? tokenise(text)));
  };
  return Object.assign(read, { remember });
}

/** Describes what a fact's quote, sentence and answers can vouch for. */
export function describeEvidence(
  { fact, sentence, language, sentenceTerms, counted, tenses, sharesOf, naming }: EvidenceInput,
  mentionsIn: MentionReader,
  concepts: ReadonlyMap<string, Concept>,
): Evidence {
  const quoteTokens = tokenise(fact.quote);
  // A sentence nobody reviewed is its own quote: its words are read once.
  const sentenceTokens = sentence === fact.quote ? quoteTokens : tokenise(sentence);
  const quoteValues = readValues(quoteTokens);
  const quoteMentions = mentionsIn(fact.quote, language);
  // Reviewed answers restate who and where; an uncurated fact has only its sentence.
  const texts: Array<[string, Language]> = [
    [sentence, language],
    ...(fact.uncurated ? [] : LANGUAGES.map((l): [string, Language] => [fact.answer[l], l])),
  ];
  const roles = new Map<string, Set<Role>>();
  const note = (id: string, role: Role) => {
    const set = roles.get(id) ?? new Set<Role>();
    set.add(role);
    roles.set(id, set);
  };
  for (const [text, textLanguage] of texts) {
    for (const mention of mentionsIn(text, textLanguage)) {
      note(mention.id, mention.role);
      // "à Osaka" is also "au Japon".
      let place = concepts.get(mention.id);
      while (place?.within && (mention.role === 'place' || mention.role === 'subject')) {
        note(place.within, mention.role);
        place = concepts.get(place.within);
      }
    }
  }
  const sentenceValues = sentenceTokens === quoteTokens ? quoteValues : readValues(sentenceTokens);
  const quote = { text: fact.quote, tokens: quoteTokens, mentions: quoteMentions, values: quoteValues };
  return {
    types: typesOf(quote, sentence, sentenceTokens, fact.uncurated === true),
    roles,
    quoteMentions,
    values: [...quoteValues, ...sentenceValues],
    frames: timeFrames(sentenceTokens),
    items: itemsOf(quoteTokens, quoteMentions),
    saysWhen: !fact.uncurated || saysWhen(quoteTokens, quoteValues),
    saysHowLong: !fact.uncurated || saysHowLong(fact.quote, quoteTokens, quoteValues),
    saysLength: !fact.uncurated || saysLength(quoteTokens, quoteValues),
    counted: fact.uncurated ? (counted ?? countedBy(sentenceTerms ?? [], sentenceValues)) : undefined,
    tenses: fact.uncurated ? (tenses ?? tensesOf(sentenceTerms ?? [])) : undefined,
    measured: fact.uncurated ? measures(quoteTokens, quoteValues) : undefined,
    sharesOnly: fact.uncurated === true && sharesOnly(sentence, quoteValues),
    speech:
      fact.uncurated && sentenceTerms
        ? speechOf(fact.quote, sentenceTerms, (text) => mentionsIn(text, language))
        : undefined,
    sharesOf:
      fact.uncurated && quoteValues.some((value) => isPercentage(value, sentence))
        ? (sharesOf ??
          countedBy(sentenceTerms ?? [], sentenceValues, (value) => isPercentage(value, sentence)))
        : NOTHING_COUNTED,
    naming: fact.uncurated ? (naming ?? namingOf(sentenceTokens, sentenceTerms ?? [])) : undefined,
  };
}

/** The spans of a text's direct quotations: « … » and “ … ”, outermost. */
function quotationSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '«' || char === '“') {
      if (depth === 0) start = i;
      depth += 1;
    } else if ((char === '»' || char === '”') && depth > 0) {
      depth -= 1;
      if (depth === 0) spans.push([start, i + 1]);
    }
  }
  return spans;
}

/** The keys of a sentence's quoted words and what it holds outside them (see `Evidence.speech`). */
function speechOf(
  sentence: string,
  terms: readonly Term[],
  mentionsOf: (text: string) => readonly Mention[],
): Speech | undefined {
  const spans = quotationSpans(sentence);
  if (spans.length === 0) return undefined;
  const keys = new Set<string>();
  let outside = '';
  let cursor = 0;
  for (const [from, to] of spans) {
    outside += `${sentence.slice(cursor, from)} `;
    const first = tokenise(sentence.slice(0, from)).length;
    const end = tokenise(sentence.slice(0, to)).length;
    for (const term of terms)
      if (term.position >= first && term.position < end) for (const key of term.keys) keys.add(key);
    cursor = to;
  }
  outside += sentence.slice(cursor);
  const tokens = tokenise(outside);
  const values = readValues(tokens);
  const quote = { text: outside, tokens, mentions: mentionsOf(outside), values };
  return { keys, typesOutside: typesOf(quote, outside, tokens, true) };
}

/**
 * "When will the court rule on the appeal?" against "« … de la neige qui fondra en mars »,
 * s'indigne sa présidente, qui annonce un recours devant le tribunal": the time is the speaker's,
 * in words the question does not share. A figure or a time held only inside a sentence's
 * quotation answers only a question that meets the quotation.
 */
export function spokenOnly(
  intent: QuestionIntent,
  evidence: Evidence,
  covered: ReadonlySet<Term>,
): Rejection | null {
  const type = intent.answerType;
  const speech = evidence.speech;
  if (!speech || (type !== 'time' && type !== 'amount')) return null;
  if (!evidence.types.has(type) || speech.typesOutside.has(type)) return null;
  const meets = [...covered].some(
    (term) => !term.question && [...term.keys, ...(term.bridged ?? [])].some((key) => speech.keys.has(key)),
  );
  return meets ? null : { kind: 'missing-type', type };
}

/** A year ("built in 1988") or a count of years or months ("the 38-year-old ship"). */
function isAge(value: Value): boolean {
  return value.kind === 'year' || (value.kind === 'duration' && AGE_UNITS.has(value.unit));
}
const AGE_UNITS = new Set(['year', 'month']);

/**
 * What a sentence's names name (see `Naming`). A run of capitalised words past the sentence's
 * first word is a name; the word beside it is read past determiners, not past a preposition:
 * "la fruitière de Villedieu" names no fruitière, it says where it is.
 */
function namingOf(tokens: readonly Token[], terms: readonly Term[]): Naming {
  const keysAt = new Map<number, readonly string[]>();
  for (const term of terms) for (const at of spanOf(term)) keysAt.set(at, term.keys);
  const beside = new Set<string>();
  let given = false;
  const note = (at: number) => {
    for (const key of keysAt.get(at) ?? []) beside.add(key);
  };
  for (let from = 1; from < tokens.length; from++) {
    if (!tokens[from]?.capitalised || tokens[from - 1]?.capitalised) continue;
    let to = from;
    while (tokens[to + 1]?.capitalised) to += 1;
    for (let at = from; at <= to; at++) note(at);
    let before = from - 1;
    while (before > 0 && DETERMINERS.has(tokens[before]?.norm ?? '')) before -= 1;
    if (NAMING_WORDS.has(tokens[before]?.norm ?? '')) given = true;
    note(before);
    // "Tom Reilly, chair of…"; a word alone before a noun describes it ("a Norwegian shipping group").
    let after = to + 1;
    while (DETERMINERS.has(tokens[after]?.norm ?? '')) after += 1;
    if (to > from) note(after);
    from = to;
  }
  return { beside: [...beside], given };
}

/** Whether the quote's counts are all percentages, read in its sentence (the tokens drop "%"). */
function sharesOnly(sentence: string, values: readonly Value[]): boolean {
  const counts = values.filter((value) => value.kind === 'count');
  return (
    counts.length > 0 &&
    counts.length === values.length &&
    counts.every((value) => isPercentage(value, sentence))
  );
}

/** Whether a value is a percentage: a count its sentence follows with a percent sign ("54%", "60 per cent"). */
function isPercentage(value: Value, sentence: string): boolean {
  return value.kind === 'count' && PERCENT_SIGNS.some((sign) => sentence.includes(`${value.text}${sign}`));
}

/**
 * Whether a text states a duration, or a number of a unit: "48 minutes", "23 kilomètres". A unit
 * past a determiner is another word's ("cinq le week-end" is no five weeks).
 */
function measures(tokens: readonly Token[], values: readonly Value[]): boolean {
  return values.some((value) =>
    value.kind === 'duration'
      ? !tokens.slice(value.from + 1, value.to).some((token) => DETERMINERS.has(token.norm))
      : countOf(MEASURE_UNITS, value, tokens),
  );
}

/** Whether a value is a count of one of the units, written right before it: "23 kilomètres". */
function countOf(units: ReadonlySet<string>, value: Value, tokens: readonly Token[]): boolean {
  return value.kind === 'count' && units.has(tokens[value.to + 1]?.norm ?? '');
}

/**
 * The keys of the words within reach of each count of a text (or of each value `isCount` takes):
 * after it, or just before.
 */
function countedBy(
  terms: readonly Term[],
  values: readonly Value[],
  isCount: (value: Value) => boolean = (value) => value.kind === 'count' || value.kind === 'amount',
): readonly string[] {
  const counts = values.filter(isCount);
  if (counts.length === 0) return NOTHING_COUNTED;
  const keys = new Set<string>();
  for (const term of terms) {
    if (
      counts.some(
        (value) =>
          (term.position > value.to && term.position <= value.to + COUNTED_REACH) ||
          (term.position < value.from && term.position >= value.from - COUNTED_BEFORE),
      )
    )
      for (const key of term.keys) keys.add(key);
  }
  // An array: kept by every unreviewed sentence, and read only for "how many".
  return [...keys];
}

/**
 * Whether a text says how long: a duration, or a unit of one ("more than a week"), but not one
 * with words between it and its number ("cinq le week-end", "$38 a year") nor inside a compound.
 */
function saysHowLong(text: string, tokens: readonly Token[], values: readonly Value[]): boolean {
  if (values.some((value) => value.kind === 'duration' && value.to - value.from <= 1)) return true;
  return tokens.some(
    (token, i) =>
      DURATION_UNITS.has(token.norm) &&
      !text.includes(`${token.raw}-`) &&
      !text.includes(`-${token.raw}`) &&
      !isRate(i, tokens, values),
  );
}

/** Whether the unit of time at `at` is a rate: "a day", "par jour" just after a count ("nine rides a day"). */
function isRate(at: number, tokens: readonly Token[], values: readonly Value[]): boolean {
  if (!RATE_WORDS.has(tokens[at - 1]?.norm ?? '')) return false;
  return values.some(
    (value) => value.kind !== 'duration' && value.to < at - 1 && value.to >= at - 1 - RATE_REACH,
  );
}

/** Whether a text gives a length: a number right before a unit of length ("18 kilometres"). */
function saysLength(tokens: readonly Token[], values: readonly Value[]): boolean {
  return values.some((value) => countOf(LENGTH_UNITS, value, tokens));
}

/** Whether a text says when: a date or a year, a word of when, or a duration placed in time. */
function saysWhen(tokens: readonly Token[], values: readonly Value[]): boolean {
  if (values.some((value) => value.kind === 'calendar' || value.kind === 'year')) return true;
  if (tokens.some((token) => WHEN_WORDS.has(token.norm))) return true;
  return values.some((value) => {
    if (value.kind !== 'duration') return false;
    if (DURATION_FOLLOWERS.has(tokens[value.to + 1]?.norm ?? '')) return true;
    for (let i = value.from - 1; i >= Math.max(0, value.from - POINTER_REACH); i--) {
      const norm = tokens[i]?.norm ?? '';
      if (DURATION_POINTERS.has(norm)) return true;
      if (!DETERMINERS.has(norm)) return false;
    }
    return false;
  });
}

/** A quote as read: its text, tokens, names and values. */
interface ReadQuote {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly values: readonly Value[];
}

function typesOf(
  { text: quote, tokens, mentions, values }: ReadQuote,
  sentence: string,
  sentenceTokens: readonly Token[],
  uncurated: boolean,
): Set<AnswerType> {
  // A reviewed fact answers the why and how its questions ask; a sentence nobody reviewed gives
  // a reason only where its words say one ("afin de", "because").
  const reasoned = !uncurated || sentenceTokens.some((token) => REASON_WORDS.has(token.norm));
  const types = new Set<AnswerType>(reasoned ? ['reason', 'manner'] : ['manner']);
  const norms = tokens.map((token) => token.norm);
  // An amount or a count; "deux prochaines années" is a duration, a time.
  const counted = (value: Value) => value.kind === 'amount' || value.kind === 'count';
  if (values.some(counted)) types.add('amount');
  // "For the first time", "le jour où": a word for time in a sentence nobody reviewed is no date.
  const timeNoun = (norm: string) => !uncurated && TIME_NOUNS.has(norm);
  if (
    norms.some((norm) => TIME_WORDS.has(norm) || timeNoun(norm) || CALENDAR.has(norm)) ||
    values.some((value) => !counted(value))
  )
    types.add('time');
  // A name whose type the glossary does not give may be any of them, but someone only where the
  // text does not place it ("à Boën", "in Geraldton").
  const typed = (type: string) =>
    mentions.some((mention) => mention.type === type || (mention.type === null && mention.role !== 'place'));
  // Someone named; "who" needs someone the question does not name (see `checkEvidence`).
  if (typed('person')) types.add('person');
  // "Le président des Philippines" says whose president, not where anything is.
  const placed = (mention: Mention) =>
    (mention.type === 'place' || mention.type === null) && !mention.adjective && mention.role !== 'attribute';
  if (mentions.some(placed) || norms.some((norm) => PLACE_NOUNS.has(norm) || VENUE_NOUNS.has(norm)))
    types.add('place');
  if (typed('organisation')) types.add('organisation');
  if (NAMED.test(quote)) types.add('name');
  if (QUOTED.test(sentence) || sentenceTokens.some((token) => SPEECH_VERBS.has(token.norm)))
    types.add('speech');
  return types;
}

/** Items a quote lists: its names of one type, or the parts its conjunctions join. */
function itemsOf(tokens: readonly Token[], mentions: readonly Mention[]): number {
  const byType = new Map<string, number>();
  for (const mention of mentions) byType.set(mention.type ?? '', (byType.get(mention.type ?? '') ?? 0) + 1);
  const names = Math.max(0, ...byType.values());
  const joined = tokens.filter((token) => CONJUNCTIONS.has(token.norm)).length + 1;
  return Math.max(names, joined);
}

/** Why a fact cannot answer a question, or null when it can. */
export type Rejection =
  | { readonly kind: 'missing-type'; readonly type: AnswerType }
  | { readonly kind: 'missing-value'; readonly value: Value }
  | { readonly kind: 'missing-time'; readonly frame: 'past' | 'future' }
  | { readonly kind: 'absent'; readonly mention: Mention }
  | { readonly kind: 'role'; readonly mention: Mention };

/**
 * Whether the quote holds the kind of answer asked. "Who" wants someone the question does not
 * name; "qui est Brad Smith", "c'est qui la NHK" want what the fact says of the name it holds.
 */
function holdsType(intent: QuestionIntent, evidence: Evidence, type: AnswerType): boolean {
  // A name the question sets apart ("à part Agen") is no answer either.
  const named = new Set([...intent.mentions, ...intent.excluded].map((mention) => mention.id));
  // A name nobody typed is anyone, except where the quote places it: "à Boën", "in Geraldton".
  const someoneNew = (types: ReadonlySet<string>, describes: (mention: Mention) => boolean = () => false) =>
    evidence.quoteMentions.some(
      (mention) =>
        (mention.type === null ? types.has('place') || mention.role !== 'place' : types.has(mention.type)) &&
        !mention.adjective &&
        !describes(mention) &&
        !named.has(mention.id),
    );
  // "Quelle ville": a named place, not "le pays asiatique"; "où": either, or who published it
  // ("where were the comments reported": by the NHK).
  if (type === 'place' && intent.namedPlace) return someoneNew(PLACES);
  if (type === 'place') return evidence.types.has('place') || someoneNew(ORGANISATIONS);
  if (type === 'time' && intent.wantsYear) return evidence.values.some((value) => value.kind === 'year');
  // "Quand", "when": "étalé sur six ans" says how long, not when.
  if (type === 'time' && intent.asksWhen && !evidence.saysWhen) return false;
  // "Combien de temps": "depuis lundi 14 septembre" says when, not how long.
  if (type === 'time' && intent.asksHowLong && !evidence.saysHowLong) return false;
  // The quote holds an amount, and its sentence a sum of money.
  if (type === 'amount' && intent.wantsMoney && !holdsMoney(evidence)) return false;
  // "Combien de personnes ont répondu ?": "54% of respondents" gives a share, not how many.
  if (type === 'amount' && intent.counting && evidence.sharesOnly) return false;
  // "How much is it worth in yen?": a sum in dollars does not say.
  const { currencies } = intent;
  if (
    type === 'amount' &&
    currencies.length > 0 &&
    !evidence.values.some((value) => value.kind === 'amount' && currencies.includes(value.unit))
  )
    return false;
  // "Combien de capteurs": a sentence that counts kilometres of levees does not say.
  const counted = evidence.counted;
  if (type === 'amount' && intent.counted && counted && !intent.counted.some((key) => counted.includes(key)))
    return false;
  // "When exactly", "quel jour": a day, a month or a year, not "dans les prochains jours".
  if (type === 'time' && intent.precise)
    return evidence.values.some((value) => value.kind === 'calendar' || value.kind === 'year');
  // "Comment s'appelle l'hôpital": "the district hospital… along Market Street" names no hospital.
  if (type === 'name' && evidence.naming && !namesAsked(intent.named ?? [], evidence.naming)) return false;
  if (type !== 'person') return evidence.types.has(type);
  if (intent.describes) return intent.mentions.every((mention) => evidence.roles.has(mention.id));
  // "Qui a rapporté…": an organisation can be the one who did it; beside a person ("le président
  // de Microsoft, Brad Smith"), one it qualifies only says whose president.
  const person = evidence.quoteMentions.some((mention) => mention.type === 'person');
  return someoneNew(
    ACTORS,
    (mention) => person && mention.type === 'organisation' && mention.role === 'attribute',
  );
}

/**
 * "À part Noirville, quelles gares…": a quote that names what the question sets apart, and no
 * one and nothing else the question does not name, has that item for its only answer.
 */
function onlySetApart(intent: QuestionIntent, evidence: Evidence): boolean {
  if (intent.excluded.length === 0) return false;
  const apart = new Set(intent.excluded.map((mention) => mention.id));
  const named = new Set(intent.mentions.map((mention) => mention.id));
  const quoted = evidence.quoteMentions.filter((mention) => !mention.adjective && !named.has(mention.id));
  return quoted.length > 0 && quoted.every((mention) => apart.has(mention.id));
}

/** Whether a sentence's names name what is asked: one given by a word of naming, or one beside its word. */
function namesAsked(asked: readonly string[], naming: Naming): boolean {
  return naming.given || asked.some((key) => naming.beside.includes(key));
}

/** Whether the evidence states a sum of money, in its quote or its sentence. */
export function holdsMoney(evidence: Evidence): boolean {
  return evidence.values.some(isMoney);
}

function isMoney(value: Value): boolean {
  return value.kind === 'amount' && CURRENCY_CODES.has(value.unit);
}

/**
 * Whether the evidence's actors are all subjects of the question: then a subject of the question
 * that the evidence only places ("Japon" in "combien Microsoft Japon") is read as that place. If
 * the evidence names an actor the question does not ("Microsoft investira… au Japon" against
 * "how much will Japan invest"), the roles are swapped.
 */
function actorsAsked(evidence: Evidence, id: string, subjects: ReadonlySet<string>): boolean {
  const actors = [...evidence.roles]
    .filter(([other, roles]) => other !== id && (roles.has('subject') || roles.has('unknown')))
    .map(([other]) => other);
  return actors.length > 0 && actors.every((other) => subjects.has(other));
}

const PLACES: ReadonlySet<string> = new Set(['place']);
const ORGANISATIONS: ReadonlySet<string> = new Set(['organisation']);
const ACTORS: ReadonlySet<string> = new Set(['person', 'organisation']);

/**
 * Types checked against the quote (speech and reason against its sentence); manner is left to
 * the scorer.
 */
const CHECKED_TYPES: ReadonlySet<AnswerType> = new Set([
  'reason',
  'amount',
  'time',
  'person',
  'place',
  'organisation',
  'name',
  'speech',
]);

/**
 * Checks a fact against a question: every name must stand in the evidence in a role that fits,
 * the quote must hold the kind of answer asked, each stated value must meet a value of its kind,
 * and a time the question points to must be the evidence's. Returns every rejection.
 */
export function checkEvidence(intent: QuestionIntent, evidence: Evidence): Rejection[] {
  const rejections: Rejection[] = [];
  const subjects = new Set(
    intent.mentions.filter((mention) => mention.role === 'subject').map((mention) => mention.id),
  );
  for (const mention of intent.mentions) {
    const roles = evidence.roles.get(mention.id);
    // An adjective describes ("menace régionale"): the scorer weighs it, it need not be there.
    if (!roles && mention.adjective) continue;
    if (!roles) rejections.push({ kind: 'absent', mention });
    else if (
      !rolesAgree(mention.role, roles) &&
      !(mention.role === 'subject' && actorsAsked(evidence, mention.id, subjects))
    )
      rejections.push({ kind: 'role', mention });
  }
  const type = intent.answerType;
  if (type && CHECKED_TYPES.has(type) && !holdsType(intent, evidence, type))
    rejections.push({ kind: 'missing-type', type });
  else if (onlySetApart(intent, evidence)) rejections.push({ kind: 'missing-type', type: type ?? 'name' });
  // "How long is the ride": a duration or a length, not "nine return trips"; "how far", "how
  // big": a number of a unit.
  const measured = intent.asksHowLong
    ? evidence.saysHowLong || evidence.saysLength
    : evidence.measured !== false;
  if (!type && intent.sized && !measured) rejections.push({ kind: 'missing-type', type: 'amount' });
  // "How old is the ferry?": a year or a duration, not the "10%" of a sentence about the ferry.
  if (intent.asksAge && !evidence.values.some(isAge))
    rejections.push({ kind: 'missing-type', type: type ?? 'amount' });
  for (const value of intent.values) {
    if (!evidence.values.some((found) => found.kind === value.kind))
      rejections.push({ kind: 'missing-value', value });
  }
  for (const frame of intent.frames) {
    if (!evidence.frames.has(frame)) rejections.push({ kind: 'missing-time', frame });
  }
  // "Combien coûtait le billet ?" against "le billet coûtera 7,50 euros": another time.
  const tense = evidence.tenses && otherTense(intent.tensed, evidence.tenses);
  if (
    tense &&
    !rejections.some((rejection) => rejection.kind === 'missing-time' && rejection.frame === tense)
  )
    rejections.push({ kind: 'missing-time', frame: tense });
  return rejections;
}
