import { DEFAULT_TUNING, type Engine } from '../core/engine.js';
import type { Answer } from '../core/types.js';

/** What a curator could do about a group of questions. */
export type Advice =
  /** The nearest fact comes close: this question, as an alternate, would let it answer. */
  | { readonly kind: 'alternate'; readonly factId: string }
  /** A word no fact holds, without which the fact answers: maybe a synonym for the glossary. */
  | { readonly kind: 'glossary'; readonly word: string; readonly factId: string }
  /** Answered with low confidence: an alternate makes it sure, if the fact is the right one. */
  | { readonly kind: 'confirm'; readonly factId: string }
  /** The knowledge as it is now answers it with confidence: fixed since it was asked. */
  | { readonly kind: 'answered-now'; readonly factId: string }
  /** Nothing is close, or it names someone the article never mentions: nothing to add. */
  | { readonly kind: 'off-topic'; readonly names: readonly string[] };

type Adviser = Pick<Engine, 'ask' | 'explain' | 'knowledge'>;

/** A refusal whose nearest fact scores within this of the answer threshold is a near miss. */
export const NEAR_MISS = 0.15;

/** Answered, but hedged or under the confidence the engine is sure from. */
export function isLowConfidence(answer: {
  readonly answered: boolean;
  readonly confidence: number;
  readonly hedged?: boolean;
}): boolean {
  return answer.answered && (answer.hedged === true || answer.confidence < DEFAULT_TUNING.confident);
}

function answeredNow(answer: Answer): Advice | null {
  const factId = answer.citations[0]?.factId;
  if (!answer.answered || !factId || isLowConfidence(answer)) return null;
  return { kind: 'answered-now', factId };
}

/** `question` without `word`, matched whole and in any case. */
function withoutWord(question: string, word: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return question.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), ' ');
}

/**
 * Advice for a question the bot refused, from how the engine sees it now. A name the article
 * never mentions leaves nothing to add. One word that no fact holds, without which a fact
 * answers, may be a synonym for the glossary (an unknown word weighs like the rarest known one,
 * so it alone can sink a fact that scores twice `NEAR_MISS` under the threshold). Else a nearest
 * fact within `NEAR_MISS` of the threshold wants the question as an alternate; anything further
 * is off-topic.
 */
export function adviseRefused(question: string, engine: Adviser): Advice {
  const answer = engine.ask(question);
  const fixed = answeredNow(answer);
  if (fixed) return fixed;
  const explanation = engine.explain(question, engine.knowledge.facts.length);
  const covered = new Set(explanation.ranking.flatMap((fact) => fact.covered));
  const absent = explanation.terms.filter(
    (term) => !term.flags.split(',').includes('question') && !covered.has(term.surface),
  );
  const names = [
    ...(answer.unknownEntity?.split(', ') ?? []),
    ...absent.filter((term) => term.flags.split(',').includes('name')).map((term) => term.surface),
  ];
  if (names.length > 0) return { kind: 'off-topic', names: [...new Set(names)] };
  const nearest = explanation.ranking[0];
  const score = nearest?.score ?? 0;
  const [word, ...more] = absent.map((term) => term.surface);
  if (word !== undefined && more.length === 0 && score >= DEFAULT_TUNING.answer - 2 * NEAR_MISS) {
    const without = engine.explain(withoutWord(question, word), 1).ranking[0];
    if (without && without.score >= DEFAULT_TUNING.answer) {
      return { kind: 'glossary', word, factId: without.factId };
    }
  }
  if (nearest && score >= DEFAULT_TUNING.answer - NEAR_MISS)
    return { kind: 'alternate', factId: nearest.factId };
  return { kind: 'off-topic', names: [] };
}

/** Advice for a question answered with low confidence from `factId`. */
export function adviseLowConfidence(question: string, factId: string, engine: Adviser): Advice {
  return answeredNow(engine.ask(question)) ?? { kind: 'confirm', factId };
}
