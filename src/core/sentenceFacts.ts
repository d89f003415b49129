import type { Bilingual, Fact, Language, Sentence, Source } from './types.js';

/** Questions a sentence could answer, to suggest it (none by default). */
export type QuestionMaker = (sentence: string, language: Language) => Bilingual<string[]>;

/**
 * Every sentence of an article that no reviewed fact quotes from becomes evidence by itself:
 * its quote is the whole sentence, its answer the article's own words. A reviewed fact takes
 * precedence over the sentence it quotes from.
 */
export function sentenceFactsOf(
  source: Source,
  reviewed: readonly Fact[],
  questionsOf: QuestionMaker,
): Fact[] {
  return uncoveredSentences(source, reviewed).map((sentence) => sentenceFact(source, sentence, questionsOf));
}

/** The sentences of an article that no reviewed fact quotes from. */
export function uncoveredSentences(source: Source, reviewed: readonly Fact[]): Sentence[] {
  const covered = new Set(
    reviewed.map((fact) => sentenceKey(fact.location.paragraph, fact.location.sentence)),
  );
  return source.sentences.filter(
    (sentence) => !covered.has(sentenceKey(sentence.paragraph, sentence.sentence)),
  );
}

function sentenceFact(source: Source, sentence: Sentence, questionsOf: QuestionMaker): Fact {
  const { paragraph, sentence: number, text } = sentence;
  const language = source.language;
  let questions: Bilingual<string[]> | undefined;
  return {
    id: `${source.id}:p${paragraph}s${number}`,
    source: source.id,
    quote: text,
    location: { paragraph, sentence: number },
    // The answer is written when the engine answers, from the part of the sentence that does.
    answer: { fr: text, en: text },
    // Written when first read (suggestions, autocomplete), not while the article is indexed:
    // nothing that answers reads them, and a caller may have them written meanwhile elsewhere.
    get questions() {
      questions ??= questionsOf(text, language);
      return questions;
    },
    featured: false,
    uncurated: true,
  };
}

function sentenceKey(paragraph: number, sentence: number): string {
  return `${paragraph}:${sentence}`;
}
