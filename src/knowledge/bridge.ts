import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The French–English word pairs, derived from FreeDict's dictionaries (GPL-2.0-or-later, see
 * freedict/README.md). Built by scripts/build-bridge.ts; it lives under src/ so that whatever
 * ships the code (the Docker image copies src/) ships the data, and KNOWLEDGE_DIR never moves it.
 */
export const BRIDGE_FILE = fileURLToPath(new URL('./freedict/fr-en.tsv', import.meta.url));
/**
 * More pairs, composed through Apertium's dictionaries (GPL, see apertium/README.md). Built by
 * scripts/build-pivot.ts; read after FreeDict's, whose translations come first.
 */
export const PIVOT_FILE = fileURLToPath(new URL('./apertium/fr-en.tsv', import.meta.url));

/**
 * Common words of news reports that both lists lack ("usine"/"plant", "entreprise"/"company"), written
 * for this project and checked by hand (see common/README.md); read last.
 */
export const COMMON_FILE = fileURLToPath(new URL('./common/fr-en.tsv', import.meta.url));

/** A French word and one English translation, both lower-case, accents kept. */
export type BridgePair = readonly [fr: string, en: string];

/** One side of a pair: a single lower-case word of two letters or more, letters only. */
export const BRIDGE_WORD = /^\p{Ll}{2,}$/u;

const REBUILD =
  "rebuild it as src/knowledge/freedict/README.md (FreeDict's pairs) or src/knowledge/apertium/README.md (the pivot pairs) says, or restore src/knowledge/common/fr-en.tsv (the hand-checked pairs) from git";
/** A malformed file is named with its first few bad lines, not all of them. */
const SHOWN_PROBLEMS = 5;

/**
 * Reads the pairs of a bridge file: one `french<TAB>english` a line, `#` lines are comments.
 * Throws an error naming the file and its bad lines when any line is not a pair of words.
 */
export function parseBridgePairs(text: string, file: string): BridgePair[] {
  // Each word is kept once: a French headword has up to six translations, and many English
  // words are the translation of several French ones.
  const words = new Map<string, string>();
  const intern = (word: string): string => {
    const known = words.get(word);
    if (known !== undefined) return known;
    words.set(word, word);
    return word;
  };
  const pairs: BridgePair[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const [fr = '', en = '', ...rest] = line.split('\t');
    if (rest.length > 0 || !BRIDGE_WORD.test(fr) || !BRIDGE_WORD.test(en)) {
      problems.push(`line ${i + 1}: ${JSON.stringify(line.slice(0, 80))}`);
      return;
    }
    pairs.push([intern(fr), intern(en)]);
  });
  if (problems.length > 0) {
    const more = problems.length > SHOWN_PROBLEMS ? ` (and ${problems.length - SHOWN_PROBLEMS} more)` : '';
    throw new Error(
      `The bridge word list ${file} is malformed: each line must be "french<TAB>english", two ` +
        `lower-case words of letters only. Bad lines${more}:\n` +
        problems
          .slice(0, SHOWN_PROBLEMS)
          .map((problem) => `  - ${problem}`)
          .join('\n') +
        `\nFix the file or ${REBUILD}.`,
    );
  }
  if (pairs.length === 0) throw new Error(`The bridge word list ${file} holds no pairs: ${REBUILD}.`);
  return pairs;
}

/** Reads a bridge file from disk (no cache). */
export function readBridgePairs(file: string = BRIDGE_FILE): BridgePair[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`Cannot read the bridge word list ${file} (${code}): ${REBUILD}.`);
  }
  return parseBridgePairs(text, file);
}

let cached: readonly BridgePair[] | null = null;
let checked: readonly BridgePair[] | null = null;

/** The hand-checked pairs alone (`COMMON_FILE`), read once: the engine keeps them all. */
export function loadCheckedPairs(): ReadonlyArray<BridgePair> {
  checked ??= readBridgePairs(COMMON_FILE);
  return checked;
}

/** The bridge's pairs, FreeDict's, then Apertium's, then the hand-checked common ones, read once. */
export function loadBridgePairs(): ReadonlyArray<BridgePair> {
  cached ??= [...readBridgePairs(BRIDGE_FILE), ...readBridgePairs(PIVOT_FILE), ...loadCheckedPairs()];
  return cached;
}
