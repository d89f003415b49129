import type { Term } from './analyse.js';
import { questionClassAt } from './questionWords.js';
import {
  conceptPositions,
  endsWithPhrase,
  type Mention,
  mentionsOf,
  readValues,
  spanOf,
  startsWithPhrase,
  timeFrames,
  type Value,
} from './reading.js';
import { type TensedWord, tensedWords } from './tense.js';
import {
  QUESTION_CLASSES,
  type QuestionClass,
  STOPWORDS,
  type Token,
  tableOf,
  tokenise,
  wordsOf,
} from './text.js';
import type { AnswerType } from './types.js';

/** What a question asks for and what it takes for granted. */
export interface QuestionIntent {
  /** The kind of answer it wants, where its words say. */
  readonly answerType: AnswerType | null;
  /** "Is…", "…, right?", "c'est bien ça ?": asks whether a statement holds. */
  readonly yesNo: boolean;
  /** "Which two…", "quels sont les…": wants every item; `count` when it says how many. */
  readonly list: {
    readonly count: number | null;
    readonly position: number | null;
    /** The keys of the noun the items are asked by ("which components"): their kind. */
    readonly head: readonly string[];
  } | null;
  /** "Quelle ville", "which city", "where exactly": wants a named place. */
  readonly namedPlace: boolean;
  /** "Exactement", "exactly", "précises": a vague answer ("dans les prochains jours") will not do. */
  readonly precise: boolean;
  /** "Quand", "when": a time, not a duration, answers. */
  readonly asksWhen: boolean;
  /**
   * "Combien de temps", "how many years", "how long": its measure is a duration, which a date does
   * not give ("how long" may also ask a length: its type is not checked, see `checkEvidence`).
   */
  readonly asksHowLong: boolean;
  /** "In what year", "en quelle année": only a year answers. */
  readonly wantsYear: boolean;
  /** "How old", "quel âge": a year ("built in 1988") or a duration ("38-year-old") answers. */
  readonly asksAge: boolean;
  /**
   * "How many sensors", "combien d'habitants": the keys of what is counted (its translations
   * too); a sentence nobody reviewed answers only if it counts that. Null when nothing is named.
   */
  readonly counted: readonly string[] | null;
  /**
   * "Comment s'appelle l'hôpital", "what will the cooperative be called": the keys of the words
   * of what is to be named (their translations too); a sentence nobody reviewed answers only
   * with a name beside one of them, or one a word of naming gives. Null when no name is asked.
   */
  readonly named: readonly string[] | null;
  /** "How many", "combien de" and a noun that is no measure, sum or duration: a count is asked. */
  readonly counting: boolean;
  /**
   * Token position of the verb of "how much will it cost", "combien coûtera": it asks with the
   * question word, and any sum of money answers it, as a date answers "quel jour".
   */
  readonly priced: number | null;
  /** "How much did it cost", "combien ont coûté": only a sum of money answers. */
  readonly wantsMoney: boolean;
  /** "How much is it worth in yen?": the currencies it names outside a stated value (codes). */
  readonly currencies: readonly string[];
  /** "Qui est X", "who is X": its only words besides the question word are names. */
  readonly describes: boolean;
  /** The names it holds, with their roles, but those it sets apart. */
  readonly mentions: readonly Mention[];
  /**
   * The names it sets apart ("à part l'État", "other than Agen"): it asks for the others, so they
   * are no answer, and the evidence need not hold them.
   */
  readonly excluded: readonly Mention[];
  /**
   * Token position of the thing whose attribute is asked, where no answer type names it: "the
   * capacity of the reservoir", "quelle est la capacité du réservoir ?". A sentence that never
   * says "capacity" is about something else of the reservoir.
   */
  readonly topic: number | null;
  /**
   * Token positions of the role whose holder "who" asks: "who is the current president of the
   * co-op" (president), "qui est le maire de…". A sentence nobody reviewed that never names the
   * role names someone else of the co-op. Empty when none is asked.
   */
  readonly role: readonly number[];
  /** Token position of the measure word of "how far", "how long", "how big": it asks, with "how". */
  readonly measure: number | null;
  /** "How long", "how far": a duration or a number of a unit answers, not a bare count. */
  readonly sized: boolean;
  /** Token position of the calendar noun of "quel jour", "what year": it asks, with the question word. */
  readonly calendar: number | null;
  /**
   * Token position of the share noun of "what percentage", "quelle part": it asks, with the
   * question word, for a percentage.
   */
  readonly share: number | null;
  /** The keys (translations too) of its other words: a percentage of one of them answers the share. */
  readonly shareOf: readonly string[];
  /** The values it states ("5 billion", "ten years", "friday"): claims to check. */
  readonly values: readonly Value[];
  /** "last year", "l'an prochain": the time it is about. */
  readonly frames: ReadonlySet<'past' | 'future'>;
  /** Its words whose ending places them in time: "coûtait" (see `tense.ts`). */
  readonly tensed: readonly TensedWord[];
  /** Token positions of the question's form, not its topic: the count of a list ("which two"),
   * a yes/no tag ("…, non ?"), a request ("tell me…"), a report ("X a dit que…"). They weigh
   * nothing. */
  readonly form: ReadonlySet<number>;
}

