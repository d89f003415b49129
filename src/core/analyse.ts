import Fuse from 'fuse.js';
import type { Bridge } from './bridge.js';
import { ENGLISH } from './english.js';
import { FRENCH } from './french.js';
import { PairIndex } from './pairIndex.js';
import { joinsAlike } from './questionWords.js';
import { STEMMERS } from './stemmers.js';
import {
  foldText,
  holdsNumber,
  isStopwordOf,
  phraseOf,
  QUESTION_CLASSES,
  QUESTION_WORDS,
  type QuestionClass,
  STOPWORDS,
  startsWithNumber,
  type Token,
  tableOf,
  tokenise,
  tokeniseOnce,
} from './text.js';
import type { Thesaurus } from './thesaurus.js';
import { type Concept, LANGUAGES, type Language } from './types.js';
import { WordMemo } from './wordMemo.js';

/** Real words of French and English (folded), to tell a typo from a word the article lacks. */
export interface Lexicon {
  /** With a language, whether that language has the word; without, whether either has it. */
  has(word: string, language?: Language): boolean;
}

export const EMPTY_LEXICON: Lexicon = { has: () => false };

/** One meaningful unit of a question or of a knowledge text. */
export interface Term {
  /** The words as typed, for naming them back. */
  readonly surface: string;
  /** Match keys: a glossary concept, a number, or the word's French and English stems. */
  readonly keys: readonly string[];
  /** A question word (who, combien …): weighs little, never selects a fact alone. */
  readonly question: boolean;
  readonly concept: Concept | null;
  /** Written with a capital where a capital is not required: a name. */
  readonly name: boolean;
  /** The word was a typo, corrected against the knowledge base's vocabulary. */
  readonly corrected: boolean;
  /** Neither the knowledge base nor the dictionaries know this word. */
  readonly known: boolean;
  /** Index of its first word among the text's tokens (`tokenise`), to read the words around it. */
  readonly position: number;
  /** How many tokens it spans (a glossary phrase may span several). */
  readonly span: number;
  /** A glossary variant listed as an adjective ("japonais", "American"): it describes. */
  readonly adjective: boolean;
  /** A question's word in the other language's stems, from the bridge: they match only the
   * article's own sentences, which have no reviewed wording in the asker's language. */
  readonly bridged?: readonly string[];
  /** Of `bridged`, the keys a sentence holds as the translation only where it writes one of
   * these stems with its accent ("drag": traîn, not the "train" of "trains"; see `Bridge`). */
  readonly accents?: ReadonlyMap<string, readonly string[]>;
  /** A question's word in the stems of words that may stand for it in its own language, from the
   * thesaurus: a weak hint for the same sentences as `bridged`, never one that finds them. */
  readonly related?: readonly string[];
}

const NUMBER_WORDS = tableOf((rules) => rules.numberWords);
const NO_KEYS: readonly string[] = [];
const NO_ACCENTS: ReadonlyMap<string, readonly string[]> = new Map();
const MAX_PHRASE = 6;
/** Fuse.js scores at or under this count as a typo of a vocabulary word (0 = exact). */
const CORRECTION_THRESHOLD = 0.4;
const MIN_CORRECTABLE = 4;
const MIN_CONCEPT_STEM = 5;
/** Words of this length at least that share their first letters are taken for cognates. */
const MIN_COGNATE = 6;
const COGNATE_PREFIX = 5;
/**
 * The first letters by which cognates are paired, doubled letters taken as one: "dessalement"
 * and "desalination", "adresse" and "address", "développement" and "development".
 */
const cognatePrefix = (word: string): string => word.replace(/(\p{L})\1/gu, '$1').slice(0, COGNATE_PREFIX);
/** A capital, then lower-case letters only: how a word of a name is typed. */
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;
const ELIDED = /^(?:qu|[cdjlmnst])([aeiouyh]\p{L}{2,})$/u;
/**
 * A clipped word ("asso", "desal") is at least this long, and the word it stands for this much
 * longer: "desal" is "desalination", but "deal" is no clipping of "dealer".
 */
const MIN_CLIPPED = 4;
const MIN_CLIPPED_OFF = 3;
/** A short piece, a hyphen, and the rest of a word: "co-op", "e-mail". */
const HYPHENATED = /(?<!\p{L})(\p{L}{1,3})-(\p{L}+)(?!\p{L})/gu;
/** The least of a verb left once its plural's ending is cut: "votent" (vot), not "dent" (d). */
const MIN_VERB_BASE = 3;
/** From this length a typo may hold two slips. */
const LONG_WORD = 8;
/** From this length a typo may be read as a real word one slip away, of a stem the knowledge holds. */
const MIN_SLIPPED_FORM = 6;
/** What a stem's match key starts with (`s:commenc`). */
const STEM_KEY_PREFIX = 's:';
/** Share of a typo's letter pairs that a candidate word must hold. */
const MIN_SHARED_BIGRAMS = 0.4;
/** Work bounds for one text: words analysed, and fuzzy searches for typos among them. */
const MAX_TOKENS = 120;
const MAX_SEARCHES_PER_TEXT = 8;
/**
 * Function and question words a typo may stand for ("befor", "pourqoi"): a correction into one
 * drops the word, or reads it as the question word, where an unknown word would weigh as the
 * rarest the knowledge holds. Only a typo this long may be one: short function words are so
 * many that a clipped "asso" would be "also".
 */
const MIN_FUNCTION_TYPO = 5;
const FUNCTION_WORDS: readonly string[] = [...new Set([...STOPWORDS, ...QUESTION_WORDS])].filter(
  (word) => word.length >= MIN_CORRECTABLE && !holdsNumber(word),
);
/** Corrections are cached; the cache is bounded so that a flood of new words cannot grow it. */
const CORRECTION_CACHE = 5000;
/** Question words whose translations and synonyms are kept, by language (see `QuestionWordKeys`). */
const ALTERNATE_CACHE = 5000;

