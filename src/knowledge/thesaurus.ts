import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StemThesaurus } from '../core/thesaurus.js';
import type { Language } from '../core/types.js';

/**
 * The synonym lists, derived from the MyThes thesauri Debian ships (mythes-fr, LGPL-2.1-or-later;
 * mythes-en-us, from WordNet 3.0: see thesaurus/README.md). Built by scripts/build-thesaurus.ts;
 * they live under src/ as the bridge's word list does, so whatever ships the code ships them.
 */
export const THESAURUS_FILES: Record<Language, string> = {
  fr: fileURLToPath(new URL('./thesaurus/fr.tsv', import.meta.url)),
  en: fileURLToPath(new URL('./thesaurus/en.tsv', import.meta.url)),
};

const REBUILD = 'rebuild it as src/knowledge/thesaurus/README.md says';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`Cannot read the thesaurus ${file} (${code}): ${REBUILD}.`);
  }
}

/** Reads both languages' lists (no cache); an unreadable or malformed file is named. */
export function readThesaurus(files: Record<Language, string> = THESAURUS_FILES): StemThesaurus {
  try {
    return new StemThesaurus({ fr: readText(files.fr), en: readText(files.en) });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const language = /\((fr|en)\)/.exec(error.message)?.[1] as Language | undefined;
    throw new Error(
      `The thesaurus ${language ? files[language] : ''} is malformed: ${error.message}. Fix the file or ${REBUILD}.`,
    );
  }
}
