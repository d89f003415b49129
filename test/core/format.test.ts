import { describe, expect, it } from 'vitest';
import { formatLocation, formatPercent } from '../../src/core/format.js';

describe('how a place in the article and a percentage are written', () => {
  it('writes a place with § and "phrase" in French, ¶ and "sentence" in English', () => {
    expect(formatLocation({ paragraph: 2, sentence: 1 }, 'fr')).toBe('§2, phrase 1');
    expect(formatLocation({ paragraph: 2, sentence: 1 }, 'en')).toBe('¶2, sentence 1');
  });

  it('writes a percentage with a space before % in French only', () => {
    expect(formatPercent(1, 'fr')).toBe('100 %');
    expect(formatPercent(1, 'en')).toBe('100%');
  });

  it('rounds a ratio to a whole percentage', () => {
    expect(formatPercent(0.654, 'en')).toBe('65%');
    expect(formatPercent(0.655, 'fr')).toBe('66 %');
    expect(formatPercent(0, 'en')).toBe('0%');
  });
});