const QUANTITY_NOUNS = wordsOf('quantityNouns');
const PLACE_NOUNS = wordsOf('placeNouns');
const PERSON_NOUNS = wordsOf('personNouns');
const ORGANISATION_NOUNS = wordsOf('organisationNouns');
const TIME_NOUNS = wordsOf('timeNouns');
const CALENDAR_NOUNS = wordsOf('calendarNouns');
const YEAR_NOUNS = wordsOf('yearNouns');
const MONEY_WORDS = wordsOf('moneyWords');
const CURRENCIES = tableOf((rules) => rules.currencies);
const SHARE_NOUNS = wordsOf('shareNouns');
const COUNTED_ANYTHING = wordsOf('countedAnything');
const ROLE_TIMES = wordsOf('roleTimes');
const COUNT_WORDS = wordsOf('countWords');
const GENITIVES = wordsOf('genitives');
const COST_VERBS = wordsOf('costVerbs');
/** "how long", "how far": a measure is asked, a length or a time. */
const MEASURE_WORDS = wordsOf('measureWords');
const SIZE_WORDS = wordsOf('sizeWords');
const AGE_WORDS = wordsOf('ageWords');
/** "combien de temps", "how many years": a duration is asked. */
const DURATION_NOUNS = new Set([
  ...wordsOf('durationNouns'),
  ...tableOf((rules) => rules.durationUnits).keys(),
]);
/** The measure words that a duration answers: "combien de temps", "how many years", "how long". */
const HOW_LONG = new Set([...DURATION_NOUNS, ...wordsOf('durationMeasures')]);
const REPORTING = wordsOf('reportingWords');
const CAUSE_VERBS = wordsOf('causeVerbs');
const PERFECT = wordsOf('perfectAuxiliaries');
const DETERMINERS = wordsOf('determiners');
/** Nouns that say the kind of answer ("the price of", "la date de"): the type check reads them. */
const TYPE_NOUNS = new Set([
  ...QUANTITY_NOUNS,
  ...PLACE_NOUNS,
  ...PERSON_NOUNS,
  ...ORGANISATION_NOUNS,
  ...TIME_NOUNS,
  ...CALENDAR_NOUNS,
  ...DURATION_NOUNS,
]);
const AUXILIARIES = wordsOf('auxiliaries');
const NEUTER = wordsOf('neuterPronouns');
const PRECISION = wordsOf('precisionWords');
const YES_NO_TAGS = wordsOf('yesNoTags');
/** The tags as the tokeniser reads them, longest first: "c'est bien ça" is est|bien|ca. */
const TAG_TOKENS = [...YES_NO_TAGS]
  .map((tag) => tokenise(tag).map((token) => token.norm))
  .filter((norms) => norms.length > 0)
  .sort((a, b) => b.length - a.length);
