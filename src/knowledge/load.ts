import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { KnowledgeBase } from '../core/types.js';
import {
  formatIssue,
  type KnowledgeIssue,
  type ParsedKnowledge,
  type ValidationReport,
  validateKnowledge,
} from './validate.js';

/** The knowledge folder of this repository. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

const SOURCE_FILE = 'source.yaml';
const FACTS_FILE = 'facts.yaml';
const GLOSSARY_FILE = 'glossary.yaml';

/** Raised when the knowledge files have errors; its message lists every one of them. */
export class KnowledgeError extends Error {
  constructor(readonly issues: readonly KnowledgeIssue[]) {
    super(
      `The knowledge base has ${issues.length} error(s):\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`,
    );
    this.name = 'KnowledgeError';
  }
}

/**
 * Reads and checks the knowledge folder: one sub-folder a source (source.yaml, its article, and
 * facts.yaml when it has reviewed facts) and a shared glossary.yaml. A folder whose name starts
 * with "." is not a source (`kb add` builds one there before it renames it into place). File
 * names in the report are relative to `root`'s parent.
 */
export function readKnowledge(root: string = KNOWLEDGE_DIR): ValidationReport {
  const errors: KnowledgeIssue[] = [];
  const shown = (file: string) => path.relative(path.dirname(path.resolve(root)), file) || file;
  const readText = (file: string): string | null => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      errors.push({
        file: shown(file),
        message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`,
      });
      return null;
    }
  };
  const readYaml = (file: string): { ok: true; data: unknown } | { ok: false } => {
    const text = readText(file);
    if (text === null) return { ok: false };
    try {
      return { ok: true, data: parseYaml(text, { uniqueKeys: true }) };
    } catch (error) {
      errors.push({
        file: shown(file),
        message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      });
      return { ok: false };
    }
  };

  if (!existsSync(root) || !statSync(root).isDirectory()) {
    const missing = { file: root, message: 'the knowledge folder does not exist' };
    return { errors: [missing], warnings: [], knowledge: null, coverage: [] };
  }

  const parsed: {
    root: string;
    sources: ParsedKnowledge['sources'][number][];
    factFiles: ParsedKnowledge['factFiles'][number][];
    glossary: ParsedKnowledge['glossary'];
  } = { root, sources: [], factFiles: [], glossary: null };

  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = path.join(root, entry.name);
    const sourceFile = path.join(dir, SOURCE_FILE);
    const source = readYaml(sourceFile);
    if (source.ok) {
      const articleName = (source.data as { article?: unknown } | null)?.article;
      const articleFile = path.join(dir, typeof articleName === 'string' ? articleName : 'article.txt');
      parsed.sources.push({
        id: entry.name,
        file: shown(sourceFile),
        data: source.data,
        articleFile: shown(articleFile),
        article: readText(articleFile),
      });
    }
    const factsFile = path.join(dir, FACTS_FILE);
    if (!existsSync(factsFile)) continue;
    const facts = readYaml(factsFile);
    parsed.factFiles.push({
      file: shown(factsFile),
      source: entry.name,
      data: facts.ok ? facts.data : undefined,
    });
  }

  const glossaryFile = path.join(root, GLOSSARY_FILE);
  if (existsSync(glossaryFile)) {
    const glossary = readYaml(glossaryFile);
    if (glossary.ok) parsed.glossary = { file: shown(glossaryFile), data: glossary.data };
  }

  const report = validateKnowledge(parsed);
  if (errors.length === 0) return report;
  return { ...report, errors: [...errors, ...report.errors], knowledge: null };
}

/** The checked knowledge base, or a KnowledgeError that names every problem. */
export function loadKnowledge(root: string = KNOWLEDGE_DIR): KnowledgeBase {
  const report = readKnowledge(root);
  if (!report.knowledge) throw new KnowledgeError(report.errors);
  return report.knowledge;
}
