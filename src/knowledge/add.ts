import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { splitSentences } from '../core/segment.js';
import { KbError, shownFolder } from './folder.js';
import { Slug, SourceFile } from './schema.js';

export const ARTICLE_FILE = 'article.txt';
export const SOURCE_FILE = 'source.yaml';

/** What `npm run kb -- add` was given; any of it may be missing or wrong. */
export interface AddRequest {
  readonly root: string;
  readonly file?: string | undefined;
  readonly id?: string | undefined;
  readonly title?: string | undefined;
  readonly language?: string | undefined;
  readonly url?: string | undefined;
  readonly date?: string | undefined;
  readonly attribution?: string | undefined;
}

export interface AddedArticle {
  /** The new source folder. */
  readonly dir: string;
  readonly paragraphs: number;
  readonly sentences: number;
}

/**
 * Adds an article to the knowledge folder: `<id>/article.txt`, a byte-for-byte copy of the file,
 * and `<id>/source.yaml`, its metadata. It needs no facts: the bot answers from its sentences.
 * Every problem is found before anything is written (a KbError lists them all), and the folder
 * is built under a hidden name and renamed into place, so a failure leaves nothing half made.
 */
export function addArticle(request: AddRequest): AddedArticle {
  const problems: string[] = [];
  const slug = checkSlug(request, problems);
  const source = checkSource(request, problems);
  const bytes =
    request.file === undefined
      ? missing(problems, 'FILE', 'name the text file of the article')
      : readArticle(request.file, problems);
  if (!isFolder(request.root)) problems.push(`${request.root}: the knowledge folder does not exist`);
  if (problems.length > 0 || slug === null || source === null || bytes === null) throw new KbError(problems);

  const dir = path.join(request.root, slug);
  const sourceYaml = `# Added by npm run kb -- add. The bot answers from the article's own sentences;\n# npm run kb -- draft ${slug} writes draft facts (facts.yaml) to review.\n${stringify(source, { lineWidth: 0 })}`;
  let temporary: string | null = null;
  try {
    // A hidden name: the loader and the watcher of a running bot skip it until the rename.
    temporary = path.join(request.root, `.${slug}.adding-${randomBytes(6).toString('hex')}`);
    mkdirSync(temporary);
    writeFileSync(path.join(temporary, ARTICLE_FILE), bytes);
    writeFileSync(path.join(temporary, SOURCE_FILE), sourceYaml);
    if (existsSync(dir))
      throw new KbError([`--id "${slug}": ${shownPath(request.root, slug)} appeared while adding`]);
    renameSync(temporary, dir);
  } catch (error) {
    if (temporary !== null) rmSync(temporary, { recursive: true, force: true });
    if (error instanceof KbError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new KbError([`${shownFolder(request.root)}: cannot write the new article there (${code})`]);
  }
  const sentences = splitSentences(new TextDecoder().decode(bytes));
  return { dir, paragraphs: new Set(sentences.map((s) => s.paragraph)).size, sentences: sentences.length };
}

function missing(problems: string[], what: string, hint: string): null {
  problems.push(`${what}: missing: ${hint}`);
  return null;
}

function shownPath(root: string, name: string): string {
  return path.join(shownFolder(root), name);
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The id names the folder: kebab-case, and not taken. */
function checkSlug(request: AddRequest, problems: string[]): string | null {
  if (request.id === undefined)
    return missing(
      problems,
      '--id',
      'the article’s folder name, in kebab-case (e.g. geraldton-desalination)',
    );
  const checked = Slug.safeParse(request.id);
  if (!checked.success) {
    problems.push(
      `--id "${request.id}": ${checked.error.issues[0]?.message ?? 'is not a valid id'} (e.g. geraldton-desalination)`,
    );
    return null;
  }
  if (existsSync(path.join(request.root, request.id))) {
    problems.push(
      `--id "${request.id}": ${shownPath(request.root, request.id)} already exists: pick another id, or edit that folder`,
    );
    return null;
  }
  return request.id;
}

/** source.yaml as it will be written, checked by the schema the loader uses. */
function checkSource(request: AddRequest, problems: string[]): Record<string, string> | null {
  if (request.title === undefined) missing(problems, '--title', 'the article’s title, in quotes');
  if (request.language === undefined)
    missing(problems, '--language', 'fr or en, the language the article is written in');
  const { title, language, url, date, attribution } = request;
  const record: Record<string, string> = Object.fromEntries(
    Object.entries({ title, language, url, date, attribution, article: ARTICLE_FILE }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const checked = SourceFile.partial().safeParse(record);
  for (const issue of checked.success ? [] : checked.error.issues) {
    const field = String(issue.path[0]);
    problems.push(`--${field} ${JSON.stringify(record[field])}: ${issue.message}`);
  }
  return checked.success && request.title !== undefined && request.language !== undefined ? record : null;
}

/** The article's bytes, when they are non-empty UTF-8 text. */
function readArticle(file: string, problems: string[]): Uint8Array | null {
  let bytes: Uint8Array;
  try {
    if (statSync(file).isDirectory()) {
      problems.push(`FILE ${file}: is a folder, not a text file`);
      return null;
    }
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(
      `FILE ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? error})`}`,
    );
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    problems.push(
      `FILE ${file}: is not UTF-8 text: byte offset ${at} (0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')}) starts no valid character. Save it as UTF-8 and add it again`,
    );
    return null;
  }
  if (text.trim() === '') {
    problems.push(
      `FILE ${file}: ${bytes.length === 0 ? 'is empty' : 'holds only white space'}: there is no article to add`,
    );
    return null;
  }
  return bytes;
}

/** Where UTF-8 decoding first fails: the offset of the sequence it cannot read. */
export function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let sequenceStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    try {
      if (decoder.decode(bytes.subarray(i, i + 1), { stream: true }) !== '') sequenceStart = i + 1;
    } catch {
      return sequenceStart;
    }
  }
  try {
    decoder.decode();
  } catch {
    return sequenceStart;
  }
  return -1;
}