const YES_NO_STARTS = wordsOf('yesNoStarts');
/** The phrases that set an item apart, as the tokeniser reads them, longest first ("mis à part"). */
const EXCLUSION_TOKENS = [...wordsOf('exclusions')]
  .map((phrase) => tokenise(phrase).map((token) => token.norm))
  .filter((norms) => norms.length > 0)
  .sort((a, b) => b.length - a.length);
/** After an exclusion's words, these make them something else: "a part of", "à part à". */
const NOT_AN_ITEM = new Set([...wordsOf('genitives'), ...wordsOf('locatives')]);
const CONJUNCTIONS = wordsOf('conjunctions');
const PLURAL_GENERIC = wordsOf('pluralQuestionWords');
/** "Quel est le budget": the noun that says what "quel" asks is a few words on. */
const NOUN_WINDOW = 4;
/** Question words that make a question open, not yes/no. */
const OPEN_CLASSES = new Set(['person', 'time', 'place', 'reason', 'manner', 'amount', 'generic']);
// French inversion: "est-il", "a-t-elle", "Brad Smith est-il…".
const INVERSION = /\p{L}-(?:t-)?(?:il|elle|ils|elles|on)\b/iu;

const CLASS_TYPES: Readonly<Record<string, AnswerType>> = {
  amount: 'amount',
  time: 'time',
  person: 'person',
  place: 'place',
  speech: 'speech',
  name: 'name',
  reason: 'reason',
  manner: 'manner',
};

interface AskingWord {
  readonly position: number;
  readonly kind: string;
}

/**
 * The question words in order, with their class. A glossary phrase may hold one ("how long",
 * "sur combien de temps"): the phrase is read as a concept, and its question word still asks.
 */
function askingWords(terms: readonly Term[], tokens: readonly Token[]): AskingWord[] {
  const words: AskingWord[] = [];
  for (const term of terms) {
    if (term.question) words.push({ position: term.position, kind: term.keys[0]?.slice(2) ?? '' });
    else if (term.concept && term.span > 1) {
      for (const position of spanOf(term)) {
        const kind = QUESTION_CLASSES.get(tokens[position]?.norm ?? '');
        if (kind === undefined) continue;
        words.push({ position, kind });
        break;
      }
    }
  }
  return words.sort((a, b) => a.position - b.position);
}

/**
 * "What caused…", "qu'est-ce qui a provoqué…": the position of the verb of causing right after
 * the question word (past a "has", "a"), which makes it ask a cause; null when there is none.
 */
function causeVerbAfter(term: AskingWord, tokens: readonly Token[]): number | null {
  let at = term.position + 1;
  if (PERFECT.has(tokens[at]?.norm ?? '')) at += 1;
  return CAUSE_VERBS.has(tokens[at]?.norm ?? '') ? at : null;
}

/** The position of a verb of causing after "what", "ce qui" (see `causeVerbAfter`). */
function causeVerbsIn(terms: readonly Term[], tokens: readonly Token[]): number[] {
  return askingWords(terms, tokens).flatMap((term) => causeVerbAfter(term, tokens) ?? []);
}

/**
 * The kind of answer asked, from the first question word that tells: "quel" by the noun after
 * it ("quel montant", "which politician"), "combien de temps", "how long" a duration, "how much"
 * an amount. A later question word belongs to a clause ("…when he made the announcement").
 */
