import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SCANNED = ['README.md', 'docs', 'src', 'knowledge', 'test', 'bench', 'scripts', '.ci'];
const TEXT = /\.(md|ts|mjs|js|json|jsonl|yaml|yml|tsv|txt)$|^run$/;
// A merge left unresolved: git's markers at the start of a line.
const MARKER = /^(<{7}|>{7}) |^={7}$/m;

function filesUnder(entry: string): string[] {
  const full = path.join(REPO, entry);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (!statSync(full).isDirectory()) return TEXT.test(path.basename(full)) ? [full] : [];
  return readdirSync(full).flatMap((name) => filesUnder(path.join(entry, name)));
}

describe('the repository', () => {
  it('holds no unresolved merge: no conflict marker in any text file', () => {
    const marked = SCANNED.flatMap(filesUnder)
      .filter((file) => MARKER.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(REPO, file));
    expect(marked).toEqual([]);
  });
});
