import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config.js';

/**
 * Creates DATA_DIR if missing and proves it writable by writing and removing a probe file, so
 * that a wrong DATA_DIR stops the start instead of losing the first vote or chat history.
 */
export function checkDataDir(dataDir: string): void {
  const probe = path.join(dataDir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError([
      `DATA_DIR: cannot write in ${path.resolve(dataDir)} (${code}). Point it at a folder this user may write in, or fix the folder's permissions`,
    ]);
  }
}