/**
 * Match keys of a plain word: its stems in the text's language, or in both when the language is
 * not known (a question of a few words). Stemming per language keeps French "parti" away from
 * English "part". French stems are taken from the accented spelling too, since the stemmer
 * reads suffixes such as "-ées" only with their accents (renforcées and renforcement then share
 * "renforc").
 */
export function stemKeys(
  norm: string,
  accented?: string,
  language: Language | null = null,
): readonly string[] {
  // Stemming is the costly part of reading text: each word's keys are kept, up to a bound (and
  // a number's too: one array for each time it is written, which weights are worked out once for).
  const kind = language ?? 'both';
  const accent = accented ?? '';
  let keys = stems.recent[kind].get(norm)?.get(accent);
  if (keys) return keys;
  // A word still in use when the bound was reached is carried over, not stemmed again.
  keys = stems.older[kind].get(norm)?.get(accent) ?? stemsOf(norm, accented, language);
  if (stems.count >= STEM_CACHE) stems = { recent: noStems(), older: stems.recent, count: 0 };
  const byNorm = stems.recent[kind];
  let byAccent = byNorm.get(norm);
  if (!byAccent) {
    byAccent = new Map();
    byNorm.set(norm, byAccent);
  }
  byAccent.set(accent, keys);
  stems.count += 1;
  return keys;
}

/** A word's keys, and those of its singular if it is a verb's plural (see `Analyser.singularOf`). */
function withSingular(keys: readonly string[], singular: string | null): readonly string[] {
  return singular === null ? keys : [...new Set([...keys, ...stemKeys(singular, undefined, 'fr')])];
}

/** Stems by language ('both' when unknown), word and accented spelling. */
type Stems = Record<Language | 'both', Map<string, Map<string, readonly string[]>>>;

const noStems = (): Stems => ({ fr: new Map(), en: new Map(), both: new Map() });

/**
 * The words stemmed since the cache last filled, and those of the time before: a bound of
 * words in all, with no pause to stem the common words again when it fills.
 */
let stems = { recent: noStems(), older: noStems(), count: 0 };
const STEM_CACHE = 50_000;

/** Irregular forms by language, read as a map: a word like "constructor" is no key of it. */
const LEMMAS: Record<Language, ReadonlyMap<string, string>> = {
  fr: new Map(Object.entries(FRENCH.lemmas)),
  en: new Map(Object.entries(ENGLISH.lemmas)),
};

/** Words that are their own key, by language. */
const WHOLE_WORDS: Record<Language, ReadonlySet<string>> = {
  fr: new Set(FRENCH.wholeWords),
  en: new Set(ENGLISH.wholeWords),
};

/** An entity's variants written in lower case only, not also as a name: "région", "archipel". */
function commonVariants(concept: Concept): string[] {
  if (concept.kind !== 'entity') return [];
  const variants = LANGUAGES.flatMap((language) => concept.variants[language]);
  const capitalised = new Set(variants.filter((v) => v !== v.toLowerCase()).map((v) => v.toLowerCase()));
  return variants.filter((v) => v === v.toLowerCase() && !capitalised.has(v));
}

function stemsOf(norm: string, accented: string | undefined, language: Language | null): string[] {
  if (startsWithNumber(norm)) return [`n:${norm}`];
  const keys = new Set<string>();
  if (language !== 'en' && WHOLE_WORDS.fr.has(norm)) keys.add(`s:${norm}`);
  else if (language !== 'en') {
    keys.add(`s:${STEMMERS.fr(norm)}`);
    if (accented !== undefined && accented !== norm) keys.add(`s:${foldText(STEMMERS.fr(accented))}`);
    const lemma = LEMMAS.fr.get(norm);
    if (lemma !== undefined) keys.add(`s:${STEMMERS.fr(lemma)}`);
  }
  if (language !== 'fr' && WHOLE_WORDS.en.has(norm)) keys.add(`s:${norm}`);
  else if (language !== 'fr') {
    keys.add(`s:${STEMMERS.en(norm)}`);
    const lemma = LEMMAS.en.get(norm);
    if (lemma !== undefined) keys.add(`s:${STEMMERS.en(lemma)}`);
  }
  return [...keys];
}

/**
 * The stems by which a one-word glossary variant matches other forms of its word. Short words
 * and short stems are too loose to stand for a concept ("ageing" and "âge" share "age"). A name
 * found in an article matches as written only: "Facil" is no form of "facility".
 */
export function variantStems(token: Token, language: Language, concept: Concept): readonly string[] {
  if (concept.found || concept.asWritten || token.norm.length < 5 || STOPWORDS.has(token.norm)) return [];
  return stemKeys(token.norm, token.raw.toLowerCase(), language).filter(
    (key) => key.length - 2 >= MIN_CONCEPT_STEM,
  );
}

/**
 * A question word's keys in the other language (the bridge and cognates) and in words of its own
 * that may stand for it (the thesaurus), by the question's language ('both' when unknown): the
 * costliest part of reading a question, and the same each time a word is asked again.
 */
interface QuestionWordKeys {
  readonly translations: Record<Language | 'both', WordMemo<readonly string[]>>;
  readonly synonyms: Record<Language | 'both', WordMemo<readonly string[]>>;
  readonly accents: Record<Language | 'both', WordMemo<ReadonlyMap<string, readonly string[]>>>;
}

