import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addArticle } from '../../src/knowledge/add.js';
import { loadKnowledge, readKnowledge } from '../../src/knowledge/load.js';
import { ROOT, runScript } from '../cli/runScript.js';
import { copyKnowledge, removeCopies, withFact } from './copies.js';

// `npm run kb -- add|draft|validate` as a curator types them, on temporary copies of knowledge/:
// the repository's own folder is never written.
const PRACTICE = path.join(ROOT, 'test/fixtures/articles/en-practice.txt');
const kb = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runScript('src/knowledge/kb.ts', args, '', { KNOWLEDGE_DIR: '', ...env });
const ADD = [
  'add',
  PRACTICE,
  '--id',
  'geraldton-desalination',
  '--title',
  'Desalination: Geraldton’s $410 million plant opens',
  '--language',
  'en',
  '--date',
  '2025-09-16',
  '--url',
  'https://example.org/geraldton',
];
const REVIEWED = loadKnowledge().facts.length;

afterEach(removeCopies);

// Each run starts tsx: about two seconds, more while the whole suite runs.
describe('npm run kb -- add, validate, draft', { timeout: 120_000 }, () => {
  it('adds the English practice article to a copy of knowledge/: it validates and loads with no facts written', () => {
    const root = copyKnowledge();
    const env = { KNOWLEDGE_DIR: root };
    const added = kb(ADD, env);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain(
      `added ${path.join(root, 'geraldton-desalination')}: 16 sentence(s) in 4 paragraph(s), no curated facts yet.`,
    );
    const dir = path.join(root, 'geraldton-desalination');
    expect(readFileSync(path.join(dir, 'article.txt')).equals(readFileSync(PRACTICE))).toBe(true);
    expect(existsSync(path.join(dir, 'facts.yaml'))).toBe(false);

    const knowledge = loadKnowledge(root);
    expect(knowledge.sources.map((source) => source.id)).toEqual([
      'geraldton-desalination',
      'microsoft-japan-ai',
    ]);
    expect(knowledge.sources[0]).toMatchObject({ date: '2025-09-16', url: 'https://example.org/geraldton' });
    expect(knowledge.facts).toHaveLength(REVIEWED);

    const validated = kb(['validate'], env);
    expect(validated.status).toBe(0);
    expect(validated.stdout).toBe(
      [
        'geraldton-desalination: 0/16 sentences covered by curated facts (0%)',
        'microsoft-japan-ai: 8/8 sentences covered by curated facts (100%)',
        `ok: 2 source(s), 8/24 sentences covered by curated facts (33%), ${REVIEWED} facts, ${knowledge.glossary.length} glossary concepts in ${root}`,
        '',
      ].join('\n'),
    );
    const strict = kb(['validate', '--strict'], env);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain(
      'error: knowledge/geraldton-desalination/article.txt: 16 of 16 sentences not covered by curated facts (--strict): §1.1, §1.2, §1.3, §1.4, §2.1,',
    );
    expect(strict.stdout).not.toContain('error: knowledge/microsoft-japan-ai');
  });

  it('drafts a fact for each sentence, counted apart by validate, and adds nothing the second time', () => {
    const root = copyKnowledge();
    const env = { KNOWLEDGE_DIR: root };
    addArticle({ root, file: PRACTICE, id: 'geraldton-desalination', title: 'Geraldton', language: 'en' });
    const drafted = kb(['draft', 'geraldton-desalination'], env);
    expect(drafted.status).toBe(0);
    expect(drafted.stdout).toMatch(
      /^drafted 16 fact\(s\) in .*geraldton-desalination\/facts\.yaml:\n {2}geraldton-desalination-p1-s1 {2}§1\.1 {2}4 fr, 4 en candidate question\(s\)\n/,
    );
    const facts = readFileSync(path.join(root, 'geraldton-desalination', 'facts.yaml'), 'utf8');

    const validated = kb(['validate'], env);
    expect(validated.status).toBe(0);
    expect(validated.stdout).toContain(
      'geraldton-desalination: 0/16 sentences covered by curated facts (0%); 16 draft fact(s) awaiting review\n',
    );
    expect(validated.stdout).toMatch(
      /, \d+ facts, 16 draft fact\(s\) awaiting review, \d+ glossary concepts in /,
    );
    expect(readKnowledge(root).knowledge?.facts).toHaveLength(REVIEWED);

    const again = kb(['draft', 'geraldton-desalination'], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(
      'nothing to draft: every sentence of geraldton-desalination is quoted by a fact (16 sentence(s), reviewed or draft)\n',
    );
    expect(readFileSync(path.join(root, 'geraldton-desalination', 'facts.yaml'), 'utf8')).toBe(facts);
  });

  it('works on --dir rather than KNOWLEDGE_DIR, for every command', () => {
    const broken = withFact((fact) => {
      fact.quote = 'nowhere in the article';
    }).root;
    const root = copyKnowledge();
    const env = { KNOWLEDGE_DIR: broken };
    expect(kb([...ADD, '--dir', root], env).status).toBe(0);
    expect(existsSync(path.join(root, 'geraldton-desalination'))).toBe(true);
    expect(existsSync(path.join(broken, 'geraldton-desalination'))).toBe(false);
    expect(kb(['draft', 'geraldton-desalination', '--dir', root], env).stdout).toMatch(/^drafted 16 fact/);
    const validated = kb(['validate', '--dir', root], env);
    expect(validated.status).toBe(0);
    expect(validated.stdout).toMatch(/^ok: 2 source\(s\)/m);
    // Without --dir, KNOWLEDGE_DIR is the folder: the broken one, which has no such source.
    const fromEnv = kb(['draft', 'geraldton-desalination'], env);
    expect(fromEnv.status).toBe(1);
    expect(fromEnv.stderr).toContain(`${path.join(broken, 'geraldton-desalination')}: no such source`);
  });

  it('names every problem of an add, exits 1 and writes nothing', () => {
    const root = copyKnowledge();
    const { status, stdout, stderr } = kb(
      ['add', PRACTICE, '--id', 'Geraldton', '--language', 'english', '--date', '16/09/2025', '--dir', root],
      {},
    );
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        '--id "Geraldton": must be kebab-case: lower-case letters, digits and hyphens (e.g. geraldton-desalination)',
        '--title: missing: the article’s title, in quotes',
        '--language "english": must be fr or en',
        '--date "16/09/2025": must be a date written YYYY-MM-DD',
        'Nothing was written.',
        '',
      ].join('\n'),
    );
    expect(readKnowledge(root).knowledge?.sources).toHaveLength(1);
  });
});
