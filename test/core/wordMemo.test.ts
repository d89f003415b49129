import { describe, expect, it } from 'vitest';
import { WordMemo } from '../../src/core/wordMemo.js';

describe('WordMemo', () => {
  it('keeps a value by word and variant', () => {
    const memo = new WordMemo<string>(10);
    memo.set('ouvert', '', 'a');
    memo.set('ouvert', 'ouvert', 'b');
    expect(memo.get('ouvert')).toBe('a');
    expect(memo.get('ouvert', 'ouvert')).toBe('b');
    expect(memo.get('ferme')).toBeUndefined();
  });

  it('forgets words past its bound, but carries over one read again since', () => {
    const memo = new WordMemo<number>(2);
    memo.set('a', '', 1);
    memo.set('b', '', 2);
    // Full: "c" starts the next generation; "a" and "b" are the older one.
    memo.set('c', '', 3);
    expect(memo.get('a')).toBe(1);
    // Full again ("c", "a"): "b", never read since, goes with the older generation.
    memo.set('d', '', 4);
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('a')).toBe(1);
    expect(memo.get('d')).toBe(4);
  });
});