const questionWordKeys = (): QuestionWordKeys => {
  const memos = <V>() => ({
    fr: new WordMemo<V>(ALTERNATE_CACHE),
    en: new WordMemo<V>(ALTERNATE_CACHE),
    both: new WordMemo<V>(ALTERNATE_CACHE),
  });
  return { translations: memos(), synonyms: memos(), accents: memos() };
};

/** What a span's words are joined by: made once here, not as a closure at each phrase. */
const RAW = (word: { token: Token }): string => word.token.raw;
const NORM = (word: { norm: string }): string => word.norm;
const LOWER = (word: { token: Token }): string => word.token.raw.toLowerCase();

/** A span's words joined by spaces: a one-word span's word as it is, with no array made for it. */
function spanText<T>(span: readonly T[], pick: (word: T) => string): string {
  return span.length === 1 ? pick(span[0] as T) : span.map(pick).join(' ');
}

export function conceptKey(concept: Concept): string {
  return `c:${concept.id}`;
}

/**
 * Turns text into terms: glossary phrases become concepts, other content words become stems,
 * function words are dropped, and (for questions) unknown words are corrected with fuse.js
 * against the vocabulary of the knowledge base.
 */
export class Analyser {
  /**
   * Each glossary variant's words, joined by spaces, with its concept; and each variant's first
   * words up to a space, which a longer span may still complete (`longer`). One lookup per span.
   */
  private readonly phrases = new Map<string, { concept: Concept | null; longer: boolean }>();
  /** The languages whose variants a one-word phrase is. */
  private readonly wordLanguages = new Map<string, Set<Language>>();
  /** Phrases of two words or more by their first word, for matching one with a slip in a later word. */
  private readonly phrasesByFirst = new Map<string, Array<{ norms: string[]; concept: Concept }>>();
  private readonly stemmedVariants = new Map<string, Concept>();
  /** Each concept's adjective variants, as joined token norms. */
  private readonly adjectives = new Map<string, ReadonlySet<string>>();
  private readonly vocabulary = new Set<string>();
  /** Vocabulary words and, per letter pair, the words that hold it: a cheap pre-filter for fuse.js. */
  private pairIndex = new PairIndex([], true);
  /** The vocabulary's word numbers in the words' sorted order, made when first needed (see `wordsStarting`). */
  private prefixOrder: Int32Array | undefined;
  private readonly corrections = new Map<string, string | null>();
  /** Each concept's key alone, and its phrases' keys in knowledge text (see `phraseKeys`). */
  private readonly conceptKeys = new Map<Concept, readonly string[]>();
  private readonly phraseKeyCache: Record<Language | 'both', Map<Concept, Map<string, readonly string[]>>> = {
    fr: new Map(),
    en: new Map(),
    both: new Map(),
  };
  /** Words of the names the knowledge mentions: corrections a capitalised word may get. */
  private readonly nameWords = new Set<string>();
  /**
   * Words a knowledge text writes with a capital past its first word, as the words of a name are
   * ("Cascade Forest Resilience Project", though each is a dictionary word): a capitalised
   * word's other corrections.
   */
  private readonly capitalWords = new Set<string>();
  private nameStemSet: ReadonlySet<string> | undefined;
  /** The knowledge's words by the language of the text they came from. */
  private readonly wordsOf: Record<Language, Set<string>> = { fr: new Set(), en: new Set() };
  /** The knowledge's long words by language and first letters, to find a word's cognates. */
  private readonly cognates: Record<Language, Map<string, string[]>> = { fr: new Map(), en: new Map() };
  /** A question's words' translations and synonyms once frozen: the same for every question. */
  private alternates: QuestionWordKeys | undefined;

  constructor(
    glossary: readonly Concept[],
    private readonly lexicon: Lexicon = EMPTY_LEXICON,
    /** Null when no article needs one (every sentence reviewed): questions are then not bridged. */
    private readonly bridge: Bridge | null = null,
    /** Null as the bridge is: same-language synonyms, for the same sentences. */
    private readonly thesaurus: Thesaurus | null = null,
  ) {
    for (const concept of glossary) for (const language of LANGUAGES) this.addVariants(concept, language);
  }

  /** A glossary concept's variants in one language: its phrases, words and stems. */
  private addVariants(concept: Concept, language: Language): void {
    for (const variant of concept.variants[language]) {
      const tokens = tokenise(variant);
      const norms = tokens.map((token) => token.norm);
      if (norms.length === 0) continue;
      const phrase = norms.join(' ');
      this.phrases.set(phrase, { concept, longer: this.phrases.get(phrase)?.longer ?? false });
      for (let at = phrase.indexOf(' '); at !== -1; at = phrase.indexOf(' ', at + 1)) {
        const start = phrase.slice(0, at);
        const known = this.phrases.get(start);
        if (known) known.longer = true;
        else this.phrases.set(start, { concept: null, longer: true });
      }
      if (norms.length === 1) {
        const languages = this.wordLanguages.get(phrase) ?? new Set();
        languages.add(language);
        this.wordLanguages.set(phrase, languages);
      }
      const first = norms[0];
      if (first !== undefined && norms.length > 1) {
        const list = this.phrasesByFirst.get(first) ?? [];
        list.push({ norms, concept });
        this.phrasesByFirst.set(first, list);
      }
      const only = tokens[0];
      if (norms.length === 1 && only !== undefined) {
        for (const key of variantStems(only, language, concept))
          if (!this.stemmedVariants.has(key)) this.stemmedVariants.set(key, concept);
      }
      for (const norm of norms) {
        this.addWord(norm, language);
        if (concept.kind === 'entity') this.nameWords.add(norm);
      }
    }
  }