function answerTypeOf(
  terms: readonly Term[],
  tokens: readonly Token[],
  form: ReadonlySet<number>,
): AnswerType | null {
  const asking = askingWords(terms, tokens);
  const next = (term: AskingWord, words: ReadonlySet<string>, window = NOUN_WINDOW) => {
    for (const token of tokens.slice(term.position + 1, term.position + 1 + window)) {
      if (words.has(token.norm)) return true;
      // "What did the leader say": after an auxiliary or another question word, the noun is
      // the subject of the question, not what it asks.
      if (AUXILIARIES.has(token.norm) || QUESTION_CLASSES.has(token.norm)) return false;
    }
    return false;
  };
  for (const term of asking) {
    const kind = term.kind;
    const neuter = kind === 'person' && NEUTER.has(tokens[term.position - 1]?.norm ?? '');
    if ((kind === 'generic' || neuter) && causeVerbAfter(term, tokens) !== null) return 'reason';
    if (kind === 'generic') {
      if (next(term, QUANTITY_NOUNS)) return 'amount';
      const near = tokens.slice(term.position + 1, term.position + 1 + NOUN_WINDOW);
      if (near.some((token) => shareOfSum(tokens, token.index))) return 'amount';
      if (tokens.slice(term.position + 1).some((token) => COST_VERBS.has(token.norm))) return 'amount';
      if (next(term, TIME_NOUNS)) return 'time';
      if (next(term, PERSON_NOUNS)) return 'person';
      if (next(term, PLACE_NOUNS)) return 'place';
      if (next(term, ORGANISATION_NOUNS)) return 'organisation';
      continue;
    }
    if ((kind === 'amount' || kind === 'manner') && next(term, DURATION_NOUNS, 2)) return 'time';
    if (kind === 'manner' && next(term, MEASURE_WORDS, 1)) return null;
    // "Qu'est-ce qui a été proposé": "ce qui" asks what, not who.
    if (neuter) continue;
    // "dit que", "tell me about": the question's form (see `formOf`), not what it asks.
    if (form.has(term.position)) continue;
    // "how much": the amount word that follows says it.
    if (kind === 'manner' && asking.some((other) => other.position === term.position + 1)) continue;
    const type = CLASS_TYPES[kind];
    if (type) return type;
  }
  return null;
}

/** Whether one of the question word classes makes the question open, not yes/no. */
function asksOpen(classes: ReadonlySet<QuestionClass>): boolean {
  for (const kind of classes) if (OPEN_CLASSES.has(kind)) return true;
  return false;
}

/** The classes of the question words the tokens hold (see `questionClassAt`). */
function questionClassesIn(tokens: readonly Token[]): Set<QuestionClass> {
  const classes = new Set<QuestionClass>();
  for (const token of tokens) {
    const kind = questionClassAt(tokens, token.index);
    if (kind !== undefined) classes.add(kind);
  }
  return classes;
}

