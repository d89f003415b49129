import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR, KnowledgeError, loadKnowledge, readKnowledge } from '../../src/knowledge/load.js';
import { formatIssue } from '../../src/knowledge/validate.js';
import {
  copyKnowledge,
  FACTS,
  GLOSSARY,
  type Records,
  recordAt,
  removeCopies,
  withFact,
  withRecords,
  withText,
} from './copies.js';

// Each case copies the real knowledge folder, breaks one thing, and checks that the linter
// names the file, the fact id and the field.
const errorsOf = (root: string) => readKnowledge(root).errors.map(formatIssue);
const ARTICLE = readFileSync(path.join(KNOWLEDGE_DIR, 'microsoft-japan-ai', 'article.txt'), 'utf8');
/** §4.2, the article's last sentence. */
const LAST_SENTENCE = ARTICLE.slice(ARTICLE.lastIndexOf('Outre les questions')).trimEnd();

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

  it('counts a sentence that no fact covers in the coverage, not as an error: the engine answers it', () => {
    const root = withRecords(FACTS, (records) => {
      for (let i = records.length - 1; i >= 0; i--)
        if (LAST_SENTENCE.includes(String(records[i]?.quote))) records.splice(i, 1);
    });
    const report = readKnowledge(root);
    expect(report.errors.map(formatIssue)).toEqual([]);
    expect(report.knowledge).not.toBeNull();
    expect(report.coverage).toEqual([
      {
        source: 'microsoft-japan-ai',
        file: 'knowledge/microsoft-japan-ai/article.txt',
        sentences: 8,
        uncovered: [expect.objectContaining({ paragraph: 4, sentence: 2, text: LAST_SENTENCE })],
        drafts: 0,
      },
    ]);
  });

  it('covers every sentence of the real knowledge', () => {
    const [source] = readKnowledge(KNOWLEDGE_DIR).coverage;
    expect(source).toMatchObject({ source: 'microsoft-japan-ai', sentences: 8, uncovered: [], drafts: 0 });
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

  it('reports only the field at fault when the one fact quoting a sentence is rejected', () => {
    let id = '';
    const root = withRecords(FACTS, (records) => {
      const quoting = records.filter((record) => LAST_SENTENCE.includes(String(record.quote)));
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
        `${root}: the knowledge folder holds no source (a sub-folder with source.yaml and article.txt; facts.yaml is optional)`,
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

describe('a source without reviewed facts', () => {
  it('loads with no facts.yaml: it has no curated facts and every sentence counts as uncovered', () => {
    const root = copyKnowledge();
    rmSync(path.join(root, FACTS));
    const report = readKnowledge(root);
    expect(report.errors.map(formatIssue)).toEqual([]);
    expect(report.knowledge?.facts).toEqual([]);
    expect(report.knowledge?.sources.map((source) => source.id)).toEqual(['microsoft-japan-ai']);
    expect(report.coverage[0]?.uncovered).toHaveLength(8);
  });

  it('is not a folder whose name starts with a dot, such as one kb add is still building', () => {
    const root = copyKnowledge();
    mkdirSync(path.join(root, '.half-made.adding-1234'));
    writeFileSync(path.join(root, '.half-made.adding-1234', 'article.txt'), 'Half. Made.');
    expect(readKnowledge(root).knowledge?.sources.map((source) => source.id)).toEqual(['microsoft-japan-ai']);
  });
});

describe('draft facts', () => {
  /** A copy where fact `index` became a draft (`draft: true`), edited further by `edit`. */
  function withDraft(edit: (fact: Records[number]) => void = () => {}, index = 0) {
    return withFact((fact) => {
      fact.draft = true;
      edit(fact);
    }, index);
  }

  it('are accepted with the answer in the article’s language only and fewer questions, counted apart, never served', () => {
    const { root, id } = withDraft((fact) => {
      delete (fact.answer as Record<string, string>).en;
      fact.questions = { fr: ['Quoi ?'] };
    });
    const report = readKnowledge(root);
    expect(report.errors.map(formatIssue)).toEqual([]);
    expect(report.knowledge?.facts.map((fact) => fact.id)).not.toContain(id);
    expect(report.knowledge?.facts).toHaveLength(loadKnowledge().facts.length - 1);
    expect(report.coverage[0]?.drafts).toBe(1);
  });

  it('leave their sentence uncovered until reviewed', () => {
    const root = withRecords(FACTS, (records) => {
      for (const record of records) if (LAST_SENTENCE.includes(String(record.quote))) record.draft = true;
    });
    const [coverage] = readKnowledge(root).coverage;
    expect(coverage?.uncovered.map((sentence) => sentence.text)).toEqual([LAST_SENTENCE]);
    expect(coverage?.drafts).toBeGreaterThan(0);
  });

  it('still need a verbatim quote', () => {
    const { root, id } = withDraft((fact) => {
      fact.quote = 'nowhere in the article';
    });
    expect(errorsOf(root)).toEqual([
      `knowledge/microsoft-japan-ai/facts.yaml (id "${id}", field "quote"): is not verbatim in knowledge/microsoft-japan-ai/article.txt: "nowhere in the article"`,
    ]);
  });

  it('still need the answer in the article’s language', () => {
    const { root, id } = withDraft((fact) => {
      delete (fact.answer as Record<string, string>).fr;
    });
    expect(errorsOf(root)).toEqual([
      `knowledge/microsoft-japan-ai/facts.yaml (id "${id}", field "answer.fr"): a draft needs its answer in the article's language (fr)`,
    ]);
  });

  it('are only `draft: true`: a reviewed fact may say `draft: false`, and keeps the strict rules', () => {
    const reviewed = withFact((fact) => {
      fact.draft = false;
    });
    expect(errorsOf(reviewed.root)).toEqual([]);
    const strict = withFact((fact) => {
      fact.draft = false;
      delete (fact.answer as Record<string, string>).en;
    });
    expect(errorsOf(strict.root)).toEqual([
      `knowledge/microsoft-japan-ai/facts.yaml (id "${strict.id}", field "answer.en"): Invalid input: expected string, received undefined`,
    ]);
    const typo = withFact((fact) => {
      fact.draft = 'yes';
    });
    expect(errorsOf(typo.root)).toEqual([
      `knowledge/microsoft-japan-ai/facts.yaml (id "${typo.id}", field "draft"): is true only for a draft awaiting review: remove it once the fact is reviewed`,
    ]);
  });
});
