/**
 * What was worked out for a word, by the word and one more string (its accented spelling, or ''),
 * kept up to a bound of words: those of lately, and those of the time before, from which a word
 * still in use is carried over when read. When the recent ones fill they become the older ones:
 * no pause to work the common words out again, and a flood of new words cannot grow it.
 */
export class WordMemo<V> {
  private recent = new Map<string, Map<string, V>>();
  private older = new Map<string, Map<string, V>>();
  private count = 0;

  constructor(private readonly bound: number) {}

  /** The value kept for the word, or undefined (no closure to make it: callers run per word). */
  get(word: string, variant = ''): V | undefined {
    const kept = this.recent.get(word)?.get(variant);
    if (kept !== undefined) return kept;
    const older = this.older.get(word)?.get(variant);
    if (older !== undefined) this.set(word, variant, older);
    return older;
  }

  set(word: string, variant: string, value: V): void {
    if (this.count >= this.bound) {
      this.older = this.recent;
      this.recent = new Map();
      this.count = 0;
    }
    let variants = this.recent.get(word);
    if (!variants) {
      variants = new Map();
      this.recent.set(word, variants);
    }
    variants.set(variant, value);
    this.count += 1;
  }
}