/** Reads a question's intent from its terms and tokens. */
export function readIntent(text: string, terms: readonly Term[], tokens: readonly Token[]): QuestionIntent {
  // From the words themselves: "pourquoi" is a question word even where the glossary reads it.
  const classes = questionClassesIn(tokens);
  const generic = terms.find((term) => term.question && term.keys[0] === 'q:generic');
  const open = asksOpen(classes);
  // "Qu'a dit Smith ?" asks for words; "Did Smith say…?" whether he said them.
  const asksWordsOrName = classes.has('speech') || classes.has('name');
  const marked = endsWithPhrase(text, YES_NO_TAGS) || startsWithPhrase(text, YES_NO_STARTS);
  const shaped = INVERSION.test(text) || /\?\s*$/u.test(text);
  const yesNo = !open && (marked || (shaped && !asksWordsOrName));
  const exclusions = exclusionsIn(tokens);
  // The tokens of glossary phrases: read once, for the mentions and for the words around.
  const inConcept = conceptPositions(terms);
  const { mentions, excluded } = mentionsApart(
    mentionsOf(terms, tokens, inConcept),
    exclusions.items,
    tokens,
  );
  // "À part Noirétable": the phrase and a name set apart weigh nothing, or the name's own sentence
  // would answer a question that asks for the others. A thing set apart ("à part le cloud") still
  // weighs: the sentence that answers often sets the others against it ("en plus du cloud, …").
  // So does the phrase then: "apart from the regional grant, where does the rest of the money
  // come from?", its phrase weighing nothing, was answered by another article's closest sentence.
  const form = new Set([
    ...formOf(tokens),
    ...relativeAt(terms, tokens),
    ...(excluded.length > 0 ? exclusions.phrases : []),
    ...excluded.flatMap((mention) =>
      Array.from({ length: mention.to - mention.from + 1 }, (_, i) => mention.from + i),
    ),
  ]);
  const answerType = answerTypeOf(terms, tokens, form);
  const measure = measureAt(tokens);
  // "In what year", "quel jour": a date of the calendar, as precise as "when exactly".
  const near = generic ? tokens.slice(generic.position + 1, generic.position + 1 + NOUN_WINDOW) : [];
  const dated = answerType === 'time' ? near.find((token) => CALENDAR_NOUNS.has(token.norm)) : undefined;
  const share = answerType === 'amount' ? near.find((token) => SHARE_NOUNS.has(token.norm)) : undefined;
  const precise = dated !== undefined || tokens.some((token) => PRECISION.has(token.norm));
  const values = readValues(tokens);
  let list: QuestionIntent['list'] = null;
  if (generic) {
    const count = values.find(
      (value) =>
        value.kind === 'count' &&
        value.from > generic.position &&
        value.from <= generic.position + NOUN_WINDOW,
    );
    const plural =
      PLURAL_GENERIC.has(tokens[generic.position]?.norm ?? '') ||
      near.slice(0, 2).some((token) => /\p{L}{3,}[^s]s$/u.test(token.norm) && !inConcept.has(token.index));
    const head =
      terms.find(
        (term) =>
          !term.question &&
          term.position > generic.position &&
          term.position <= generic.position + NOUN_WINDOW &&
          term.position !== count?.from,
      )?.keys ?? [];
    if (count) list = { count: count.number, position: count.from, head };
    else if (plural && answerType !== 'amount') list = { count: null, position: null, head };
  }
  return {
    answerType,
    yesNo,
    list,
    describes: terms.every((term) => term.question || term.concept?.kind === 'entity'),
    namedPlace: answerType === 'place' && (!classes.has('place') || precise),
    precise,
    asksWhen: answerType === 'time' && classes.has('time'),
    asksHowLong: measure !== null && HOW_LONG.has(tokens[measure]?.norm ?? ''),
    asksAge: asksAge(tokens),
    wantsYear: dated !== undefined && YEAR_NOUNS.has(dated.norm),
    counted: answerType === 'amount' ? countedKeys(terms, tokens) : null,
    named: answerType === 'name' ? namedKeys(terms, form) : null,
    counting: answerType === 'amount' && countsSomething(tokens),
    priced:
      answerType === 'amount' ? (tokens.find((token) => COST_VERBS.has(token.norm))?.index ?? null) : null,
    // "Quelle part de la facture": a share of a sum is a percentage ("share price" is money).
    wantsMoney:
      answerType === 'amount' &&
      tokens.some((token) => MONEY_WORDS.has(token.norm)) &&
      !tokens.some((token, i) => SHARE_NOUNS.has(token.norm) && GENITIVES.has(tokens[i + 1]?.norm ?? '')),
    currencies: answerType === 'amount' ? currenciesNamed(tokens, values) : [],
    mentions,
    excluded,
    topic: topicOf(terms, tokens, generic),
    role: answerType === 'person' ? roleOf(terms, tokens) : [],
    measure,
    sized: measure !== null && SIZE_WORDS.has(tokens[measure]?.norm ?? ''),
    calendar: dated?.index ?? null,
    share: share?.index ?? null,
    shareOf: share ? keysBeside(terms, share.index) : [],
    // A bare number in an open question counts what it asks for ("the two leaders"): no claim.
    values: values.filter((value) => value.kind !== 'count' || yesNo),
    // "next-generation" is a name of a thing, not a time: words of glossary phrases are left out.
    frames: timeFrames(tokens.filter((token) => !inConcept.has(token.index))),
    tensed: tensedWords(terms),
    // "Which two", "what caused": the count and the verb of causing say what is asked.
    form: new Set([
      ...form,
      ...(list?.position != null ? [list.position] : []),
      ...(answerType === 'reason' ? causeVerbsIn(terms, tokens) : []),
    ]),
  };
}

/** The currencies named by words outside the values the question states ("en yens"). */
function currenciesNamed(tokens: readonly Token[], values: readonly Value[]): string[] {
  return tokens.flatMap((token) => {
    const code = CURRENCIES.get(token.norm);
    const stated = values.some((value) => token.index >= value.from && token.index <= value.to);
    return code === undefined || stated ? [] : [code];
  });
}

/** An exclusion's phrase ("à part", "other than") and the first word of the item it sets apart. */
interface Exclusions {
  readonly phrases: readonly number[];
  readonly items: readonly number[];
}