  /** Adds the words of a knowledge text (or its tokens) to the vocabulary that typos are corrected against. */
  learn(text: string | readonly Token[], language: Language): void {
    // Cognates are read in the words learnt: those kept would be out of date.
    this.alternates = undefined;
    for (const token of typeof text === 'string' ? tokenise(text) : text) {
      this.addWord(token.norm, language);
      if (token.capitalised && token.index > 0) this.capitalWords.add(token.norm);
    }
  }

  private addWord(norm: string, language: Language): void {
    this.wordsOf[language].add(norm);
    if (norm.length < 3 || STOPWORDS.has(norm) || startsWithNumber(norm)) return;
    this.vocabulary.add(norm);
  }

  /**
   * A topic's one-word variant of the other language, in a question whose language has the word
   * too: French "met" (puts) is not English "met", "chose" (thing) not "chose".
   */
  private falseFriend(norm: string, concept: Concept, language: Language | null): boolean {
    if (language === null || concept.kind !== 'topic') return false;
    return !this.wordLanguages.get(norm)?.has(language) && this.lexicon.has(norm, language);
  }

  /** The language of a knowledge word, when only one of the two uses it. */
  languageOf(word: string): Language | null {
    const norm = foldText(word);
    const fr = this.wordsOf.fr.has(norm);
    if (fr === this.wordsOf.en.has(norm)) return null;
    return fr ? 'fr' : 'en';
  }

  /** Call once every knowledge text has been learnt. */
  freeze(): void {
    const functionWords = FUNCTION_WORDS.filter((word) => !this.vocabulary.has(word));
    this.pairIndex = new PairIndex([...this.vocabulary, ...functionWords], true);
    this.prefixOrder = undefined;
    this.alternates = questionWordKeys();
    for (const language of LANGUAGES) {
      for (const word of this.wordsOf[language]) {
        if (word.length < MIN_COGNATE || STOPWORDS.has(word) || holdsNumber(word)) continue;
        const prefix = cognatePrefix(word);
        const list = this.cognates[language].get(prefix) ?? [];
        list.push(word);
        this.cognates[language].set(prefix, list);
      }
    }
  }

  /** Analyses knowledge text (or its tokens, read already): no correction, every word is taken as written. */
  analyseKnowledge(text: string | readonly Token[], language: Language): Term[] {
    return this.analyse(typeof text === 'string' ? tokenise(text) : text, false, language);
  }

  /**
   * The terms of `analyseKnowledge` that name a glossary concept, in order, and only those: what
   * a reader of names needs, without building a term for every other word.
   */
  knowledgeConcepts(tokens: readonly Token[], language: Language): Term[] {
    return this.analyse(tokens, false, language, null, true);
  }

  /**
   * Analyses a question: unknown words are corrected against the vocabulary first. `clearly` is
   * the language the question is plainly written in, if any: only then is a one-word variant of
   * the other language set aside for a word of this one (see `falseFriend`).
   */
  analyseQuestion(
    text: string,
    language: Language | null = null,
    clearly: Language | null = null,
    /** The text's tokens, when the caller split it already (see `tokeniseOnce`). */
    tokens?: readonly Token[],
  ): Term[] {
    const joined = text.includes('-') ? this.joinHyphenated(text) : text;
    const read = joined === text && tokens ? tokens : tokeniseOnce(joined);
    return this.analyse(read, true, language, clearly);
  }

  /**
   * A word a hyphen cuts after a piece that is no word ("co-op", "e-mail"), read whole: as the
   * knowledge's word it is, or the one it is the clipped start of ("co-op": cooperative). Split,
   * its pieces would be an unknown "co" and an "op" the article never says.
   */
  private joinHyphenated(text: string): string {
    return text.replace(HYPHENATED, (whole: string, piece: string, rest: string) => {
      if (this.isKnown(foldText(piece))) return whole;
      const joined = foldText(piece + rest);
      return this.vocabulary.has(joined) ? piece + rest : (this.completion(joined) ?? whole);
    });
  }

