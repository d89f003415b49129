/**
 * What the engine needs to know of one language: its words, by the job they do. One module per
 * language (`french.ts`, `english.ts`) fills it; the rules that read them know no language.
 * Words are written as people write them; every reader folds them (case, accents, apostrophes).
 */

/** The kinds of answer a question word asks for; "quel", "what" say nothing of it (generic). */
export type QuestionClass =
  | 'person'
  | 'time'
  | 'place'
  | 'reason'
  | 'manner'
  | 'amount'
  | 'name'
  | 'speech'
  | 'generic';

export interface LanguageRules {
  /** Chat spellings of question words ("pk", "wat"), read as the words they stand for. */
  readonly chatSpellings: Readonly<Record<string, string>>;
  /**
   * Phrases whose words say something else, read as the word they mean: "de nouveau" is "encore"
   * (again), and "new" must not find it.
   */
  readonly idioms: Readonly<Record<string, string>>;
  /** Words after which an idiom keeps its words: "quelque chose de nouveau" is something new. */
  readonly literalAfter: readonly string[];
  /** Question words by the kind of answer they ask for. */
  readonly questionWords: Readonly<Record<QuestionClass, readonly string[]>>;
  /** Function words and filler that the stopword package lacks. */
  readonly stopwords: readonly string[];
  /** Words that tell this language from the other, beyond its stopwords. */
  readonly hints: readonly string[];

  /** Nouns that, after "quel", "what", ask for an amount: montant, population, price, age. */
  readonly quantityNouns: readonly string[];
  /**
   * Nouns of a share: of a sum ("quelle part de la facture", "what part of the cost") they ask a
   * figure, a percentage rather than a sum; of anything else ("which part of Japan") they do not.
   */
  readonly shareNouns: readonly string[];
  /**
   * Nouns that count anyone or anything ("how many people", "combien de fois"): a sentence may
   * count them by another noun (residents, personnel), so they are not matched word for word.
   */
  readonly countedAnything: readonly string[];
  /** Question words that count what follows them, directly or after "de": many, combien. */
  readonly countWords: readonly string[];
  /** Nouns that ask for a place by its name: ville, pays, city, country. */
  readonly placeNouns: readonly string[];
  /** Nouns for a place people go to (salle, gare, hall): a sentence naming one says where. */
  readonly venueNouns: readonly string[];
  /** Nouns that ask for people: dirigeants, leaders, PDG. */
  readonly personNouns: readonly string[];
  /**
   * Words that place a role in time ("the current president", "le futur président"): "who is the
   * current president" asks for a president, which a sentence may name without the word.
   */
  readonly roleTimes: readonly string[];
  /** Nouns that ask for an organisation: entreprise, média, company, outlet. */
  readonly organisationNouns: readonly string[];
  /** Nouns that ask for a time: date, jour, year. */
  readonly timeNouns: readonly string[];
  /** Time nouns that ask for a date of the calendar, not a span: "what year", "quel jour". */
  readonly calendarNouns: readonly string[];
  /** Of those, the ones that ask for a year: "mardi" does not answer "in what year". */
  readonly yearNouns: readonly string[];
  /** Verbs that make "quel", "what" ask for a price wherever they stand: "what will it cost". */
  readonly costVerbs: readonly string[];
  /** Words that make an amount asked a sum of money: coûter, prix, cost, spend. */
  readonly moneyWords: readonly string[];
  /** Words after "combien", "how" that ask for a duration: temps, durée, duration. */
  readonly durationNouns: readonly string[];
  /**
   * Words after "how" that ask for a measure ("how long", "how far"): a length, a time or a
   * count, so that no one kind is checked.
   */
  readonly measureWords: readonly string[];
  /**
   * The measure words a figure with a unit answers ("how long", "how far": a duration, or so many
   * kilometres), not a bare count; not "how often", "how old" ("built in 1960" says).
   */
  readonly sizeWords: readonly string[];
  /** Words that ask an age with the question word before them ("how old", "quel âge"): a year or a duration answers. */
  readonly ageWords: readonly string[];
  /** Units of length, area, volume and weight: "54 kilomètres", "a 12-hectare site". */
  readonly measureUnits: readonly string[];
  /**
   * Of the measure words, the ones a duration answers ("how long"): a sentence nobody reviewed covers them
   * only where it says how long ("48 minutes", "a week"), not by any figure ("neuf allers-retours").
   */
  readonly durationMeasures: readonly string[];
  /** Units of length: "how long" may ask one ("a pipeline of 18 kilometres"). */
  readonly lengthUnits: readonly string[];
  /** Plural forms of "quel": they ask for a list. */
  readonly pluralQuestionWords: readonly string[];
  /**
   * Phrases that set an item apart ("à part l'État", "other than Agen"): the question asks for
   * the others, so the item is no answer, and an answer need not name it.
   */
  readonly exclusions: readonly string[];