/**
 * Where the question sets items apart: "à part l'État", "other than Agen", articles skipped
 * before the item. A phrase with no item after it, or a preposition ("a part of"), sets nothing apart.
 */
function exclusionsIn(tokens: readonly Token[]): Exclusions {
  const phrases: number[] = [];
  const items: number[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const phrase = phraseAt(tokens, at, EXCLUSION_TOKENS);
    if (!phrase) continue;
    let item = at + phrase.length;
    while (DETERMINERS.has(tokens[item]?.norm ?? '')) item += 1;
    const first = tokens[item];
    if (!first || NOT_AN_ITEM.has(first.norm) || QUESTION_CLASSES.has(first.norm)) continue;
    phrases.push(...phrase.map((_, i) => at + i));
    items.push(item);
    at += phrase.length - 1;
  }
  return { phrases, items };
}

/**
 * The question's names, split into those it asks about and those it sets apart: the name an
 * exclusion's item starts with, and the names joined to it ("à part l'État et l'Europe").
 */
function mentionsApart(
  all: readonly Mention[],
  items: readonly number[],
  tokens: readonly Token[],
): Pick<QuestionIntent, 'mentions' | 'excluded'> {
  if (items.length === 0) return { mentions: all, excluded: [] };
  const excluded: Mention[] = [];
  for (const mention of all) {
    const last = excluded.at(-1);
    const joined =
      last !== undefined &&
      tokens
        .slice(last.to + 1, mention.from)
        .every((token) => CONJUNCTIONS.has(token.norm) || DETERMINERS.has(token.norm));
    // The item is the name, or a noun it names right after ("la région Occitanie"); a name
    // written as an adjective describes the thing set apart ("the regional grant"): no name is.
    const named =
      !mention.adjective && items.some((item) => mention.from === item || mention.from === item + 1);
    if (named || joined) excluded.push(mention);
  }
  return { mentions: all.filter((mention) => !excluded.includes(mention)), excluded };
}

/**
 * Where the noun "how many", "combien de" count stands: right after the word ("many homes") or
 * after "de" ("combien d'habitants"); null when the question has no such word.
 */
function countedAt(tokens: readonly Token[]): number | null {
  const asking = tokens.find((token) => COUNT_WORDS.has(token.norm));
  if (!asking) return null;
  return GENITIVES.has(tokens[asking.index + 1]?.norm ?? '') ? asking.index + 2 : asking.index + 1;
}

/** The keys and translations of the question's words but its question words and the one at `at`. */
function keysBeside(terms: readonly Term[], at: number): readonly string[] {
  return terms.flatMap((term) =>
    term.question || term.position === at ? [] : [...term.keys, ...(term.bridged ?? [])],
  );
}

/**
 * The keys of the words of what a name is asked for: every word but the question's, its form's
 * and the names it gives ("the group that owns Norland": a name beside "Norland" is Norland's).
 */
function namedKeys(terms: readonly Term[], form: ReadonlySet<number>): readonly string[] {
  return terms
    .filter(
      (term) => !term.question && !form.has(term.position) && !term.name && term.concept?.kind !== 'entity',
    )
    .flatMap((term) => [...term.keys, ...(term.bridged ?? [])]);
}

/** Whether "how many", "combien de" count a noun that is no measure, sum or duration. */
function countsSomething(tokens: readonly Token[]): boolean {
  const at = countedAt(tokens);
  const norm = at === null ? undefined : tokens[at]?.norm;
  return (
    norm !== undefined && ![QUANTITY_NOUNS, MONEY_WORDS, DURATION_NOUNS].some((words) => words.has(norm))
  );
}

/** The keys of the noun "how many", "combien de" count, unless it is a measure, money or anyone. */
function countedKeys(terms: readonly Term[], tokens: readonly Token[]): readonly string[] | null {
  const at = countedAt(tokens);
  if (at === null) return null;
  const noun = terms.find((term) => !term.question && term.position === at);
  if (!noun || noun.concept?.kind === 'entity') return null;
  const norm = tokens[noun.position]?.norm ?? '';
  const measure = [QUANTITY_NOUNS, MONEY_WORDS, DURATION_NOUNS, COUNTED_ANYTHING].some((words) =>
    words.has(norm),
  );
  return measure ? null : [...noun.keys, ...(noun.bridged ?? [])];
}

