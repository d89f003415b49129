import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/core/text.js';
import { readKnowledge } from '../../src/knowledge/load.js';
import { formatIssue } from '../../src/knowledge/validate.js';
import { SUPPLIED_ARTICLE_FILE, skipWithout } from '../eval/shared.js';

// Runs the knowledge linter and the rules behind it over the real knowledge/ folder.
const report = readKnowledge();
const knowledge = report.knowledge;

describe('knowledge/', () => {
  it('passes the linter with no error', () => {
    expect(report.errors.map(formatIssue)).toEqual([]);
    expect(knowledge).not.toBeNull();
  });

  it('holds 30 to 40 facts', () => {
    expect(knowledge?.facts.length).toBeGreaterThanOrEqual(30);
    expect(knowledge?.facts.length).toBeLessThanOrEqual(40);
  });

  it('quotes every fact verbatim from its article', () => {
    for (const fact of knowledge?.facts ?? []) {
      const source = knowledge?.sources.find((s) => s.id === fact.source);
      expect(source?.text, fact.id).toContain(fact.quote);
      const sentence = source?.sentences.find(
        (s) => s.paragraph === fact.location.paragraph && s.sentence === fact.location.sentence,
      );
      expect(sentence?.text, fact.id).toContain(fact.quote);
    }
  });

  it('covers every sentence of every article with at least one fact', () => {
    for (const source of knowledge?.sources ?? []) {
      expect(source.sentences.length).toBeGreaterThan(0);
      for (const sentence of source.sentences) {
        const covering = knowledge?.facts.filter(
          (fact) =>
            fact.source === source.id &&
            fact.location.paragraph === sentence.paragraph &&
            fact.location.sentence === sentence.sentence,
        );
        expect(covering?.length, `§${sentence.paragraph}.${sentence.sentence}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives every fact both languages and at least 4 alternate questions in each', () => {
    for (const fact of knowledge?.facts ?? []) {
      for (const language of ['fr', 'en'] as const) {
        expect(fact.answer[language].trim(), fact.id).not.toBe('');
        expect(fact.questions[language].length, fact.id).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('features a few main facts, suggested when nothing closer fits', () => {
    const featured = knowledge?.facts.filter((fact) => fact.featured) ?? [];
    expect(featured.length).toBeGreaterThanOrEqual(3);
    expect(featured.length).toBeLessThanOrEqual(5);
  });

  it('splits the article into its 4 paragraphs', () => {
    const paragraphs = new Set(knowledge?.sources[0]?.sentences.map((s) => s.paragraph));
    expect(paragraphs.size).toBe(4);
  });

  it('keeps each alternate question unique across facts, so that no question points two ways', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const fact of knowledge?.facts ?? []) {
      for (const question of [...fact.questions.fr, ...fact.questions.en]) {
        const key = foldText(question)
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim();
        const owner = owners.get(key);
        if (owner && owner !== fact.id) clashes.push(`"${question}" in ${owner} and ${fact.id}`);
        owners.set(key, fact.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('keeps the article byte for byte as supplied', (context) => {
    skipWithout(
      context,
      existsSync(SUPPLIED_ARTICLE_FILE),
      `the article as supplied is not at ${SUPPLIED_ARTICLE_FILE}`,
    );
    const copy = fileURLToPath(new URL('../../knowledge/microsoft-japan-ai/article.txt', import.meta.url));
    expect(readFileSync(copy).equals(readFileSync(SUPPLIED_ARTICLE_FILE))).toBe(true);
  });
});
