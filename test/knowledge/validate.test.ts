import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR, KnowledgeError, loadKnowledge, readKnowledge } from '../../src/knowledge/load.js';
import { formatIssue } from '../../src/knowledge/validate.js';

// Each case copies the real knowledge folder, breaks one thing, and checks that the linter
// names the file, the fact id and the field.
const SOURCE = 'microsoft-japan-ai';
const FACTS = path.join(SOURCE, 'facts.yaml');
let dir = '';

function brokenCopy(file: string, edit: (text: string) => string): string {
  dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
  const root = path.join(dir, 'knowledge');
  cpSync(KNOWLEDGE_DIR, root, { recursive: true });
  const target = path.join(root, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return root;
}

function errorsOf(root: string): string[] {
  return readKnowledge(root).errors.map(formatIssue);
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('the knowledge linter', () => {
  it('accepts an untouched copy', () => {
    expect(errorsOf(brokenCopy(FACTS, (text) => text))).toEqual([]);
  });

  it('reports a quote that is not verbatim in the article', () => {
    const root = brokenCopy(FACTS, (text) =>
      text.replace(
        'quote: "investira 2,9 milliards de dollars"',
        'quote: "investira 3 milliards de dollars"',
      ),
    );
    expect(errorsOf(root)).toEqual([
      expect.stringMatching(
        /knowledge\/microsoft-japan-ai\/facts\.yaml \(id "investment-amount", field "quote"\): is not verbatim in/,
      ),
    ]);
  });

  it('reports a duplicate id', () => {
    const root = brokenCopy(FACTS, (text) =>
      text.replace('- id: investment-amount', '- id: microsoft-american-tech-giant'),
    );
    expect(errorsOf(root)).toContainEqual(
      expect.stringMatching(/facts\.yaml \(id "microsoft-american-tech-giant", field "id"\): duplicate id/),
    );
  });

  it('reports a missing language', () => {
    const root = brokenCopy(FACTS, (text) =>
      text.replace('    en: "Microsoft will invest 2.9 billion dollars in Japan."\n', ''),
    );
    expect(errorsOf(root)).toContainEqual(
      expect.stringMatching(/\(id "investment-amount", field "answer\.en"\)/),
    );
  });

  it('reports too few alternate questions', () => {
    const root = brokenCopy(FACTS, (text) => {
      const start = text.indexOf('- id: investment-amount');
      const fr = text.indexOf('    fr:\n', text.indexOf('questions:', start));
      const en = text.indexOf('    en:\n', fr);
      const oneQuestion = '    fr:\n      - "Combien ?"\n';
      return text.slice(0, fr) + oneQuestion + text.slice(en);
    });
    expect(errorsOf(root)).toContainEqual(
      expect.stringMatching(
        /\(id "investment-amount", field "questions\.fr"\): has 1 alternate questions, needs at least 4/,
      ),
    );
  });

  it('reports an empty alternate question', () => {
    const root = brokenCopy(FACTS, (text) =>
      text.replace('- "Combien Microsoft va-t-il investir au Japon ?"', '- "  "'),
    );
    expect(errorsOf(root)).toContainEqual(
      expect.stringMatching(/\(id "investment-amount", field "questions\.fr\.0"\)/),
    );
  });

  it('reports a sentence that no fact covers', () => {
    const root = brokenCopy(FACTS, (text) =>
      text
        .split(/\n(?=- id: )/)
        .filter(
          (record) =>
            !/quote: "[^"]*(Dirigeant philippin|chaînes d’approvisionnement|investissements japonais|semi-conducteurs et les batteries)/.test(
              record,
            ),
        )
        .join('\n'),
    );
    expect(errorsOf(root)).toContainEqual(
      expect.stringMatching(/article\.txt \(field "§4\.2"\): no fact quotes this sentence/),
    );
  });

  it('reports invalid YAML with the file name', () => {
    const root = brokenCopy(FACTS, (text) => `${text}\n- id: [unclosed\n`);
    expect(errorsOf(root)).toEqual([expect.stringMatching(/facts\.yaml: is not valid YAML/)]);
  });

  it('reports a fact that names a missing source', () => {
    const root = brokenCopy(FACTS, (text) =>
      text.replace('- id: investment-amount\n', '- id: investment-amount\n  source: no-such-source\n'),
    );
    expect(errorsOf(root)).toContainEqual(
      expect.stringMatching(
        /\(id "investment-amount", field "source"\): names the source "no-such-source", which does not exist/,
      ),
    );
  });

  it('reports a glossary variant claimed by two concepts', () => {
    const root = brokenCopy('glossary.yaml', (text) => text.replace('fr: [Osaka]', 'fr: [Osaka, Tokyo]'));
    expect(errorsOf(root).join('\n')).toMatch(
      /glossary\.yaml \(id "(osaka|tokyo)", field "fr"\): "Tokyo" is also a variant of/,
    );
  });

  it('makes loadKnowledge throw one error that lists every problem', () => {
    const root = brokenCopy(FACTS, (text) => text.replace('- id: investment-amount', '- id: Bad Id'));
    expect(() => loadKnowledge(root)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(root)).toThrow(/id "Bad Id", field "id"\): must be kebab-case/);
  });
});