  private analyse(
    tokens: readonly Token[],
    correct: boolean,
    language: Language | null,
    clearly: Language | null = null,
    /** Only the terms that name a glossary concept: the others are left out, not built. */
    conceptsOnly = false,
  ): Term[] {
    // Fuzzy searches are the costly step: a question gets a bounded number of them.
    const budget = { searches: correct ? MAX_SEARCHES_PER_TEXT : 0 };
    const words = (tokens.length > MAX_TOKENS ? tokens.slice(0, MAX_TOKENS) : tokens).map((token) => {
      let fixed = correct
        ? (this.withoutElision(token.norm) ?? this.correct(token.norm, budget, language))
        : null;
      // A capitalised word is a name: it may be a misspelt name of the article (Kishda,
      // Resiliance), but never a common word in disguise (OpenAI is not "opening").
      if (fixed !== null && token.capitalised && token.index > 0 && !this.isNameWord(fixed, token.raw))
        fixed = null;
      return { token, norm: fixed ?? token.norm, corrected: fixed !== null };
    });
    const terms: Term[] = [];
    for (let i = 0; i < words.length; ) {
      const exact = this.matchPhrase(words, i, clearly, correct ? clearly : language);
      const slipped = correct ? this.matchPhraseWithSlip(words, i) : null;
      // "premier ministe" is the Prime Minister, not "premier" then an unknown word.
      const matched = slipped && slipped.length > (exact?.length ?? 0) ? slipped : exact;
      if (matched) {
        const span = words.slice(i, i + matched.length);
        terms.push({
          surface: spanText(span, RAW),
          keys: this.phraseKeys(matched.concept, span, correct, language),
          question: false,
          concept: matched.concept,
          name: matched.concept.kind === 'entity',
          corrected: span.some((word) => word.corrected),
          known: true,
          position: span[0]?.token.index ?? 0,
          span: matched.length,
          adjective: this.isAdjective(matched.concept, spanText(span, NORM)),
          bridged: this.conceptTranslations(matched.concept, span, correct, language),
        });
        i += matched.length;
        continue;
      }
      const word = words[i];
      i += 1;
      if (word === undefined) continue;
      const { token, norm } = word;
      const questionClass = QUESTION_CLASSES.get(norm);
      // "en dollars ou en yens": a bare "or" between two items, a function word.
      if (questionClass && (conceptsOnly || (correct && joinsAlike(tokens, token.index)))) continue;
      if (questionClass) {
        terms.push(questionTerm(token, questionClass));
        continue;
      }
      if (norm.length < 2 && !startsWithNumber(norm)) continue;
      if (STOPWORDS.has(norm)) continue;
      // "deux", "two": a number written as a word also has the number's key, in any language.
      const value = NUMBER_WORDS.get(norm);
      const written = stemKeys(norm, word.corrected ? undefined : token.raw.toLowerCase(), language);
      const singular = correct || language === 'fr' ? this.singularOf(norm, language) : null;
      const stems = withSingular(written, singular);
      // The stems as cached, shared by every term of the word: no term's keys are ever changed.
      const keys = value !== undefined && value > 1 ? [...stems, `n:${value}`] : stems;
      const concept = keys.length === 1 && keys[0]?.startsWith('n:') ? undefined : this.conceptByStem(keys);
      if (concept) {
        terms.push({
          surface: token.raw,
          keys: this.keysOfConcept(concept),
          question: false,
          concept,
          name: concept.kind === 'entity',
          corrected: word.corrected,
          known: true,
          position: token.index,
          span: 1,
          adjective: this.isAdjective(concept, norm),
          bridged: this.conceptTranslations(concept, [word], correct, language),
        });
        continue;
      }
      if (conceptsOnly) continue;
      const known = this.vocabulary.has(norm) || this.lexicon.has(norm) || startsWithNumber(norm);
      const name =
        this.looksLikeName(token, norm) && !(correct && this.translatesName(token, norm, language));
      terms.push({
        surface: token.raw,
        keys,
        question: false,
        concept: null,
        name,
        corrected: word.corrected,
        known,
        position: token.index,
        span: 1,
        adjective: false,
        bridged:
          correct && !name
            ? this.translationsWith(
                singular,
                this.translations(norm, language, word.corrected ? undefined : token.raw.toLowerCase()),
              )
            : NO_KEYS,
        accents:
          correct && !name
            ? this.accents(norm, language, word.corrected ? undefined : token.raw.toLowerCase())
            : NO_ACCENTS,
        related: correct && !name ? this.synonyms(norm, language) : NO_KEYS,
      });
    }
    return terms;
  }

  /**
   * The singular of a French verb's plural that the stemmer leaves whole, where the word list has
   * the verb: "commencent" is "commence" (of "commencer"), which stems as the article's
   * "commencer" does. Null for any other word, and in an English text. Read in a French
   * article's text too: "les élus souhaitent" is what "want" finds (souhait).
   */
  private singularOf(norm: string, language: Language | null): string | null {
    if (language === 'en') return null;
    for (const { plural, singular, infinitive } of FRENCH.verbPlurals) {
      const base = norm.slice(0, -plural.length);
      if (!norm.endsWith(plural) || base.length < MIN_VERB_BASE) continue;
      if (this.lexicon.has(base + infinitive, 'fr')) return base + singular;
    }
    return null;
  }

  /** A concept's key alone, as one array for every term of it. */
  private keysOfConcept(concept: Concept): readonly string[] {
    let keys = this.conceptKeys.get(concept);
    if (!keys) {
      keys = [conceptKey(concept)];
      this.conceptKeys.set(concept, keys);
    }
    return keys;
  }

  /**
   * A glossary phrase's keys: its concept's, and in knowledge text its words' stems too, so that
   * a question saying only "centre" still finds the fact about the "centre de recherche". One
   * array for every occurrence of a phrase written alike: an article's weights are worked out
   * once per array (see `indexEntries`), and the knowledge's texts share them. Knowledge words
   * are never corrected, so the words as written give their norms and stems.
   */
  private phraseKeys(
    concept: Concept,
    span: ReadonlyArray<{ token: Token; norm: string }>,
    correct: boolean,
    language: Language | null,
  ): readonly string[] {
    if (correct) return this.keysOfConcept(concept);
    const written = spanText(span, LOWER);
    const byConcept = this.phraseKeyCache[language ?? 'both'];
    let byWritten = byConcept.get(concept);
    if (!byWritten) {
      byWritten = new Map();
      byConcept.set(concept, byWritten);
    }
    let keys = byWritten.get(written);
    if (!keys) {
      const parts = span
        .filter((word) => word.norm.length >= 3 && !STOPWORDS.has(word.norm))
        .flatMap((word) => stemKeys(word.norm, word.token.raw.toLowerCase(), language));
      keys = [...new Set([conceptKey(concept), ...parts])];
      byWritten.set(written, keys);
    }
    return keys;
  }

  /**
   * A question's word in the other language's stems, from the bridge: "cost" also finds "coûté".
   * Names and numbers are kept as they are.
   */
  private translations(norm: string, language: Language | null, accented?: string): readonly string[] {
    const bridge = this.bridge;
    if (bridge === null || startsWithNumber(norm)) return NO_KEYS;
    const memo = this.alternates?.translations[language ?? 'both'];
    const kept = memo?.get(norm, accented);
    if (kept !== undefined) return kept;
    const from = language ? [language] : LANGUAGES;
    const keys = [
      ...new Set(from.flatMap((l) => [...bridge.keysOf(norm, l, accented), ...this.cognateKeys(norm, l)])),
    ];
    memo?.set(norm, accented ?? '', keys);
    return keys;
  }

