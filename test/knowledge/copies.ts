import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { KNOWLEDGE_DIR } from '../../src/knowledge/load.js';

// Copies of the real knowledge folder with one thing broken, for the linter's tests and for
// the start of the bot. Each copy is `<tmp>/knowledge`, so reports name `knowledge/...`.

export const FACTS = path.join('microsoft-japan-ai', 'facts.yaml');
export const GLOSSARY = 'glossary.yaml';
export type Records = Array<Record<string, unknown> & { id: string }>;

const copies: string[] = [];

export function copyKnowledge(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
  copies.push(dir);
  const root = path.join(dir, 'knowledge');
  cpSync(KNOWLEDGE_DIR, root, { recursive: true });
  return root;
}

/** The second article of the tests: short, in English, dated, with a URL (test/fixtures/second-article/). */
export const SECOND_ARTICLE = 'harwick-solar-ferry';
const SECOND_ARTICLE_DIR = fileURLToPath(
  new URL(`../fixtures/second-article/${SECOND_ARTICLE}`, import.meta.url),
);

/** A copy with the second article in a folder of its own beside the real one. */
export function withSecondArticle(): string {
  const root = copyKnowledge();
  cpSync(SECOND_ARTICLE_DIR, path.join(root, SECOND_ARTICLE), { recursive: true });
  return root;
}

/** Deletes every copy made so far. */
export function removeCopies(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Edits `file` of a copy as text, in place: what an operator does to a running bot's folder. */
export function editText(root: string, file: string, edit: (text: string) => string): void {
  const target = path.join(root, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
}

/** Edits the YAML list in `file` of a copy as data, in place. */
export function editRecords(root: string, file: string, edit: (records: Records) => void): void {
  editText(root, file, (text) => {
    const records = parse(text) as Records;
    edit(records);
    return stringify(records);
  });
}

/** A copy whose `file` has been edited as text. */
export function withText(file: string, edit: (text: string) => string): string {
  const root = copyKnowledge();
  editText(root, file, edit);
  return root;
}

/** A copy whose YAML list in `file` has been edited as data. */
export function withRecords(file: string, edit: (records: Records) => void): string {
  const root = copyKnowledge();
  editRecords(root, file, edit);
  return root;
}

export function recordAt(records: Records, index = 0): Records[number] {
  const record = records[index];
  if (!record) throw new Error('no such record');
  return record;
}

/** A copy whose fact at `index` has been edited as data, with that fact's id. */
export function withFact(edit: (fact: Records[number]) => void, index = 0): { root: string; id: string } {
  let id = '';
  const root = withRecords(FACTS, (records) => {
    const fact = recordAt(records, index);
    id = fact.id;
    edit(fact);
  });
  return { root, id };
}
