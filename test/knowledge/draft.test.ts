import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { candidateQuestions } from '../../src/core/candidates.js';
import { draftFacts } from '../../src/knowledge/draft.js';
import { KbError } from '../../src/knowledge/folder.js';
import { KNOWLEDGE_DIR, loadKnowledge, readKnowledge } from '../../src/knowledge/load.js';
import { copyKnowledge, FACTS, type Records, removeCopies, withRecords } from './copies.js';

afterEach(removeCopies);

const SOURCE = 'microsoft-japan-ai';
const ARTICLE = readFileSync(path.join(KNOWLEDGE_DIR, SOURCE, 'article.txt'), 'utf8');
const LAST_SENTENCE = ARTICLE.slice(ARTICLE.lastIndexOf('Outre les questions')).trimEnd();

/** A copy of knowledge/ whose facts quoting §4.2 are gone. */
function withoutLastSentence(): string {
  return withRecords(FACTS, (records) => {
    for (let i = records.length - 1; i >= 0; i--)
      if (LAST_SENTENCE.includes(String(records[i]?.quote))) records.splice(i, 1);
  });
}

describe('draftFacts', () => {
  it('drafts the one sentence no fact quotes, after the facts left byte for byte, and validates', () => {
    const root = withoutLastSentence();
    const file = path.join(root, FACTS);
    const before = readFileSync(file, 'utf8');
    const reviewed = loadKnowledge(root).facts.length;

    const result = draftFacts(root, SOURCE);
    expect(result.written).toEqual([
      {
        id: 'microsoft-japan-ai-p4-s2',
        location: { paragraph: 4, sentence: 2 },
        questions: { fr: candidateQuestions(LAST_SENTENCE, 'fr').fr.length, en: expect.any(Number) },
      },
    ]);
    expect(result.covered).toBe(7);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const records = parse(after) as Records;
    expect(records.at(-1)).toEqual({
      id: 'microsoft-japan-ai-p4-s2',
      draft: true,
      quote: LAST_SENTENCE,
      answer: { fr: LAST_SENTENCE },
      questions: candidateQuestions(LAST_SENTENCE, 'fr'),
    });
    const report = readKnowledge(root);
    expect(report.errors).toEqual([]);
    expect(report.knowledge?.facts).toHaveLength(reviewed);
    expect(report.coverage[0]).toMatchObject({
      drafts: 1,
      uncovered: [expect.objectContaining({ paragraph: 4 })],
    });
  });

  it('adds nothing when run again, nor for sentences reviewed facts already quote', () => {
    const root = withoutLastSentence();
    draftFacts(root, SOURCE);
    const file = path.join(root, FACTS);
    const once = readFileSync(file, 'utf8');
    expect(draftFacts(root, SOURCE)).toMatchObject({ written: [], covered: 8 });
    expect(readFileSync(file, 'utf8')).toBe(once);
    const untouched = copyKnowledge();
    const real = readFileSync(path.join(untouched, FACTS), 'utf8');
    expect(draftFacts(untouched, SOURCE).written).toEqual([]);
    expect(readFileSync(path.join(untouched, FACTS), 'utf8')).toBe(real);
  });

  it('writes facts.yaml for a source that has none, or only an empty list', () => {
    for (const start of [null, '# nothing reviewed yet\n[]\n']) {
      const root = copyKnowledge();
      const file = path.join(root, FACTS);
      if (start === null) rmSync(file);
      else writeFileSync(file, start);
      expect(draftFacts(root, SOURCE).written).toHaveLength(8);
      const report = readKnowledge(root);
      expect(report.errors).toEqual([]);
      expect(report.knowledge?.facts).toEqual([]);
      expect(report.coverage[0]?.drafts).toBe(8);
      if (start !== null) expect(readFileSync(file, 'utf8')).toMatch(/^# nothing reviewed yet\n\n# Drafts/);
    }
  });

  it('gives a draft another id when a fact already has the one it would take', () => {
    const root = withRecords(FACTS, (records) => {
      for (let i = records.length - 1; i >= 0; i--)
        if (LAST_SENTENCE.includes(String(records[i]?.quote))) records.splice(i, 1);
      (records[0] as Records[number]).id = 'microsoft-japan-ai-p4-s2';
    });
    const reviewed = loadKnowledge(root).facts.length;
    expect(draftFacts(root, SOURCE).written.map((draft) => draft.id)).toEqual(['microsoft-japan-ai-p4-s2-2']);
    expect(readKnowledge(root).errors).toEqual([]);
    expect(loadKnowledge(root).facts).toHaveLength(reviewed);
  });

  it('refuses a source that does not exist, or a facts.yaml it cannot read, and writes nothing', () => {
    const root = copyKnowledge();
    expect(() => draftFacts(root, 'no-such-source')).toThrow(KbError);
    expect(existsSync(path.join(root, 'no-such-source'))).toBe(false);
    const file = path.join(root, FACTS);
    writeFileSync(file, '- id: [unclosed\n');
    expect(() => draftFacts(root, SOURCE)).toThrow(/microsoft-japan-ai\/facts\.yaml: is not valid YAML/);
    expect(readFileSync(file, 'utf8')).toBe('- id: [unclosed\n');
    writeFileSync(file, 'id: not-a-list\n');
    expect(() => draftFacts(root, SOURCE)).toThrow(/facts\.yaml: must be a YAML list of facts/);
  });
});
