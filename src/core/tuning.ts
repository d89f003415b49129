/** The knobs of scoring and decision. Scores are 0..1 and mean the same for every question. */
export interface Tuning {
  /** Below this the engine refuses: the article does not say. */
  readonly answer: number;
  /** The same for a sentence no reviewed fact covers, which has no alternate questions to match. */
  readonly answerUncurated: number;
  /** A yes/no question whose claim a fact corrects (another name or value in its place) is
   * answered with the correction from this score up. */
  readonly correction: number;
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
  /** A list question cites further facts scoring at least this share of the first. */
  readonly listShare: number;
  /** An answer that leaves out a glossary topic of the question weighing at least `topicShare`
   * of it, which other facts of the article do treat, is at most this confident: hedged. */
  readonly leftOutTopic: number;
  readonly topicShare: number;
  /** A question's word found in an uncurated sentence only through its translation counts for
   * this share of its weight. */
  readonly bridged: number;
  /** The same for a word found only through a synonym of its own language (the thesaurus). */
  readonly related: number;
  /** An uncurated sentence without the question's weightiest word keeps this share of its match. */
  readonly missingKeyWord: number;
  /** Between articles, a reviewed fact's answer is preferred as if this much more confident. */
  readonly reviewed: number;
}

export const DEFAULT_TUNING: Tuning = {
  answer: 0.5,
  answerUncurated: 0.42,
  correction: 0.35,
  confident: 0.65,
  tie: 0.97,
  spanningScore: 0.15,
  spanningShare: 0.2,
  questionWord: 1,
  unknownWord: 1.2,
  alternateShare: 0.3,
  noQuantity: 1,
  missingName: 0.75,
  noName: 1,
  noTime: 1,
  noNewName: 0.6,
  noSpeech: 0.6,
  listShare: 0.6,
  leftOutTopic: 0.6,
  topicShare: 0.12,
  bridged: 0.8,
  related: 0.5,
  missingKeyWord: 0.75,
  reviewed: 0.1,
};
