import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../src/core/types.js';

/** The smallest answer shape the scorer reads: the same for the engine and the baseline. */
export interface MinimalAnswer {
  readonly answered: boolean;
  readonly citations: readonly { readonly quote: string }[];
}

export interface Baseline {
  ask(question: string): MinimalAnswer;
}

/** Every sentence of every source of the knowledge base, in order. */
export function sentencesOf(knowledge: KnowledgeBase): string[] {
  return knowledge.sources.flatMap((source) => source.sentences.map((sentence) => sentence.text));
}

/**
 * The naive baseline: fuse.js with its DEFAULT options over the article's sentences. It answers
 * with the top result (the sentence itself is the quote) and refuses only when Fuse finds nothing.
 */
export function createBaseline(sentences: readonly string[]): Baseline {
  const fuse = new Fuse(sentences);
  return {
    ask(question) {
      const top = fuse.search(question)[0];
      return top ? { answered: true, citations: [{ quote: top.item }] } : { answered: false, citations: [] };
    },
  };
}
