import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR, KnowledgeError, loadKnowledge, readKnowledge } from '../../src/knowledge/load.js';
import { formatIssue } from '../../src/knowledge/validate.js';
import { FACTS, GLOSSARY, recordAt, removeCopies, withFact, withRecords, withText } from './copies.js';

// Each case copies the real knowledge folder, breaks one thing, and checks that the linter
// names the file, the fact id and the field.
const errorsOf = (root: string) => readKnowledge(root).errors.map(formatIssue);

afterEach(removeCopies);

describe('the knowledge linter', () => {
  it('accepts an untouched copy', () => {
    expect(errorsOf(withRecords(FACTS, () => {}))).toEqual([]);
  });

  it('reports a quote that is not verbatim in the article', () => {
    const { root, id } = withFact((fact) => {
      fact.quote = `${fact.quote} (not in the article)`;
    }, 1);
    expect(errorsOf(root)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^knowledge/microsoft-japan-ai/facts\\.yaml \\(id "${id}", field "quote"\\): is not verbatim in knowledge/microsoft-japan-ai/article\\.txt: ".*\\(not in the article\\)"$`,
        ),
      ),
    ]);
  });

  it('reports a quote that runs across two sentences', () => {
    const root = withRecords(FACTS, (records) => {
      recordAt(records).quote = 'dans le pays asiatique. L’investissement';
    });
    expect(errorsOf(root).join('\n')).toMatch(/field "quote"\): runs across two sentences of/);
  });

  it('reports a duplicate id', () => {
    let id = '';
    const root = withRecords(FACTS, (records) => {
      id = recordAt(records, 0).id;
      recordAt(records, 1).id = id;
    });
    expect(errorsOf(root)).toContainEqual(
      `knowledge/microsoft-japan-ai/facts.yaml (id "${id}", field "id"): duplicate id, first defined in knowledge/microsoft-japan-ai/facts.yaml`,
    );
  });

  it('reports a missing language', () => {
    const { root, id } = withFact((fact) => {
      delete (fact.answer as Record<string, string>).en;
    });
    expect(errorsOf(root)).toContainEqual(expect.stringContaining(`(id "${id}", field "answer.en")`));
  });

  it('reports too few alternate questions', () => {
    const { root, id } = withFact((fact) => {
      (fact.questions as Record<string, string[]>).fr = ['Combien ?'];
    });
    expect(errorsOf(root)).toContainEqual(
      `knowledge/microsoft-japan-ai/facts.yaml (id "${id}", field "questions.fr"): has 1 alternate questions, needs at least 4`,
    );
  });

  it('reports an empty alternate question', () => {
    const { root, id } = withFact((fact) => {
      (fact.questions as { en: string[] }).en[2] = '   ';
    });
    expect(errorsOf(root)).toContainEqual(
      `knowledge/microsoft-japan-ai/facts.yaml (id "${id}", field "questions.en.2"): an alternate question must not be empty`,
    );
  });

  it('reports a sentence that no fact covers', () => {
    const root = withRecords(FACTS, (records) => {
      const article = readFileSync(path.join(KNOWLEDGE_DIR, 'microsoft-japan-ai', 'article.txt'), 'utf8');
      const last = article.slice(article.lastIndexOf('Outre les questions'));
      for (let i = records.length - 1; i >= 0; i--)
        if (last.includes(String(records[i]?.quote))) records.splice(i, 1);
    });
    expect(errorsOf(root)).toEqual([
      expect.stringMatching(
        /^knowledge\/microsoft-japan-ai\/article\.txt \(field "§4\.2"\): no fact quotes this sentence/,
      ),
    ]);
  });

  it('reports invalid YAML with the file name, and nothing more about that source', () => {
    const root = withText(FACTS, (text) => `${text}\n- id: [unclosed\n`);
    expect(errorsOf(root)).toEqual([
      expect.stringMatching(/^knowledge\/microsoft-japan-ai\/facts\.yaml: is not valid YAML/),
    ]);
  });

  it('reports a fact that names a missing source', () => {
    const { root, id } = withFact((fact) => {
      fact.source = 'no-such-source';
    });
    expect(errorsOf(root)).toContainEqual(
      `knowledge/microsoft-japan-ai/facts.yaml (id "${id}", field "source"): names the source "no-such-source", which does not exist`,
    );
  });

  it('reports an unknown field, so that a misspelt key is not silently ignored', () => {
    const { root, id } = withFact((fact) => {
      fact.qoute = 'typo';
    });
    expect(errorsOf(root).join('\n')).toContain(`(id "${id}"`);
    expect(errorsOf(root).join('\n')).toContain('qoute');
  });

  it('reports a glossary variant claimed by two concepts', () => {
    const root = withRecords(GLOSSARY, (records) => {
      const first = recordAt(records, 0);
      const second = recordAt(records, 1);
      (second.fr as string[]).push(String((first.fr as string[])[0]));
    });
    expect(errorsOf(root).join('\n')).toMatch(
      /glossary\.yaml \(id "[^"]+", field "fr"\): ".+" is also a variant of "[^"]+"/,
    );
  });

  it('reports every problem of one fact at once, not only the first kind', () => {
    let id = '';
    const root = withRecords(FACTS, (records) => {
      const fact = recordAt(records, 1);
      id = recordAt(records, 0).id;
      fact.id = id;
      delete (fact.answer as Record<string, string>).en;
      (fact.questions as Record<string, string[]>).fr = ['Combien ?'];
      fact.quote = 'nowhere in the article';
    });
    const errors = errorsOf(root).filter((error) => error.includes(`(id "${id}"`));
    expect(errors).toEqual([
      expect.stringContaining('field "answer.en"): '),
      expect.stringContaining('field "id"): duplicate id'),
      expect.stringContaining('field "questions.fr"): has 1 alternate questions, needs at least 4'),
      expect.stringContaining('field "quote"): is not verbatim in'),
    ]);
  });

  it('does not call a sentence uncovered when the one fact quoting it is rejected for another field', () => {
    let id = '';
    const root = withRecords(FACTS, (records) => {
      const article = readFileSync(path.join(KNOWLEDGE_DIR, 'microsoft-japan-ai', 'article.txt'), 'utf8');
      const last = article.slice(article.lastIndexOf('Outre les questions'));
      const quoting = records.filter((record) => last.includes(String(record.quote)));
      for (const extra of quoting.slice(1)) records.splice(records.indexOf(extra), 1);
      const only = recordAt(quoting);
      id = only.id;
      delete (only.answer as Record<string, string>).fr;
    });
    expect(errorsOf(root)).toEqual([
      expect.stringMatching(
        new RegExp(`^knowledge/microsoft-japan-ai/facts\\.yaml \\(id "${id}", field "answer\\.fr"\\): `),
      ),
    ]);
  });

  it('says the article uses a typographic apostrophe when a quote has a straight one', () => {
    const quote = 'L’investissement, dévoilé ce mardi à Washington';
    const root = withRecords(FACTS, (records) => {
      const fact = records.find((record) => record.quote === quote);
      if (!fact) throw new Error('the fact quoting "L’investissement" has moved');
      fact.quote = quote.replace('’', "'");
    });
    expect(errorsOf(root).join('\n')).toContain(
      'is not verbatim in knowledge/microsoft-japan-ai/article.txt (the article uses ’ (typographic apostrophe) where the quote has \'): "L\'investissement, dévoilé ce mardi à Washington"',
    );
  });

  it('names the folder it was given when that folder holds no source', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'empty-kb-'));
    try {
      expect(errorsOf(root)).toEqual([
        `${root}: the knowledge folder holds no source (a sub-folder with source.yaml, article.txt, facts.yaml)`,
      ]);
    } finally {
      rmSync(root, { recursive: true });
    }
  });

  it('makes loadKnowledge throw one error that lists every problem', () => {
    const root = withRecords(FACTS, (records) => {
      recordAt(records, 0).id = 'Bad Id';
      recordAt(records, 1).quote = 'nowhere in the article';
    });
    expect(() => loadKnowledge(root)).toThrow(KnowledgeError);
    try {
      loadKnowledge(root);
    } catch (error) {
      expect((error as KnowledgeError).issues).toHaveLength(2);
      expect((error as Error).message).toMatch(/id "Bad Id", field "id"\): must be kebab-case/);
      expect((error as Error).message).toMatch(/field "quote"\): is not verbatim/);
    }
  });
});