/**
 * The noun whose value is asked, when the question asks for an attribute of something: "what is
 * the capacity of the reservoir", "quelle est la capacité du réservoir", or a question of a noun
 * phrase only ("capacity of the reservoir?"). It is followed by "of"/"de"; a noun that says the
 * kind of answer ("price", "date") or a name is left to the type and name checks.
 */
function topicOf(terms: readonly Term[], tokens: readonly Token[], generic: Term | undefined): number | null {
  const asking = terms.some((term) => term.question);
  if (asking && !generic) return null;
  const from = generic ? generic.position + 1 : 0;
  // Only determiners (and a form of "be") may stand between the question word and the noun.
  let at = from;
  while (at < tokens.length && at - from < NOUN_WINDOW && !terms.some((term) => term.position === at)) {
    const norm = tokens[at]?.norm ?? '';
    if (!DETERMINERS.has(norm) && !STOPWORDS.has(norm)) return null;
    at += 1;
  }
  const head = terms.find((term) => term.position === at);
  if (!head || head.question || head.concept || head.name || head.span !== 1) return null;
  if (TYPE_NOUNS.has(tokens[at]?.norm ?? '') || shareOfSum(tokens, at)) return null;
  return GENITIVES.has(tokens[at + 1]?.norm ?? '') ? at : null;
}

/**
 * The role whose holder "who" asks (see `QuestionIntent.role`): after "who is", "qui est", a
 * determiner, the words up to "of"/"de" ("the current president of", "le président actuel de"),
 * but those that only place the role in time ("current", "actuel"). "Who met the president of…"
 * asks who met him: a word before the determiner ends the search, as does a noun that names
 * anyone ("the people of").
 */
function roleOf(terms: readonly Term[], tokens: readonly Token[]): readonly number[] {
  const asking = askingWords(terms, tokens).find((word) => word.kind === 'person');
  if (!asking) return [];
  let at = asking.position + 1;
  while (at < tokens.length && !DETERMINERS.has(tokens[at]?.norm ?? '')) {
    if (!STOPWORDS.has(tokens[at]?.norm ?? '') || terms.some((term) => term.position === at)) return [];
    at += 1;
  }
  const words: number[] = [];
  for (const last = Math.min(tokens.length, at + 1 + NOUN_WINDOW); ++at < last; ) {
    const norm = tokens[at]?.norm ?? '';
    if (GENITIVES.has(norm)) return words;
    const term = terms.find((candidate) => candidate.position === at);
    if (!term) continue;
    if (term.question || term.name || term.concept?.kind === 'entity' || COUNTED_ANYTHING.has(norm))
      return [];
    if (!ROLE_TIMES.has(norm)) words.push(at);
  }
  return [];
}

/** "Quelle part de la facture", "what share of the cost": a share noun, "of", then a sum's word. */
function shareOfSum(tokens: readonly Token[], at: number): boolean {
  if (!SHARE_NOUNS.has(tokens[at]?.norm ?? '') || !GENITIVES.has(tokens[at + 1]?.norm ?? '')) return false;
  let noun = at + 2;
  while (DETERMINERS.has(tokens[noun]?.norm ?? '')) noun += 1;
  const norm = tokens[noun]?.norm ?? '';
  return MONEY_WORDS.has(norm) || QUANTITY_NOUNS.has(norm);
}

/** "How old", "quel âge", "what age": an age word right after a question word. */
function asksAge(tokens: readonly Token[]): boolean {
  return tokens.some(
    (token, i) => AGE_WORDS.has(token.norm) && QUESTION_CLASSES.has(tokens[i - 1]?.norm ?? ''),
  );
}

/**
 * The word that asks with a question word for a measure, which any figure or time answers: "how
 * far", "how long", or the duration of "combien de temps", "how many years" (as `answerTypeOf`
 * reads it: up to two words on).
 */
