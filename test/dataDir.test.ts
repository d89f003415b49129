import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.js';
import { checkDataDir } from '../src/dataDir.js';

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'data-dir-'));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('checkDataDir', () => {
  it('creates a missing DATA_DIR, nested, and leaves nothing behind in it', () => {
    const dataDir = path.join(tempDir(), 'a', 'b');
    checkDataDir(dataDir);
    expect(existsSync(dataDir)).toBe(true);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('names DATA_DIR, the folder and the error when it cannot write there', () => {
    const file = path.join(tempDir(), 'feedback.jsonl');
    writeFileSync(file, '');
    const dataDir = path.join(file, 'data');
    let problems: readonly string[] = [];
    try {
      checkDataDir(dataDir);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([
      `DATA_DIR: cannot write in ${dataDir} (ENOTDIR). Point it at a folder this user may write in, or fix the folder's permissions`,
    ]);
  });
});
