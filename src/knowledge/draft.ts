import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isSeq, parseDocument, parse as parseYaml, stringify, type YAMLSeq } from 'yaml';
import { candidateQuestions } from '../core/candidates.js';
import { locateQuote, splitSentences } from '../core/segment.js';
import type { Location, Sentence } from '../core/types.js';
import { ARTICLE_FILE, SOURCE_FILE } from './add.js';
import { KbError, shownFolder } from './folder.js';
import { Slug, SourceFile } from './schema.js';

export const FACTS_FILE = 'facts.yaml';

/** One draft fact written: its id, and the sentence it quotes. */
export interface WrittenDraft {
  readonly id: string;
  readonly location: Location;
  readonly questions: { readonly fr: number; readonly en: number };
}

export interface DraftResult {
  /** The facts file, as messages name it. */
  readonly file: string;
  readonly written: readonly WrittenDraft[];
  /** Sentences some fact, reviewed or draft, already quotes. */
  readonly covered: number;
  /** Sentences whose words also stand in an earlier one: a quote of them would be placed there. */
  readonly unquotable: readonly Location[];
}

const DRAFT_NOTE =
  '# Drafts by npm run kb -- draft: for each, check the quote, write the answer in both languages,\n# complete the questions (at least 4 a language), then remove `draft: true`.\n';
const YAML_OPTIONS = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;

/**
 * Writes a draft fact for each sentence of a source that no fact quotes yet, reviewed or draft:
 * the sentence as quote and as answer in the article's language, candidate questions in both
 * languages, `draft: true`. Facts already in facts.yaml are left as they are (the drafts are
 * added after them), so running it again adds nothing.
 */
export function draftFacts(root: string, slug: string): DraftResult {
  const dir = path.join(root, slug);
  const shownDir = path.join(shownFolder(root), slug);
  if (!Slug.safeParse(slug).success || !existsSync(path.join(dir, SOURCE_FILE)))
    throw new KbError([
      `${shownDir}: no such source (a folder with ${SOURCE_FILE}); npm run kb -- add creates one`,
    ]);
  const source = readSource(dir, shownDir);
  const sentences = splitSentences(source.text);
  const factsFile = path.join(dir, FACTS_FILE);
  const shownFile = path.join(shownDir, FACTS_FILE);
  const existing = existsSync(factsFile) ? readFileSync(factsFile, 'utf8') : '';
  const records = factRecords(existing, shownFile);

  const covered = new Set(
    records.flatMap((record) => {
      const place = typeof record.quote === 'string' ? locateQuote(sentences, record.quote) : null;
      return place ? [key(place)] : [];
    }),
  );
  const ids = new Set(records.map((record) => String(record.id)));
  const drafts: Array<Record<string, unknown>> = [];
  const written: WrittenDraft[] = [];
  const unquotable: Location[] = [];
  for (const sentence of sentences) {
    if (covered.has(key(sentence))) continue;
    const place = locateQuote(sentences, sentence.text);
    if (!place || key(place) !== key(sentence)) {
      unquotable.push({ paragraph: sentence.paragraph, sentence: sentence.sentence });
      continue;
    }
    const id = freeId(`${slug}-p${sentence.paragraph}-s${sentence.sentence}`, ids);
    const questions = candidateQuestions(sentence.text, source.language);
    drafts.push(draftRecord(id, sentence, source.language, questions));
    written.push({ id, location: place, questions: { fr: questions.fr.length, en: questions.en.length } });
  }
  if (drafts.length > 0) replaceFile(factsFile, withDrafts(existing, drafts));
  return { file: shownFile, written, covered: covered.size, unquotable };
}

function key(place: Location): string {
  return `${place.paragraph}.${place.sentence}`;
}

/** `wanted`, or `wanted-2`, `wanted-3`… when a fact already has it. */
function freeId(wanted: string, ids: Set<string>): string {
  let id = wanted;
  for (let n = 2; ids.has(id); n++) id = `${wanted}-${n}`;
  ids.add(id);
  return id;
}

function draftRecord(
  id: string,
  sentence: Sentence,
  language: 'fr' | 'en',
  questions: { fr: string[]; en: string[] },
): Record<string, unknown> {
  return { id, draft: true, quote: sentence.text, answer: { [language]: sentence.text }, questions };
}

/** The source's language and article text, or a KbError naming what is wrong with them. */
function readSource(dir: string, shownDir: string): { language: 'fr' | 'en'; text: string } {
  const file = path.join(shownDir, SOURCE_FILE);
  let meta: SourceFile;
  try {
    const checked = SourceFile.safeParse(parseYaml(readFileSync(path.join(dir, SOURCE_FILE), 'utf8')));
    if (!checked.success)
      throw new KbError(
        checked.error.issues.map((issue) => `${file} (field "${issue.path.join('.')}"): ${issue.message}`),
      );
    meta = checked.data;
  } catch (error) {
    if (error instanceof KbError) throw error;
    throw new KbError([`${file}: cannot be read: ${(error as Error).message.split('\n')[0]}`]);
  }
  const article = meta.article || ARTICLE_FILE;
  try {
    return { language: meta.language, text: readFileSync(path.join(dir, article), 'utf8') };
  } catch (error) {
    throw new KbError([
      `${path.join(shownDir, article)}: cannot be read (${(error as NodeJS.ErrnoException).code})`,
    ]);
  }
}

/** The records of facts.yaml as written, or a KbError when it is not a YAML list. */
function factRecords(text: string, shownFile: string): Array<Record<string, unknown>> {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0)
    throw new KbError([`${shownFile}: is not valid YAML: ${document.errors[0]?.message.split('\n')[0]}`]);
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new KbError([`${shownFile}: must be a YAML list of facts`]);
  return data.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object');
}

/**
 * facts.yaml with the drafts after its facts. A block list gets them appended as text, so its
 * facts, comments and layout stay byte for byte; an empty or flow list (`[]`) is rewritten.
 */
function withDrafts(existing: string, drafts: ReadonlyArray<Record<string, unknown>>): string {
  const document = parseDocument(existing);
  const list = document.contents;
  if (isSeq(list) && list.flow && list.items.length > 0) {
    list.flow = false;
    for (const draft of drafts) (list as YAMLSeq<unknown>).items.push(document.createNode(draft));
    return document.toString(YAML_OPTIONS);
  }
  const head = isSeq(list) && list.flow ? existing.replace(/\[\s*\]\s*$/u, '') : existing;
  const separator = head === '' || head.endsWith('\n\n') ? '' : head.endsWith('\n') ? '\n' : '\n\n';
  return `${head}${separator}${DRAFT_NOTE}${stringify(drafts, YAML_OPTIONS)}`;
}

/** Writes `file` whole or not at all: a temporary file beside it, renamed over it. */
function replaceFile(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new KbError([`${file}: cannot be written (${(error as NodeJS.ErrnoException).code ?? error})`]);
  }
}