  /** Numbers written as words, with their value. */
  readonly numberWords: Readonly<Record<string, number>>;
  /** Words that scale a number: milliard, billion. */
  readonly scaleWords: Readonly<Record<string, number>>;
  /**
   * Letters that scale a sum of money only, beside its currency: "£14.2m", "3,5 M€" (alone, "5m"
   * is five metres).
   */
  readonly sumScales: Readonly<Record<string, number>>;
  /** Currencies, by a code shared by both languages. */
  readonly currencies: Readonly<Record<string, string>>;
  /** Units of duration, by a code shared by both languages. */
  readonly durationUnits: Readonly<Record<string, string>>;
  /** Words that make a unit of time after a count a rate, not a duration ("nine rides a day", "par jour"). */
  readonly rateWords: readonly string[];
  /** Days and months, by a code shared by both languages. */
  readonly calendarWords: Readonly<Record<string, string>>;
  /** Words that place something in time without a date: aujourd'hui, prochain, during. */
  readonly timeWords: readonly string[];
  /**
   * Words that say when without a date or a year, as "when" asks, besides the time words that
   * are past or future words (hier, next): aujourd'hui, bientôt, ago. "Six ans" alone says how
   * long, not when.
   */
  readonly whenWords: readonly string[];
  /** Words before a duration that make it a when: "dans six mois", "within two years". */
  readonly durationPointers: readonly string[];
  /** Words after a duration that make it a when: "trois ans après", "two weeks later". */
  readonly durationFollowers: readonly string[];
  /** Words that put a time in the past ("l'an dernier", "last year") or the future. */
  readonly pastWords: readonly string[];
  readonly futureWords: readonly string[];
  /** Phrases that put what is asked before the article's news, by themselves: "before this", auparavant. */
  readonly pastPhrases: readonly string[];
  /**
   * Verb endings that place a verb in time, folded: the imperfect "coûtait" is past, "coûtera"
   * future. `tenselessEndings` end like them and are neither: the conditional "coûterait",
   * "refait". Only a sentence nobody reviewed is read by them.
   */
  readonly pastEndings: readonly string[];
  readonly futureEndings: readonly string[];
  readonly tenselessEndings: readonly string[];

  /** Prepositions before a place: au Japon, in Japan. */
  readonly locatives: readonly string[];
  /** Prepositions before a partner: avec Kishida, with Biden. */
  readonly partners: readonly string[];
  /** Prepositions before what something belongs to: président de Microsoft, of Japan. */
  readonly genitives: readonly string[];
  /** Prepositions before whom something is for: pour le Japon, for Japan (a place or a person). */
  readonly beneficiaries: readonly string[];
  /** Prepositions before a person something goes to: annoncé à Kishida, to Brad Smith. */
  readonly recipients: readonly string[];
  /** Articles and the like, skipped when looking at the word before a name. */
  readonly determiners: readonly string[];
  /** Words that join the items of a list: et, and. */
  readonly conjunctions: readonly string[];
  /**
   * "Or" spelt as a question word typed without its accent ("ou" for "où"): between two words of
   * one kind ("en dollars ou en yens") it is "or", elsewhere the question word.
   */
  readonly bareOr: readonly string[];
  /** Small words inside a name, between capitalised words: Boën-sur-Lignon, Mayor of Geraldton. */
  readonly nameLinks: readonly string[];
  /**
   * Nouns of a title or role, folded: capitalised dictionary words right after one are a name
   * ("Council leader Graham Holt"), where alone they would be taken for a title ("Water Minister").
   */
  readonly titleNouns: readonly string[];

  /** Phrases that make a statement a yes/no question: "c'est bien ça", "right". */
  readonly yesNoTags: readonly string[];
  /** First words of a yes/no question: "est-ce que", "is", "did". */
  readonly yesNoStarts: readonly string[];
  /** Words that ask for more precision than a vague answer gives: exactement, exactly. */
  readonly precisionWords: readonly string[];
  /** Pronouns that make "qui" ask what: "ce qui", "qu'est-ce qui". */
  readonly neuterPronouns: readonly string[];
  /** Auxiliaries that start the rest of a question ("what did…", "which will…"). */
  readonly auxiliaries: readonly string[];
  /** Words after a verb of saying that make it a report, not a question: "dit que", "said that". */
  readonly reportingWords: readonly string[];
  /** Words that give a reason or a purpose: afin, parce, because, order. */
  readonly reasonWords: readonly string[];
  /** Verbs of causing that make "what … ?" ask why: "what caused", "qu'est-ce qui a provoqué". */
  readonly causeVerbs: readonly string[];
  /** Auxiliaries of a past tense, between "what" and its verb: has, "qui a". */
  readonly perfectAuxiliaries: readonly string[];
  /** Verbs that report words ("a déclaré", "said"), for "what did X say". */
  readonly speechVerbs: readonly string[];
  /**
   * Words that give something its name when a capitalised word follows: "baptisé Fruitière des
   * Deux Vals", "called GPUs". "What will it be called" is answered by them.
   */
  readonly namingWords: readonly string[];
  /**
   * Irregular forms the stemmer cannot bring to their word's stem, folded, with that word:
   * "began" is "begin", "ouvert" is "ouvrir", "travaux" is "travail". A form is also matched
   * as its word, so that "opened" finds "ouvert" through the word list.
   */
  readonly lemmas: Readonly<Record<string, string>>;
  /**
   * Words whose last letters the stemmer takes for an ending though they belong to the word,
   * folded: stemmed, they would meet another word ("pays" would be "paye", "news" "new"). They
   * are their own key.
   */
  readonly wholeWords: readonly string[];
  /**
   * Verb plurals the stemmer leaves whole, folded endings: `plural` ends the plural, `singular`
   * its singular and `infinitive` the verb ("commencent": commence, commencer). A question's word
   * so ended, of a verb the word list has, also matches as its singular ("commenc").
   */
  readonly verbPlurals: ReadonlyArray<{ plural: string; singular: string; infinitive: string }>;
  /**
   * Noun and adjective endings whose feminine the stemmer gives another stem than the masculine's
   * ("paysan", paysanne; "directeur", directrice): an English word's translation also finds them.
   * Each ending a word ends with gives its feminines ("directeur": directrice, directeuse).
   */
  readonly feminineEndings: ReadonlyArray<{ masculine: string; feminines: readonly string[] }>;
}
