import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidateQuestions } from '../../src/core/candidates.js';
import { MAX_CANDIDATES } from '../../src/core/questionTemplates.js';
import { splitSentences } from '../../src/core/segment.js';
import { foldText } from '../../src/core/text.js';
import type { Language } from '../../src/core/types.js';

// The two practice articles: news the knowledge base has no fact about, one in each language.
const ARTICLES = (['fr', 'en'] as const).map((language) => {
  const text = readFileSync(
    new URL(`../fixtures/articles/${language}-practice.txt`, import.meta.url),
    'utf8',
  );
  return { language, sentences: splitSentences(text).map((sentence) => sentence.text) };
});

/** The sentence of a practice article that starts with `start`. */
function sentence(language: Language, start: string): string {
  const found = ARTICLES.find((article) => article.language === language)?.sentences.find((text) =>
    text.startsWith(start),
  );
  if (!found) throw new Error(`no sentence starts with "${start}"`);
  return found;
}

describe('candidateQuestions', () => {
  it('asks who a person named after a comma is, in both languages, and what they said when quoted', () => {
    const varga = candidateQuestions(sentence('en', 'The Mayor of Geraldton'), 'en');
    expect(varga.en).toContain('Who is Tom Varga?');
    expect(varga.fr).toContain('Qui est Tom Varga ?');
    expect(varga.en).not.toContain('What did Tom Varga say?');
    const morvan = candidateQuestions(sentence('fr', '« C’est une victoire'), 'fr');
    expect(morvan.fr.slice(0, 2)).toEqual(['Qui est Hélène Morvan ?', 'Qu’a déclaré Hélène Morvan ?']);
    expect(morvan.en.slice(0, 2)).toEqual(['Who is Hélène Morvan?', 'What did Hélène Morvan say?']);
  });

  it('takes a person after a title too, but not the capitalised word that starts the sentence', () => {
    const { en } = candidateQuestions(sentence('en', 'Dr Priya Nandakumar'), 'en');
    expect(en[0]).toBe('Who is Priya Nandakumar?');
    expect(en.join(' ')).not.toMatch(/\bDr\b/);
  });

  it('asks what a sum is for, keeping it as written, in both languages', () => {
    const works = candidateQuestions(sentence('fr', 'Les travaux ont coûté'), 'fr');
    expect(works.fr[0]).toBe('À quoi correspond la somme de « 118 millions d’euros » ?');
    expect(works.en[0]).toBe('What is the sum of “118 millions d’euros” for?');
    expect(candidateQuestions(sentence('en', 'A $410 million'), 'en').en[0]).toBe(
      'What is the sum of “$410 million” for?',
    );
  });

  it('asks what happens at a time, with its preposition in the article’s language and without in the other', () => {
    const reopened = candidateQuestions(sentence('fr', 'Après neuf ans'), 'fr');
    expect(reopened.fr).toContain('Que se passe-t-il « depuis lundi 14 septembre » ?');
    expect(reopened.en).toContain('What does the article say about “lundi 14 septembre”?');
    expect(candidateQuestions(sentence('en', 'Construction began'), 'en').en).toContain(
      'What happens “in March 2023”?',
    );
    expect(candidateQuestions(sentence('fr', 'Le premier TER'), 'fr').fr).toContain(
      'Que se passe-t-il « à 6 h 42 » ?',
    );
  });

  it('asks how many of what a number counts, and what a percentage refers to', () => {
    expect(candidateQuestions(sentence('en', 'Construction began'), 'en').en).toContain('How many workers?');
    const train = candidateQuestions(sentence('fr', 'Le premier TER'), 'fr');
    expect(train.fr).toContain('Combien de passagers ?');
    expect(train.en).toContain('What does “87 passagers” refer to?');
    expect(candidateQuestions(sentence('fr', 'Elle vise'), 'fr').fr).toContain('Combien de voyageurs ?');
    expect(candidateQuestions(sentence('en', 'The facility'), 'en').en).toContain(
      'What does “60 per cent” refer to?',
    );
    expect(candidateQuestions('Le réseau compte 12 arrêts.', 'fr').fr).toEqual(['Combien d’arrêts ?']);
  });

  it('asks what happens in a place, with the article’s own preposition when it may keep it', () => {
    expect(candidateQuestions(sentence('en', 'A $410 million'), 'en').en).toContain(
      'What happens in Geraldton?',
    );
    const study = candidateQuestions(sentence('fr', 'La région a indiqué'), 'fr');
    expect(study.fr).toContain('Que se passe-t-il à Montbrison ?');
    expect(study.en).toContain('What happens in Montbrison?');
    expect(candidateQuestions('Le groupe investira au Japon.', 'fr')).toEqual({
      fr: ['Que se passe-t-il au Japon ?'],
      en: ['What happens in Japon?'],
    });
  });

  it('joins a name’s words over particles and keeps its article in the article’s language', () => {
    const varga = candidateQuestions(sentence('en', 'The Mayor of Geraldton'), 'en');
    expect(varga.en).toContain('What does the article say about the Mayor of Geraldton?');
    expect(varga.fr).toContain('Que dit l’article sur Mayor of Geraldton ?');
    expect(candidateQuestions(sentence('fr', 'Selon le quotidien'), 'fr').fr).toContain(
      'Que dit l’article sur L’Écho du Forez ?',
    );
  });

  it('finds nothing to ask in a sentence with no name, figure or time', () => {
    expect(candidateQuestions(sentence('en', 'Environmental groups'), 'en')).toEqual({ fr: [], en: [] });
    expect(candidateQuestions(sentence('fr', 'Tous les usagers'), 'fr')).toEqual({ fr: [], en: [] });
  });

  it('reads a lower-case "may" as no month in English', () => {
    expect(candidateQuestions('Officials may decide in June.', 'en').en).toEqual(['What happens “in June”?']);
  });

  it(`gives at most ${MAX_CANDIDATES} distinct questions a language, quoting only the sentence’s own words`, () => {
    let asked = 0;
    for (const { language, sentences } of ARTICLES) {
      for (const text of sentences) {
        for (const questions of Object.values(candidateQuestions(text, language))) {
          asked += questions.length;
          expect(questions.length, text).toBeLessThanOrEqual(MAX_CANDIDATES);
          expect(new Set(questions.map(foldText)).size, text).toBe(questions.length);
          for (const question of questions) {
            for (const [, quoted] of question.matchAll(/[«“] ?(.+?) ?[»”]/gu)) expect(text).toContain(quoted);
          }
        }
      }
    }
    expect(asked).toBeGreaterThan(120);
  });
});
