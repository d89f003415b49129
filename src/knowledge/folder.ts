import path from 'node:path';
import { readTerminalConfig } from '../config.js';
import { KNOWLEDGE_DIR } from './load.js';

/**
 * The knowledge folder a `kb` command works on: the one it was given (`--dir`), else
 * `KNOWLEDGE_DIR` as `npm start` and `npm run ask` read it (from the environment or `.env`, which
 * the caller has loaded), else the repository's `knowledge/`.
 */
export function knowledgeDirOf(given: string | undefined, env: NodeJS.ProcessEnv): string {
  return given ?? readTerminalConfig(env).knowledgeDir ?? KNOWLEDGE_DIR;
}

/** How messages name a folder: `knowledge/` for the repository's own, else as given. */
export function shownFolder(root: string): string {
  return path.resolve(root) === path.resolve(KNOWLEDGE_DIR) ? 'knowledge/' : root;
}

/** A mistake in what a `kb` command was asked to do; nothing has been written. */
export class KbError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'KbError';
  }
}
