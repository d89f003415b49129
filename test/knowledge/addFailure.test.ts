import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyKnowledge, removeCopies } from './copies.js';

// The disk fills up while `kb add` writes: the failure is reported and nothing stays behind.
const failing = vi.hoisted(() => ({ name: null as string | null }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const writeFileSync: typeof fs.writeFileSync = (file, ...rest) => {
    if (failing.name !== null && String(file).endsWith(failing.name))
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    return fs.writeFileSync(file, ...rest);
  };
  return { ...fs, default: { ...fs, writeFileSync }, writeFileSync };
});

const { addArticle } = await import('../../src/knowledge/add.js');

afterEach(() => {
  failing.name = null;
  removeCopies();
});

describe('addArticle when the disk fails', () => {
  it.each(['article.txt', 'source.yaml'])('leaves no half-made folder when writing %s fails', (name) => {
    const root = copyKnowledge();
    const input = mkdtempSync(path.join(tmpdir(), 'kb-add-'));
    const file = path.join(input, 'in.txt');
    writeFileSync(file, 'Geraldton opened a plant.\n');
    const before = readdirSync(root).sort();
    failing.name = name;
    try {
      expect(() =>
        addArticle({ root, file, id: 'geraldton-plant', title: 'A plant', language: 'en' }),
      ).toThrow(`${root}: cannot write the new article there (ENOSPC)`);
    } finally {
      rmSync(input, { recursive: true, force: true });
    }
    expect(readdirSync(root).sort()).toEqual(before);
    expect(existsSync(path.join(root, 'geraldton-plant'))).toBe(false);
  });
});
