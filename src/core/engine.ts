import { Analyser, EMPTY_LEXICON, type Lexicon, type Term } from './analyse.js';
import { message, unknownEntityMessage } from './messages.js';
import { CITY_WORDS, detectLanguage, foldText, QUANTITY_WORDS } from './text.js';
import type { Answer, Citation, Fact, KnowledgeBase, Language, RefusalReason } from './types.js';
import { LANGUAGES } from './types.js';

/** The knobs of scoring and decision. Scores are 0..1 and mean the same for every question. */
export interface Tuning {
  /** Below this the engine refuses: the article does not say. */
  readonly answer: number;
  /** Below this an answer is hedged ("the closest the article comes"). */
  readonly confident: number;
  /** Another fact scoring at least this share of the best one is cited too, as a tie… */
  readonly tie: number;
  /** …and so is one scoring at least this, that covers at least `spanningShare` of the question
   * that the cited facts leave out. */
  readonly spanningScore: number;
  readonly spanningShare: number;
  /** Weight of a question word that says what kind of answer is wanted (who, combien, when). */
  readonly questionWord: number;
  /** Weight of a word no fact contains, as a multiple of the weight of a word only one fact has. */
  readonly unknownWord: number;
  /** Share of the score from the best single alternate question; the rest is from the whole fact. */
  readonly alternateShare: number;
  /** "How much / how many / combien" asks for a quantity: a fact that states none is scaled by this. */
  readonly noQuantity: number;
  /** A fact that misses a name of the question is not about it: scaled by this for each name missed. */
  readonly missingName: number;
  /** "Quel est le nom", "what is it called" asks for a name: a fact whose quote holds none is scaled by this. */
  readonly noName: number;
  /** "Quand", "when" asks for a time: a fact whose quote says no time is scaled by this. */
  readonly noTime: number;
  /** "Qui", "who" asks for someone: a fact whose quote names only those the question names is scaled by this. */
  readonly noNewName: number;
  /** "Qu'a dit…", "what did … say" asks for words: a fact whose sentence reports none is scaled by this. */
  readonly noSpeech: number;
}

export const DEFAULT_TUNING: Tuning = {
  answer: 0.5,
  confident: 0.65,
  tie: 0.97,
  spanningScore: 0.15,
  spanningShare: 0.2,
  questionWord: 1,
  unknownWord: 1.2,
  alternateShare: 0.3,
  noQuantity: 0.6,
  missingName: 0.75,
  noName: 0.6,
  noTime: 0.5,
  noNewName: 0.6,
  noSpeech: 0.6,
};

/** Only this much of a question is analysed, so that the work per question stays bounded. */
export const MAX_ANALYSED_CHARS = 600;
const MAX_CITATIONS = 3;
/** "Quel", "what": a question word that says nothing of the answer's kind weighs this share of the others. */
const GENERIC_QUESTION_SHARE = 0.2;
const NAMED = /[\s(«]\p{Lu}|\p{Lu}{2}/u;
const TIMED =
  /\p{N}|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|aujourd|hier|demain|jours?|semaines?|mois|ans?|annees?|prochain\w*|lors|pendant|depuis|date|heures?|today|yesterday|tomorrow|days?|weeks?|months?|years?|next|during|since)\b/u;
// Reported words: quotation marks, "a déclaré", "a ajouté", "a (également) proposé", "rapportées".
const SPOKEN =
  /«|"|\ba (?:\p{L}+ )?(?:declare|ajoute|dit|detaille|affirme|annonce|propose|explique|souligne)\b|\brapportee?s?\b|\bdeclarations?\b/u;
const NUMBER =
  /\p{N}|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|cent|mille|millions?|milliards?|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|millions?|billions?)\b/iu;

export interface EngineOptions {
  /** Real words of both languages: lets the engine tell a typo from a word the article lacks. */
  readonly lexicon?: Lexicon;
  readonly tuning?: Partial<Tuning>;
}

export interface AskOptions {
  /** Used when the question's own words do not tell its language (e.g. the user's locale). */
  readonly fallbackLanguage?: Language;
  /** How many suggestions at most (default: 3 on a refusal, 5 with an answer). */
  readonly maxSuggestions?: number;
}

export interface Engine {
  ask(question: string, options?: AskOptions): Answer;
  /** Why: the question's terms and the best-scoring facts, for people who edit the knowledge. */
  explain(question: string, top?: number): Explanation;
  readonly knowledge: KnowledgeBase;
}

