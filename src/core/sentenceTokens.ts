import { type Token, tokenise } from './text.js';

/**
 * Each sentence's tokens, read once per build. Several passes read every sentence far apart (the
 * names of every article, then each article's vocabulary and analysis); the tokeniser's own cache
 * keeps only the last few texts. The analysis of an article takes its sentences' tokens, and
 * those it did not take (a sentence a reviewed fact covers) go once the article is indexed.
 */
export class SentenceTokens {
  private readonly kept = new Map<string, readonly Token[]>();

  /** A sentence's tokens, kept for a later pass. */
  of(text: string): readonly Token[] {
    let tokens = this.kept.get(text);
    if (tokens === undefined) {
      tokens = tokenise(text);
      this.kept.set(text, tokens);
    }
    return tokens;
  }

  /** A sentence's tokens when kept, no longer kept; undefined for a text no pass read. */
  take(text: string): readonly Token[] | undefined {
    const tokens = this.kept.get(text);
    if (tokens !== undefined) this.kept.delete(text);
    return tokens;
  }
}
