// Minimal typings for dependencies that ship none.
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  const snowball: { newStemmer(language: string): Stemmer; algorithms(): string[] };
  export default snowball;
}

declare module 'stopword' {
  export const fra: string[];
  export const eng: string[];
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
