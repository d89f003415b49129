import { describe, expect, it } from 'vitest';
import { countOccurrences, locateQuote, splitSentences } from '../../src/core/segment.js';

describe('splitSentences', () => {
  const text = [
    'Première phrase. Deuxième phrase avec « une citation. Qui continue » et la suite.',
    '',
    'Un paragraphe avec une coquille. de plus. Et une fin',
  ].join('\n');
  const sentences = splitSentences(text);

  it('numbers paragraphs by non-empty lines and sentences within them from 1', () => {
    expect(sentences.map((s) => [s.paragraph, s.sentence])).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ]);
  });

  it('never splits inside « … » nor before a lower-case word', () => {
    expect(sentences[1]?.text).toBe('Deuxième phrase avec « une citation. Qui continue » et la suite.');
    expect(sentences[2]?.text).toBe('Un paragraphe avec une coquille. de plus.');
  });

  it('ends a sentence after the quote that closes it, when a capital follows', () => {
    const texts = (line: string) => splitSentences(line).map((sentence) => sentence.text);
    expect(texts('He warned that “a brochure is not a boat.” Claire Beaton disagreed.')).toEqual([
      'He warned that “a brochure is not a boat.”',
      'Claire Beaton disagreed.',
    ]);
    expect(texts('« C’est fini. » Le maire est parti.')).toEqual(['« C’est fini. »', 'Le maire est parti.']);
    expect(texts('« Vraiment ? » a-t-il dit. “Yes.” she said.')).toEqual([
      '« Vraiment ? » a-t-il dit.',
      '“Yes.” she said.',
    ]);
  });

  it('records where each sentence starts in the whole text', () => {
    for (const sentence of sentences)
      expect(text.slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
  });
});

describe('locateQuote', () => {
  const sentences = splitSentences('Alpha beta. Gamma delta.\nEpsilon zeta.');

  it('returns the paragraph and sentence that hold the quote', () => {
    expect(locateQuote(sentences, 'delta')).toEqual({ paragraph: 1, sentence: 2 });
    expect(locateQuote(sentences, 'Epsilon')).toEqual({ paragraph: 2, sentence: 1 });
  });

  it('returns null for a quote that is not verbatim or spans sentences', () => {
    expect(locateQuote(sentences, 'alpha')).toBeNull();
    expect(locateQuote(sentences, 'beta. Gamma')).toBeNull();
    expect(locateQuote(sentences, '  ')).toBeNull();
  });
});

describe('countOccurrences', () => {
  it('counts every occurrence', () => {
    expect(countOccurrences('a la la la', 'la')).toBe(3);
    expect(countOccurrences('abc', '')).toBe(0);
  });
});