  /**
   * A word's translations, and its singular's if it is a French verb's plural: the kept array
   * itself when there is none (no copy per question).
   */
  private translationsWith(singular: string | null, keys: readonly string[]): readonly string[] {
    return singular === null ? keys : [...new Set([...keys, ...this.translations(singular, 'fr')])];
  }

  /** The translation keys a sentence holds only with an accent (see `Term.accents`), kept as translations are. */
  private accents(
    norm: string,
    language: Language | null,
    accented?: string,
  ): ReadonlyMap<string, readonly string[]> {
    const bridge = this.bridge;
    if (bridge?.accentsOf === undefined || startsWithNumber(norm)) return NO_ACCENTS;
    const memo = this.alternates?.accents[language ?? 'both'];
    const kept = memo?.get(norm, accented);
    if (kept !== undefined) return kept;
    const from = language ? [language] : LANGUAGES;
    const maps = from.map((l) => bridge.accentsOf?.(norm, l, accented) ?? NO_ACCENTS);
    const found = maps.filter((map) => map.size > 0);
    const accents = found.length <= 1 ? (found[0] ?? NO_ACCENTS) : new Map(found.flatMap((map) => [...map]));
    memo?.set(norm, accented ?? '', accents);
    return accents;
  }

  /**
   * A question's word in the stems of words of its own language that may stand for it, from the
   * thesaurus: "blazes" also finds "fires", "note" finds "facture". Names and numbers have none.
   */
  private synonyms(norm: string, language: Language | null): readonly string[] {
    const thesaurus = this.thesaurus;
    if (thesaurus === null || startsWithNumber(norm)) return NO_KEYS;
    const memo = this.alternates?.synonyms[language ?? 'both'];
    const kept = memo?.get(norm);
    if (kept !== undefined) return kept;
    const from = language ? [language] : LANGUAGES;
    const keys = [...new Set(from.flatMap((l) => thesaurus.keysOf(norm, l)))];
    memo?.set(norm, '', keys);
    return keys;
  }

  /**
   * A question's one-word glossary concept in the other language's stems, as a plain word gets
   * them: a concept's variants are the reviewed article's words, and an unreviewed sentence of
   * the other language says it its own way ("trip" is the state visit's word, and "trajet" the
   * article's). Names and phrases are not translated word by word.
   */
  private conceptTranslations(
    concept: Concept,
    span: ReadonlyArray<{ norm: string }>,
    correct: boolean,
    language: Language | null,
  ): readonly string[] {
    const word = span.length === 1 ? span[0] : undefined;
    if (!correct || concept.kind === 'entity' || word === undefined) return NO_KEYS;
    return this.translations(word.norm, language);
  }

  /**
   * A capitalised real word of the question's language that translates a word of a name the
   * knowledge holds is that word of the name, not a name of its own: "la ministre de l'Eau" asks
   * about an English article's "Water Minister". "Paris" (paris: bets) and "World Cup" stay names.
   */
  private translatesName(token: Token, norm: string, language: Language | null): boolean {
    const bridge = this.bridge;
    if (bridge === null || isAllCaps(token.raw)) return false;
    return (language ? [language] : LANGUAGES).some(
      (l) => this.lexicon.has(norm, l) && bridge.keysOf(norm, l).some((key) => this.nameStems().has(key)),
    );
  }

  /** The stems of the words of the names the knowledge holds, in either language: made when first asked. */
  private nameStems(): ReadonlySet<string> {
    this.nameStemSet ??= new Set(
      [...this.nameWords].flatMap((word) => LANGUAGES.flatMap((l) => stemKeys(word, undefined, l))),
    );
    return this.nameStemSet;
  }

  /**
   * Words of the other language's articles that share a long first part with this one, as
   * cognates do: "electricity" and "électricité", "investment" and "investissement"; a shorter
   * word only when they write it the same and this language's texts do not ("vice" of
   * "vice-présidente": each language stems it its own way).
   */
  private cognateKeys(norm: string, language: Language): string[] {
    const other: Language = language === 'fr' ? 'en' : 'fr';
    if (norm.length < MIN_COGNATE) {
      const same = this.wordsOf[other].has(norm) && !this.speaks(language, norm);
      return same && norm.length >= MIN_CORRECTABLE ? [...stemKeys(norm, undefined, other)] : [];
    }
    return (this.cognates[other].get(cognatePrefix(norm)) ?? [])
      .filter((word) => !this.speaks(language, word))
      .flatMap((word) => stemKeys(word, undefined, other));
  }

  /**
   * Whether a language's texts write the word, beyond the names that hold it: a name is learnt in
   * both languages, but "Tarsay Ferry Company" makes "ferry" no French word.
   */
  private speaks(language: Language, norm: string): boolean {
    return this.wordsOf[language].has(norm) && !this.nameWords.has(norm);
  }

  private matchPhrase(
    words: ReadonlyArray<{ token: Token; norm: string }>,
    from: number,
    language: Language | null = null,
    /** The language the text is surely in: a knowledge text's, or a question's plain one. */
    written: Language | null = language,
  ): { concept: Concept; length: number } | null {
    // The longest phrase wins: the span grows word by word while it still starts some phrase.
    let longest: { concept: Concept; length: number } | null = null;
    let phrase = '';
    for (let length = 1; length <= Math.min(MAX_PHRASE, words.length - from); length++) {
      const norm = words[from + length - 1]?.norm ?? '';
      phrase = length === 1 ? norm : `${phrase} ${norm}`;
      const found = this.phrases.get(phrase);
      if (found?.concept) longest = { concept: found.concept, length };
      if (!found?.longer) break;
    }
    if (longest?.length !== 1) return longest;
    // A one-word variant that is also a function word ("US" / "us") counts only when capitalised,
    // unless it is one only in the other language ("chose" in an English text).
    const first = words[from];
    const foreignStopword = first !== undefined && written !== null && !isStopwordOf(first.norm, written);
    if (first && STOPWORDS.has(first.norm) && !foreignStopword && !isAllCaps(first.token.raw)) return null;
    if (first && this.falseFriend(first.norm, longest.concept, language)) return null;
    return longest;
  }

