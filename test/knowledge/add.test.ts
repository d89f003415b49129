import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type AddRequest, addArticle, firstInvalidByte } from '../../src/knowledge/add.js';
import { KbError } from '../../src/knowledge/folder.js';
import { loadKnowledge, readKnowledge } from '../../src/knowledge/load.js';
import { copyKnowledge, removeCopies } from './copies.js';

const scratch: string[] = [];

afterEach(() => {
  removeCopies();
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A file with these bytes in a temporary folder of its own. */
function fileOf(bytes: string | Uint8Array, name = 'article.txt'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-add-'));
  scratch.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Every file and folder under `root`, with a hash of each file's bytes. */
function snapshot(root: string): Record<string, string> {
  if (!existsSync(root)) return {};
  const entries = readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
  return Object.fromEntries(
    entries.map((entry) => {
      const file = path.join(root, entry);
      const hash = statSync(file).isDirectory()
        ? 'folder'
        : createHash('sha256').update(readFileSync(file)).digest('hex');
      return [entry, hash];
    }),
  );
}

const CRLF =
  'Geraldton opened a plant on Tuesday.\r\nIt cost $410 million. The Mayor, Tom Varga, was there.\r\n';
const NON_ASCII = 'L’État a payé 7,50 € à Boën-sur-Lignon — « très bien », dit-elle 🚆.\nÇa roule.\n';

describe('addArticle', () => {
  it('copies a CRLF article byte for byte; the folder validates and loads with no facts.yaml', () => {
    const root = copyKnowledge();
    const file = fileOf(CRLF);
    const added = addArticle({ root, file, id: 'geraldton-plant', title: 'A plant', language: 'en' });
    expect(added).toEqual({ dir: path.join(root, 'geraldton-plant'), paragraphs: 2, sentences: 3 });
    expect(readFileSync(path.join(added.dir, 'article.txt')).equals(readFileSync(file))).toBe(true);
    expect(readdirSync(added.dir).sort()).toEqual(['article.txt', 'source.yaml']);
    const report = readKnowledge(root);
    expect(report.errors).toEqual([]);
    const source = loadKnowledge(root).sources.find((s) => s.id === 'geraldton-plant');
    expect(source?.sentences.map((s) => s.text)).toEqual([
      'Geraldton opened a plant on Tuesday.',
      'It cost $410 million.',
      'The Mayor, Tom Varga, was there.',
    ]);
    expect(report.coverage.find((s) => s.source === 'geraldton-plant')).toMatchObject({
      sentences: 3,
      drafts: 0,
    });
  });

  it('copies UTF-8 text beyond ASCII byte for byte, with every field of source.yaml safe to read back', () => {
    const root = copyKnowledge();
    const file = fileOf(NON_ASCII);
    const title = 'Thiers – Boën : « la ligne rouvre », dit "le maire" # enfin';
    const added = addArticle({
      root,
      file,
      id: 'thiers-boen',
      title,
      language: 'fr',
      url: 'https://example.org/thiers?ligne=1#x',
      date: '2025-09-14',
      attribution: 'L’Écho du Forez: reporter',
    });
    expect(readFileSync(path.join(added.dir, 'article.txt')).equals(Buffer.from(NON_ASCII))).toBe(true);
    expect(parse(readFileSync(path.join(added.dir, 'source.yaml'), 'utf8'))).toEqual({
      title,
      language: 'fr',
      url: 'https://example.org/thiers?ligne=1#x',
      date: '2025-09-14',
      attribution: 'L’Écho du Forez: reporter',
      article: 'article.txt',
    });
    const source = loadKnowledge(root).sources.find((s) => s.id === 'thiers-boen');
    expect(source).toMatchObject({
      title,
      date: '2025-09-14',
      url: 'https://example.org/thiers?ligne=1#x',
      attribution: { fr: 'L’Écho du Forez: reporter', en: 'L’Écho du Forez: reporter' },
      text: NON_ASCII,
    });
  });

  const good = { id: 'new-article', title: 'A title', language: 'en' } as const;
  const cases: Array<{ name: string; request: (root: string) => Omit<AddRequest, 'root'>; error: RegExp }> = [
    {
      name: 'a missing file',
      request: () => ({ ...good, file: '/no/such/file.txt' }),
      error: /^FILE \/no\/such\/file\.txt: no such file$/,
    },
    {
      name: 'a folder for a file',
      request: () => ({ ...good, file: tmpdir() }),
      error: /: is a folder, not a text file$/,
    },
    {
      name: 'a file that is not UTF-8',
      request: () => ({ ...good, file: fileOf(Buffer.from('Caf\xe9 noir.', 'latin1')) }),
      error: /: is not UTF-8 text: byte offset 3 \(0xe9\) starts no valid character/,
    },
    {
      name: 'an empty file',
      request: () => ({ ...good, file: fileOf('') }),
      error: /: is empty: there is no article to add$/,
    },
    {
      name: 'a file of white space',
      request: () => ({ ...good, file: fileOf(' \r\n\t\n') }),
      error: /: holds only white space: there is no article to add$/,
    },
    {
      name: 'an id already taken',
      request: () => ({ ...good, id: 'microsoft-japan-ai', file: fileOf(CRLF) }),
      error:
        /^--id "microsoft-japan-ai": .*microsoft-japan-ai already exists: pick another id, or edit that folder$/,
    },
    {
      name: 'an id not in kebab-case',
      request: () => ({ ...good, id: 'New_Article', file: fileOf(CRLF) }),
      error: /^--id "New_Article": must be kebab-case: lower-case letters, digits and hyphens/,
    },
    {
      name: 'a missing title',
      request: () => ({ id: 'x', language: 'en', file: fileOf(CRLF) }),
      error: /^--title: missing: the article’s title, in quotes$/,
    },
    {
      name: 'a missing language',
      request: () => ({ id: 'x', title: 'T', file: fileOf(CRLF) }),
      error: /^--language: missing: fr or en/,
    },
    {
      name: 'a bad language',
      request: () => ({ ...good, language: 'de', file: fileOf(CRLF) }),
      error: /^--language "de": must be fr or en$/,
    },
    {
      name: 'a bad date',
      request: () => ({ ...good, date: '2025-02-30', file: fileOf(CRLF) }),
      error: /^--date "2025-02-30": must be a date written YYYY-MM-DD$/,
    },
    {
      name: 'a bad URL',
      request: () => ({ ...good, url: 'javascript:alert(1)', file: fileOf(CRLF) }),
      error: /^--url "javascript:alert\(1\)": must be a web address \(https:\/\/…\)$/,
    },
  ];

  it.each(cases)('refuses $name, naming it, and changes nothing on disk', ({ request, error }) => {
    const root = copyKnowledge();
    const before = snapshot(root);
    const thrown = (() => {
      try {
        addArticle({ root, ...request(root) });
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(KbError);
    expect((thrown as KbError).problems).toEqual([expect.stringMatching(error)]);
    expect(snapshot(root)).toEqual(before);
  });

  it('lists every problem at once, and creates no knowledge folder that does not exist', () => {
    const root = path.join(copyKnowledge(), 'missing');
    expect(() => addArticle({ root, file: fileOf(CRLF), id: 'Bad Id', language: 'xx' })).toThrow(
      new KbError([
        '--id "Bad Id": must be kebab-case: lower-case letters, digits and hyphens (e.g. geraldton-desalination)',
        '--title: missing: the article’s title, in quotes',
        '--language "xx": must be fr or en',
        `${root}: the knowledge folder does not exist`,
      ]),
    );
    expect(existsSync(root)).toBe(false);
  });
});

describe('firstInvalidByte', () => {
  it('finds where the first sequence UTF-8 cannot read starts', () => {
    expect(firstInvalidByte(Buffer.from('abc'))).toBe(-1);
    expect(firstInvalidByte(Buffer.from('été'))).toBe(-1);
    expect(firstInvalidByte(Uint8Array.of(0x61, 0xc3, 0x41))).toBe(1); // a lead byte, then no continuation
    expect(firstInvalidByte(Uint8Array.of(0x61, 0x62, 0x80))).toBe(2); // a lone continuation byte
    expect(firstInvalidByte(Uint8Array.of(0xc3, 0xa9, 0xe2, 0x80))).toBe(2); // cut short at the end
  });
});