export interface Explanation {
  readonly terms: ReadonlyArray<{ surface: string; keys: readonly string[]; weight: number; flags: string }>;
  readonly ranking: ReadonlyArray<{ factId: string; score: number; covered: string[] }>;
}

interface IndexedFact {
  readonly fact: Fact;
  /** The quote states a number or amount. */
  readonly quantified: boolean;
  /** The quote holds a name (a capitalised word past its start, or an acronym). */
  readonly named: boolean;
  /** The quote says when: a day, a period, a date. */
  readonly timed: boolean;
  /** The names (entity concepts) the quote itself holds. */
  readonly quoteNames: ReadonlySet<string>;
  /** The quote's sentence reports what someone said, announced or proposed. */
  readonly spoken: boolean;
  readonly keys: ReadonlySet<string>;
  /** Each alternate question and answer text, as a set of keys with its total weight. */
  readonly alternates: ReadonlyArray<{ keys: ReadonlySet<string>; weight: number }>;
}

interface Scored {
  readonly entry: IndexedFact;
  readonly score: number;
  readonly covered: ReadonlySet<Term>;
}

export function createEngine(knowledge: KnowledgeBase, options: EngineOptions = {}): Engine {
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const analyser = new Analyser(knowledge.glossary, options.lexicon ?? EMPTY_LEXICON);
  const sourceLanguage = new Map(knowledge.sources.map((source) => [source.id, source.language]));
  for (const source of knowledge.sources) analyser.learn(source.text, source.language);
  for (const fact of knowledge.facts) {
    for (const language of LANGUAGES) {
      analyser.learn(fact.answer[language], language);
      for (const question of fact.questions[language]) analyser.learn(question, language);
    }
  }
  analyser.freeze();
  const languageOf = (word: string) => analyser.languageOf(word);
  const sentences = new Map(
    knowledge.sources.flatMap((source) =>
      source.sentences.map((sentence) => [
        `${source.id}:${sentence.paragraph}:${sentence.sentence}`,
        sentence.text,
      ]),
    ),
  );
  /** The whole sentence a fact's quote comes from (the quote itself when it cannot be found). */
  const sentenceOf = (fact: Fact) =>
    sentences.get(`${fact.source}:${fact.location.paragraph}:${fact.location.sentence}`) ?? fact.quote;

  const analysed = knowledge.facts.map((fact) => ({
    fact,
    quote: analyser.analyseKnowledge(fact.quote, sourceLanguage.get(fact.source) ?? 'fr'),
    texts: LANGUAGES.flatMap((language) =>
      [fact.answer[language], ...fact.questions[language]].map((text) =>
        analyser.analyseKnowledge(text, language),
      ),
    ),
  }));

  // Document frequency of each key over facts, for IDF weights.
  const postings = new Map<string, Set<number>>();
  analysed.forEach((item, index) => {
    for (const term of [...item.quote, ...item.texts.flat()]) {
      for (const key of term.keys) {
        const set = postings.get(key) ?? new Set<number>();
        set.add(index);
        postings.set(key, set);
      }
    }
  });
  const factCount = Math.max(1, knowledge.facts.length);
  const idf = (df: number) => Math.log((factCount + 1) / (df + 0.5));
  const unknownWeight = tuning.unknownWord * idf(1);
  const weightOf = (term: Term): number => {
    if (term.question)
      return term.keys[0] === 'q:generic'
        ? tuning.questionWord * GENERIC_QUESTION_SHARE
        : tuning.questionWord;
    let df = 0;
    if (term.keys.length === 1) df = postings.get(term.keys[0] ?? '')?.size ?? 0;
    else {
      const union = new Set<number>();
      for (const key of term.keys) for (const index of postings.get(key) ?? []) union.add(index);
      df = union.size;
    }
    return df === 0 ? unknownWeight : idf(df);
  };

  const index: IndexedFact[] = analysed.map((item) => {
    const keys = new Set<string>();
    for (const term of [...item.quote, ...item.texts.flat()]) for (const key of term.keys) keys.add(key);
    const alternates = item.texts.map((terms) => ({
      keys: new Set(terms.flatMap((term) => term.keys)),
      weight: terms.reduce((sum, term) => sum + weightOf(term), 0),
    }));
    return {
      fact: item.fact,
      keys,
      alternates,
      quantified: NUMBER.test(item.fact.quote),
      named: NAMED.test(item.fact.quote),
      timed: TIMED.test(foldText(item.fact.quote)),
      quoteNames: entityIds(item.quote),
      spoken: SPOKEN.test(foldText(sentenceOf(item.fact))),
    };
  });

  const scoreFact = (
    entry: IndexedFact,
    terms: readonly Term[],
    weights: readonly number[],
    total: number,
    intent: Intent,
  ) => {
    const covered = new Set<Term>();
    let coveredWeight = 0;
    terms.forEach((term, i) => {
      if (term.keys.some((key) => entry.keys.has(key))) {
        covered.add(term);
        coveredWeight += weights[i] ?? 0;
      }
    });
    // Question words never select a fact alone.
    if (![...covered].some((term) => !term.question)) return { entry, covered, score: 0 };
    let bestAlternate = 0;
    for (const alternate of entry.alternates) {
      let shared = 0;
      terms.forEach((term, i) => {
        if (term.keys.some((key) => alternate.keys.has(key))) shared += weights[i] ?? 0;
      });
      const dice = (2 * shared) / (total + alternate.weight);
      if (dice > bestAlternate) bestAlternate = dice;
    }
    const coverage = coveredWeight / total;
    let score = (1 - tuning.alternateShare) * coverage + tuning.alternateShare * bestAlternate;
    if (intent.quantity && !entry.quantified) score *= tuning.noQuantity;
    if (intent.name && !entry.named) score *= tuning.noName;
    if (intent.time && !entry.timed) score *= tuning.noTime;
    // "Avec qui Brad Smith a-t-il fait l'annonce ?": a quote naming only Brad Smith tells nothing new.
    if (intent.person && [...entry.quoteNames].every((id) => intent.names.has(id))) score *= tuning.noNewName;
    // "What did Biden say": the article reports no words of his, whatever else it says of him.
    if (intent.speech && !entry.spoken) score *= tuning.noSpeech;
    for (const term of terms)
      if (term.concept?.kind === 'entity' && !covered.has(term)) score *= tuning.missingName;
    return { entry, covered, score };
  };

  const featuredFirst = [
    ...index.filter((entry) => entry.fact.featured),
    ...index.filter((entry) => !entry.fact.featured),
  ];
  const suggestionsFor = (
    ranked: readonly Scored[],
    exclude: ReadonlySet<string>,
    language: Language,
    max: number,
  ) => {
    const chosen: string[] = [];
    const seen = new Set(exclude);
    const pool = [...ranked.filter((item) => item.score > 0).map((item) => item.entry), ...featuredFirst];
    for (const entry of pool) {
      if (chosen.length >= max) break;
      if (seen.has(entry.fact.id)) continue;
      seen.add(entry.fact.id);
      const question = entry.fact.questions[language][0];
      if (question) chosen.push(question);
    }
    return chosen;
  };

  /** Analyses a question and scores every fact against it, best first. */
  const rank = (question: string) => {
    const text = question.slice(0, MAX_ANALYSED_CHARS);
    const detected = detectLanguage(text, languageOf);
    const terms = analyser.analyseQuestion(text, detected);
    const weights = terms.map(weightOf);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const intent = intentOf(terms);
    const ranked = index
      .map((entry) => scoreFact(entry, terms, weights, total, intent))
      .sort((a, b) => b.score - a.score || a.entry.fact.id.localeCompare(b.entry.fact.id));
    return { text, detected, terms, weights, total, ranked };
  };

  const ask = (question: string, askOptions: AskOptions = {}): Answer => {
    const { text: analysed, detected, terms, weights, total, ranked } = rank(question);
    const language = detected ?? askOptions.fallbackLanguage ?? 'fr';
    const content = terms.filter((term) => !term.question);

    const refuse = (
      reason: RefusalReason,
      text: string,
      ranked: readonly Scored[],
      confidence = 0,
      name?: string,
    ) => ({
      question,
      answered: false,
      text,
      language,
      confidence: round(confidence),
      citations: [],
      suggestions: suggestionsFor(ranked, new Set(), language, askOptions.maxSuggestions ?? 3),
      reason,
      unknownEntity: name ?? null,
    });

    if (content.length === 0) return refuse('empty', message('empty', language), []);

    // Read in the analysed text only: the terms come from it, and the rest may be megabytes.
    const unknown = unknownNames(terms, analysed);
    if (unknown.length > 0) {
      const text = unknownEntityMessage(unknown, language);
      return refuse('unknown-entity', text, ranked, 0, unknown.join(', '));
    }

    const best = ranked[0];
    if (!best || best.score < tuning.answer) {
      return refuse('not-in-article', message('notInArticle', language), ranked, best?.score ?? 0);
    }

    // Another fact is cited when it ties with the best one, or when it answers a good part of
    // the question that the facts cited so far leave out (the question spans them).
    const cited = [best];
    const isCovered = (term: Term) => cited.some((item) => item.covered.has(term));
    for (const other of ranked.slice(1)) {
      if (cited.length >= MAX_CITATIONS) break;
      if (cited.some((item) => overlaps(item.entry.fact.quote, other.entry.fact.quote))) continue;
      const tie = other.score >= tuning.tie * best.score;
      let added = 0;
      terms.forEach((term, i) => {
        if (!term.question && other.covered.has(term) && !isCovered(term)) added += weights[i] ?? 0;
      });
      const spans = other.score >= tuning.spanningScore && added >= tuning.spanningShare * total;
      if (tie || spans) cited.push(other);
    }
    const citations: Citation[] = cited.map(({ entry: { fact } }) => ({
      source: fact.source,
      factId: fact.id,
      paragraph: fact.location.paragraph,
      sentence: fact.location.sentence,
      quote: fact.quote,
    }));
    const body = cited.map(({ entry }) => entry.fact.answer[language]).join(' ');
    const text = best.score < tuning.confident ? `${message('tentative', language)} ${body}` : body;
    return {
      question,
      answered: true,
      text,
      language,
      confidence: round(best.score),
      citations,
      suggestions: suggestionsFor(
        ranked.slice(cited.length),
        new Set(citations.map((citation) => citation.factId)),
        language,
        askOptions.maxSuggestions ?? 5,
      ),
      reason: null,
      unknownEntity: null,
    };
  };

  const explain = (question: string, top = 5): Explanation => {
    const { terms, weights, ranked } = rank(question);
    const ranking = ranked.slice(0, top).map((item) => ({
      factId: item.entry.fact.id,
      score: round(item.score),
      covered: [...item.covered].map((term) => term.surface),
    }));
    return {
      terms: terms.map((term, i) => ({
        surface: term.surface,
        keys: term.keys,
        weight: Math.round((weights[i] ?? 0) * 100) / 100,
        flags: [
          term.question ? 'question' : '',
          term.name ? 'name' : '',
          term.corrected ? 'corrected' : '',
          term.known ? '' : 'unknown',
        ]
          .filter(Boolean)
          .join(','),
      })),
      ranking,
    };
  };

  return { ask, explain, knowledge };
}

