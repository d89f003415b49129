import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'vitest';

/**
 * The shared material beside the repository (`../shared`): the dev set, its scorer and the
 * article as supplied. SHARED_DIR points elsewhere, e.g. at an empty folder to check what runs
 * without it.
 */
export const SHARED_DIR = path.resolve(
  process.env.SHARED_DIR || fileURLToPath(new URL('../../../shared', import.meta.url)),
);
export const DEV_SET_FILE = path.join(SHARED_DIR, 'eval', 'dev.jsonl');
export const SUPPLIED_ARTICLE_FILE = path.join(SHARED_DIR, 'source', 'article-fr.txt');

/**
 * Skips the running test when what it needs is missing, and says why in the output of every
 * reporter: the default one shows only the warning, the verbose one the skip note too.
 */
export function skipWithout(context: TestContext, available: boolean, reason: string): void {
  if (available) return;
  console.warn(`skipped: ${reason}`);
  context.skip(reason);
}
