import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexer, type Token, type Tokens, walkTokens } from 'marked';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const readme = read('README.md');

function tokensOf(markdown: string): Token[] {
  const all: Token[] = [];
  walkTokens(lexer(markdown), (token) => {
    all.push(token);
  });
  return all;
}

describe('README.md', () => {
  const tokens = tokensOf(readme);

  it('closes every code fence it opens, on a line of its own', () => {
    const fences = tokens.filter(
      (token): token is Tokens.Code => token.type === 'code' && token.codeBlockStyle !== 'indented',
    );
    expect(fences.length).toBeGreaterThan(10);
    // A fence closed with text after it ("``` When…") is not closed: it runs on, and swallows the
    // next fence's opening line as text.
    const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;
    const broken = fences.filter((fence) => {
      const opening = FENCE_LINE.exec(fence.raw)?.[1] ?? '```';
      const lines = fence.raw.trimEnd().split('\n');
      const closed = lines.length >= 2 && lines.at(-1)?.trim() === opening;
      return !closed || fence.text.split('\n').some((line) => FENCE_LINE.test(line));
    });
    expect(broken.map((fence) => fence.raw.split('\n')[0])).toEqual([]);
  });

  it('renders each of its section titles as a heading, not inside a code block', () => {
    const titles = readme.split('\n').filter((line) => /^#{2,3} /.test(line));
    const headings = tokens
      .filter((token): token is Tokens.Heading => token.type === 'heading')
      .map((heading) => `${'#'.repeat(heading.depth)} ${heading.text}`);
    expect(titles.length).toBeGreaterThan(8);
    expect(headings).toEqual(expect.arrayContaining(titles));
  });

  it('names only npm scripts that exist', () => {
    const scripts = Object.keys(JSON.parse(read('package.json')).scripts);
    const named = [...readme.matchAll(/npm (?:run (?:--silent )?([\w-]+)|(start|test)\b)/g)].map(
      (match) => match[1] ?? match[2],
    );
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((name) => !scripts.includes(name ?? ''))).toEqual([]);
  });
});

describe('the documentation', () => {
  const files = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? files(path.join(dir, entry.name))
        : /\.(ts|md)$/.test(entry.name)
          ? [path.join(dir, entry.name)]
          : [],
    );
  const sources = ['README.md', ...['docs', 'src', 'test', 'bench', 'scripts'].flatMap(files)];

  it('cites only documents of this repository', () => {
    const cited = sources.flatMap((file) =>
      [...read(file).matchAll(/(?:\.\.\/shared\/)?docs\/[\w.-]+\.md/g)].map((match) => ({
        file,
        doc: match[0],
      })),
    );
    expect(cited.length).toBeGreaterThan(2);
    const missing = cited.filter(({ doc }) => {
      try {
        return doc.startsWith('../') || read(doc) === '';
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });
});