/** What kind of answer the question wants, where its words say. */
interface Intent {
  /** "combien", "how much", "quel montant", "what amount": an amount or a count. */
  readonly quantity: boolean;
  /** "quel est le nom", "what is it called": a name. */
  readonly name: boolean;
  /** "quand", "when": a time. */
  readonly time: boolean;
  /** "qui", "who": someone, who should be named. */
  readonly person: boolean;
  /** "qu'a dit", "what did … say": someone's words. */
  readonly speech: boolean;
  /** The names (entity concepts) the question holds. */
  readonly names: ReadonlySet<string>;
}

function intentOf(terms: readonly Term[]): Intent {
  const keys = new Set(terms.filter((term) => term.question).flatMap((term) => term.keys));
  const says = (words: ReadonlySet<string>) => terms.some((term) => words.has(foldText(term.surface)));
  return {
    quantity: keys.has('q:amount') || says(QUANTITY_WORDS),
    // "Dans quelle ville" wants a city's name, which "le pays asiatique" is not.
    name: keys.has('q:name') || says(CITY_WORDS),
    time: keys.has('q:time'),
    person: keys.has('q:person'),
    speech: keys.has('q:speech'),
    names: entityIds(terms),
  };
}

function entityIds(terms: readonly Term[]): Set<string> {
  return new Set(terms.flatMap((term) => (term.concept?.kind === 'entity' ? [term.concept.id] : [])));
}

/**
 * The names in the question that the knowledge base does not know. Words typed next to each
 * other make one name ("Tim Cook"); apart, they are separate ones ("Google … Paris").
 */
function unknownNames(terms: readonly Term[], question: string): string[] {
  const names: string[] = [];
  for (const term of terms) {
    if (!term.name || term.concept !== null) continue;
    const last = names.at(-1);
    if (
      last !== undefined &&
      new RegExp(`${escapeRegExp(last)}[\\s-]+${escapeRegExp(term.surface)}`, 'u').test(question)
    ) {
      names[names.length - 1] = `${last} ${term.surface}`;
    } else {
      names.push(term.surface);
    }
  }
  return names;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function overlaps(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