  /**
   * A glossary phrase whose first word is typed exactly and a later word with one slip, though
   * that word is itself a real word: "prime minster", "premier ministe". The phrase confirms the
   * correction that a lone real word never gets.
   */
  private matchPhraseWithSlip(
    words: ReadonlyArray<{ token: Token; norm: string }>,
    from: number,
  ): { concept: Concept; length: number } | null {
    const first = words[from]?.norm;
    if (first === undefined || STOPWORDS.has(first)) return null;
    let best: { concept: Concept; length: number } | null = null;
    for (const { norms, concept } of this.phrasesByFirst.get(first) ?? []) {
      const span = words.slice(from, from + norms.length);
      if (span.length < norms.length || norms.length <= (best?.length ?? 0)) continue;
      const fits = norms.every((norm, k) => {
        const typed = span[k]?.norm ?? '';
        if (typed === norm) return true;
        return (
          typed.length >= MIN_CORRECTABLE &&
          norm.length >= MIN_CORRECTABLE &&
          editDistance(typed, norm, 1) <= 1
        );
      });
      if (fits) best = { concept, length: norms.length };
    }
    return best;
  }

  /**
   * Whether a variant describes its entity rather than names it: an adjective ("japonais"), or
   * a common noun the glossary writes in lower case ("région", "archipel"), which stands for the
   * entity in one article's context and names nothing in another's.
   */
  private isAdjective(concept: Concept, norms: string): boolean {
    // A name found in an article has no adjective, and is written with capitals.
    if (concept.found) return false;
    let adjectives = this.adjectives.get(concept.id);
    if (!adjectives) {
      adjectives = new Set([...(concept.adjectives ?? []), ...commonVariants(concept)].map(phraseOf));
      this.adjectives.set(concept.id, adjectives);
    }
    return adjectives.has(norms);
  }

  private conceptByStem(keys: readonly string[]): Concept | undefined {
    for (const key of keys) {
      const concept = this.stemmedVariants.get(key);
      if (concept) return concept;
    }
    return undefined;
  }

  private looksLikeName(token: Token, norm: string): boolean {
    if (!token.capitalised || this.vocabulary.has(norm)) return false;
    // A capital on the first word is ordinary; there it marks a name only if no dictionary knows it.
    if (token.index === 0) return !this.lexicon.has(norm) || isAllCaps(token.raw);
    return true;
  }

  /**
   * A word of a name the knowledge holds, or, typed as a word of a name is ("Resiliance"), one it
   * writes with a capital. An acronym is no such slip: CPUs are not GPUs.
   */
  private isNameWord(norm: string, raw: string): boolean {
    return this.nameWords.has(norm) || (this.capitalWords.has(norm) && TITLE_CASE.test(raw));
  }

  /** "larticle", "dinvestissement": an elision typed without its apostrophe, when the rest is a known word. */
  private withoutElision(norm: string): string | null {
    if (this.isKnown(norm)) return null;
    const rest = ELIDED.exec(norm)?.[1];
    // Elisions are French: the rest must be a word of the knowledge or a French one
    // ("semmet" is a slip for "sommet", not s' + the English "emmet").
    return rest !== undefined && this.isKnown(rest, 'fr') ? rest : null;
  }

  /** A word of the knowledge, a function word, or a real word (of `language` when it is known). */
  private isKnown(norm: string, language: Language | null = null): boolean {
    return (
      this.vocabulary.has(norm) ||
      STOPWORDS.has(norm) ||
      QUESTION_WORDS.has(norm) ||
      this.phrases.get(norm)?.concept != null ||
      this.lexicon.has(norm, language ?? undefined)
    );
  }

  /**
   * The vocabulary word a typo stands for, or null. Never "corrects" a word that is itself a
   * real word (price must not become prime), a short word, or a function word. In a question
   * whose language is known, only that language's words count as real: with accents folded,
   * an English "facilites" is a French word (facilités), and still a typo for "facilities".
   */
  private correct(norm: string, budget: { searches: number }, language: Language | null): string | null {
    if (norm.length < MIN_CORRECTABLE || holdsNumber(norm) || this.isKnown(norm, language)) return null;
    const cached = this.corrections.get(norm);
    if (cached !== undefined) return cached;
    if (budget.searches <= 0) return null;
    budget.searches -= 1;
    const fixed = this.completion(norm) ?? this.closest(norm) ?? this.slippedForm(norm, language);
    if (this.corrections.size >= CORRECTION_CACHE) this.corrections.clear();
    this.corrections.set(norm, fixed);
    return fixed;
  }

  /**
   * The knowledge's word that an unknown word is the clipped start of, as people clip words in
   * chat ("l'asso des usagers", "why go with desal"): only when every such word is a form of the
   * same one (one stem), else the clipping says too little to choose.
   */
  private completion(norm: string): string | null {
    if (norm.length < MIN_CLIPPED) return null;
    let shortest: string | null = null;
    let stems: readonly string[] = [];
    for (const word of this.wordsStarting(norm)) {
      if (word.length < norm.length + MIN_CLIPPED_OFF || !this.vocabulary.has(word)) continue;
      const keys = stemKeys(word);
      if (shortest === null) stems = keys;
      else if (!keys.some((key) => stems.includes(key))) return null;
      if (shortest === null || word.length < shortest.length) shortest = word;
    }
    return shortest;
  }

