import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FolderWatch, watchFolder } from '../../src/knowledge/watch.js';
import { createLogger } from '../../src/log.js';

const DEBOUNCE_MS = 40;
/** Long enough for a change to have been reported if it were going to be. */
const QUIET_MS = DEBOUNCE_MS * 6;

let root: string;
let watcher: FolderWatch | undefined;
let changes: number;

const logger = createLogger('silent');
const file = (...parts: string[]) => path.join(root, ...parts);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `count` changes have been reported, for at most two seconds. */
async function changesReach(count: number): Promise<void> {
  for (let waited = 0; changes < count && waited < 2000; waited += 10) await pause(10);
  expect(changes).toBe(count);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'watch-'));
  mkdirSync(file('article'));
  writeFileSync(file('article', 'facts.yaml'), 'one');
  writeFileSync(file('glossary.yaml'), 'one');
  changes = 0;
  watcher = watchFolder(root, () => changes++, { logger, debounceMs: DEBOUNCE_MS });
});

afterEach(() => {
  watcher?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('watchFolder', () => {
  it('reports a burst of writes to the folder and a source folder once', async () => {
    writeFileSync(file('article', 'facts.yaml'), 'two');
    writeFileSync(file('glossary.yaml'), 'two');
    writeFileSync(file('article', 'facts.yaml'), 'three');
    await changesReach(1);
    await pause(QUIET_MS);
    expect(changes).toBe(1);
  });

  it('keeps seeing a file that editors replace on every save', async () => {
    for (let save = 1; save <= 3; save++) {
      writeFileSync(file('article', 'facts.yaml.tmp'), `save ${save}`);
      renameSync(file('article', 'facts.yaml.tmp'), file('article', 'facts.yaml'));
      await changesReach(save);
    }
    writeFileSync(file('article', 'facts.yaml'), 'written in place');
    await changesReach(4);
  });

  it('follows a source folder added after it started, and one removed', async () => {
    mkdirSync(file('second'));
    await changesReach(1);
    writeFileSync(file('second', 'facts.yaml'), 'new');
    await changesReach(2);
    rmSync(file('article'), { recursive: true });
    await changesReach(3);
  });

  it('ignores editor swap, lock and backup files', async () => {
    writeFileSync(file('article', '.facts.yaml.swp'), 'swap');
    writeFileSync(file('#glossary.yaml#'), 'autosave');
    writeFileSync(file('glossary.yaml~'), 'backup');
    await pause(QUIET_MS);
    expect(changes).toBe(0);
  });

  it('reports nothing once closed', async () => {
    writeFileSync(file('glossary.yaml'), 'two');
    watcher?.close();
    await pause(QUIET_MS);
    expect(changes).toBe(0);
  });
});