function measureAt(tokens: readonly Token[]): number | null {
  // A plain loop: this runs at every token of every question.
  for (let i = 0; i < tokens.length; i++) {
    const norm = (tokens[i] as Token).norm;
    if (MEASURE_WORDS.has(norm)) {
      if (classBefore(tokens, i, 1) === 'manner') return i;
    } else if (
      DURATION_NOUNS.has(norm) &&
      (asksMeasure(classBefore(tokens, i, 1)) || asksMeasure(classBefore(tokens, i, 2)))
    )
      return i;
  }
  return null;
}

/** The question word `back` tokens before `i`, if it is one. */
function classBefore(tokens: readonly Token[], i: number, back: number): QuestionClass | undefined {
  return QUESTION_CLASSES.get(tokens[i - back]?.norm ?? '');
}

/** "Combien de temps", "how long": a question word that asks for a measure. */
function asksMeasure(kind: QuestionClass | undefined): boolean {
  return kind === 'amount' || kind === 'manner';
}

/**
 * The words of the question's form: a yes/no tag, a request, a report of what someone said, the
 * "qui" of "qu'est-ce qui" (it asks what, not who).
 */
function formOf(tokens: readonly Token[]): ReadonlySet<number> {
  return new Set([...trailingTag(tokens), ...requestAt(tokens), ...reportingAt(tokens), ...neuterAt(tokens)]);
}

/**
 * "C'est quel fonds qui paie", "quelle commune voisine qui est protégée": after "quel" and its
 * noun, "qui" starts a relative clause; it asks for no one.
 */
function relativeAt(terms: readonly Term[], tokens: readonly Token[]): number[] {
  const asking = askingWords(terms, tokens);
  return asking
    .filter((term, i) => term.kind === 'person' && asking[i - 1]?.kind === 'generic')
    .map((term) => term.position);
}

/** "Qu'est-ce qui a poussé…", "ce qui": a word asking who after a neuter pronoun asks nothing of anyone. */
function neuterAt(tokens: readonly Token[]): number[] {
  return tokens
    .filter(
      (token, i) => QUESTION_CLASSES.get(token.norm) === 'person' && NEUTER.has(tokens[i - 1]?.norm ?? ''),
    )
    .map((token) => token.index);
}

/** Token positions of a yes/no tag the question ends with ("…, c'est bien ça ?", "right?"). */
function trailingTag(tokens: readonly Token[]): number[] {
  for (const tag of TAG_TOKENS) {
    const at = tokens.length - tag.length;
    if (at >= 0 && holdsPhraseAt(tokens, at, tag)) return tokens.slice(at).map((token) => token.index);
  }
  return [];
}

/** The first of `phrases` (each its tokens' norms) that the tokens hold from `at`, or undefined. */
function phraseAt(
  tokens: readonly Token[],
  at: number,
  phrases: ReadonlyArray<readonly string[]>,
): readonly string[] | undefined {
  // Plain loops: this runs at every token of every question, and closures would be garbage.
  for (const norms of phrases) if (holdsPhraseAt(tokens, at, norms)) return norms;
  return undefined;
}

/** Whether the tokens from `at` are the phrase's words (its norms). */
function holdsPhraseAt(tokens: readonly Token[], at: number, norms: readonly string[]): boolean {
  for (let i = 0; i < norms.length; i++) if (tokens[at + i]?.norm !== norms[i]) return false;
  return true;
}

/** "Tell me about…", "dis-moi…": a word of speech that opens the question asks nothing. */
function requestAt(tokens: readonly Token[]): number[] {
  const first = tokens[0];
  return first && QUESTION_CLASSES.get(first.norm) === 'speech' ? [first.index] : [];
}

/** "Bob a dit que c'est 2,9 milliards, combien…": "dit que" reports a claim; it asks nothing. */
function reportingAt(tokens: readonly Token[]): number[] {
  return tokens
    .filter(
      (token, i) => QUESTION_CLASSES.get(token.norm) === 'speech' && REPORTING.has(tokens[i + 1]?.norm ?? ''),
    )
    .map((token) => token.index);
}