  /**
   * The vocabulary's words that start with `prefix`, in vocabulary order: found by halves in the
   * words sorted once, on the first question that needs it, not by reading every word each time.
   */
  private wordsStarting(prefix: string): string[] {
    const texts = this.pairIndex.texts;
    if (this.prefixOrder === undefined) {
      const order = Array.from(texts.keys());
      order.sort((a, b) => ((texts[a] as string) < (texts[b] as string) ? -1 : 1));
      this.prefixOrder = new Int32Array(order);
    }
    const order = this.prefixOrder;
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((texts[order[middle] as number] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let i = low; i < order.length && (texts[order[i] as number] as string).startsWith(prefix); i++)
      found.push(order[i] as number);
    return found.sort((a, b) => a - b).map((n) => texts[n] as string);
  }

  /** Whether the bridge knows the word in either language: a word, then, not a slip for a function word ("coute"). */
  private translates(norm: string): boolean {
    const bridge = this.bridge;
    return bridge !== null && LANGUAGES.some((l) => bridge.keysOf(norm, l).length > 0);
  }

  /**
   * The real word a typo is one slip away from, where it is another form of a word the knowledge
   * holds: "comencent" is "commencent", a form of the article's "commencer", which is too many
   * slips away to be found itself. Several such words of different stems say too little to
   * choose; a short typo is left alone (many real words are one slip from it).
   */
  private slippedForm(norm: string, language: Language | null): string | null {
    if (norm.length < MIN_SLIPPED_FORM) return null;
    let found: string | null = null;
    let stems: readonly string[] = [];
    for (const word of oneSlipFrom(norm)) {
      if (STOPWORDS.has(word) || !this.lexicon.has(word, language ?? undefined)) continue;
      const keys = withSingular(stemKeys(word, undefined, language), this.singularOf(word, language));
      if (!this.holdsFormOf(keys, language)) continue;
      if (found === null) {
        found = word;
        stems = keys;
      } else if (!keys.some((key) => stems.includes(key))) return null;
    }
    return found;
  }

  /** Whether the vocabulary holds a word of one of these stems ("commencer" for s:commenc). */
  private holdsFormOf(keys: readonly string[], language: Language | null): boolean {
    return keys.some((key) => {
      const stem = key.slice(STEM_KEY_PREFIX.length);
      return (
        stem.length >= MIN_CLIPPED &&
        this.wordsStarting(stem).some((word) => stemKeys(word, undefined, language).includes(key))
      );
    });
  }

  /** The vocabulary word a typo is one or two slips away from (see `correct`), or null. */
  private closest(norm: string): string | null {
    // Only words of about the same length sharing enough letter pairs can be a one- or two-letter
    // slip away; fuse.js then scores those few.
    const { pairs, counts } = this.pairIndex.shared(norm);
    const candidates: string[] = [];
    for (const [index, count] of counts) {
      const word = this.pairIndex.texts[index] ?? '';
      if (count < pairs * MIN_SHARED_BIGRAMS || Math.abs(word.length - norm.length) > 1) continue;
      if (this.vocabulary.has(word) || (norm.length >= MIN_FUNCTION_TYPO && !this.translates(norm)))
        candidates.push(word);
    }
    const fuse = new Fuse(candidates, {
      includeScore: true,
      threshold: CORRECTION_THRESHOLD,
      ignoreLocation: true,
    });
    let best: { word: string; score: number } | null = null;
    // A typo is one slip in a short word, two in a long one: fuse.js ranks, the edit count decides.
    const maxEdits = norm.length >= LONG_WORD ? 2 : 1;
    for (const result of fuse.search(norm, { limit: 3 })) {
      const score = result.score ?? 1;
      if (score > CORRECTION_THRESHOLD || (best !== null && score >= best.score)) continue;
      if (editDistance(norm, result.item, maxEdits) <= maxEdits) best = { word: result.item, score };
    }
    return best?.word ?? null;
  }
}

/** The letters a slip may add or put in a word's place; a question's words are folded to them. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The words one slip from `word`, each once, in a fixed order: a letter left out, two swapped,
 * one in another's place, one added.
 */
export function oneSlipFrom(word: string): string[] {
  const found = new Set<string>();
  for (let i = 0; i < word.length; i++) found.add(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i + 1 < word.length; i++)
    found.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i <= word.length; i++)
    for (const letter of LETTERS) {
      if (i < word.length && letter !== word[i]) found.add(word.slice(0, i) + letter + word.slice(i + 1));
      found.add(word.slice(0, i) + letter + word.slice(i));
    }
  found.delete(word);
  return [...found];
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, swaps of neighbours),
 * giving up with `limit + 1` as soon as it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** Each kind of question word's keys: one array per kind, for every question word of it. */
const QUESTION_KEYS = new Map<QuestionClass, readonly string[]>();

/** A question word ("qui", "how much"): the kind of answer it asks for is its key. */
function questionTerm(token: Token, questionClass: QuestionClass): Term {
  let keys = QUESTION_KEYS.get(questionClass);
  if (!keys) {
    keys = [`q:${questionClass}`];
    QUESTION_KEYS.set(questionClass, keys);
  }
  return {
    surface: token.raw,
    keys,
    question: true,
    concept: null,
    name: false,
    corrected: false,
    known: true,
    position: token.index,
    span: 1,
    adjective: false,
  };
}

function isAllCaps(raw: string): boolean {
  return raw.length >= 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}
