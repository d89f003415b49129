// Minimal typings for dependencies that ship none.
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  const snowball: { newStemmer(language: string): Stemmer; algorithms(): string[] };
  export default snowball;
}

// One module per language (ES modules that Node reads by their syntax, the package having no "type").
declare module 'stopword/src/stopwords_eng.js' {
  export const eng: string[];
}

declare module 'stopword/src/stopwords_fra.js' {
  export const fra: string[];
}

declare module 'an-array-of-english-words' {
  const words: string[];
  export default words;
}

declare module 'an-array-of-french-words' {
  const words: string[];
  export default words;
}

declare module 'porter2' {
  /** The Porter2 (Snowball English) stem of a lower-case word. */
  export function stem(word: string): string;
}
