// Builds the second bridge word list (src/knowledge/apertium/fr-en.tsv): French–English pairs
// composed through Apertium's bilingual dictionaries with Spanish and Esperanto (Catalan on
// request) and FreeDict's with Dutch, as Debian ships them, kept only when two pivot languages
// agree. Prints what it kept and why it left the others.
//   npx tsx scripts/build-pivot.ts DEB_EXTRACT_DIR
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HELP_OPTION, readCommandLine } from '../src/cli/commandLine.js';
import { foldText } from '../src/core/text.js';
import { BRIDGE_FILE, PIVOT_FILE, readBridgePairs } from '../src/knowledge/bridge.js';
import { loadLexicon } from '../src/knowledge/lexicon.js';
import {
  attest,
  compose,
  dictionaryTranslations,
  expandSection,
  parseAtt,
  reversed,
  selectPairs,
  type Translations,
  translationsOf,
  unionOf,
} from './apertium.js';
import {
  isFunctionGrammar,
  isFunctionWord,
  parseArticle,
  readDictd,
  singleWord,
  writeBridgeFile,
} from './freedict.js';

/** Translations a word may have in the whole bridge, FreeDict's first (as build-bridge.ts keeps). */
const CAP = 6;
/** Pivot languages a pair must be reached through: one pivot's slips rarely repeat in another. */
const MIN_PIVOTS = 2;
/**
 * The pivots used unless --pivots names others. Not Catalan: apertium-eng-cat is GPL-3+ and the
 * Spanish and Esperanto packages GPL-2 only, licences that cannot be combined in one file.
 */
const DEFAULT_PIVOTS = ['spa', 'epo', 'nld'];

/**
 * Each pivot language: the dictionaries from French to it and from it to English, each compiled
 * in both directions by its package (a direction's restrictions leave out a few words).
 */
const ROUTES = {
  spa: {
    toPivot: { forward: 'fr-es', backward: 'es-fr' },
    toEnglish: { forward: 'spa-eng', backward: 'eng-spa' },
  },
  cat: {
    toPivot: { forward: 'fra-cat', backward: 'cat-fra' },
    toEnglish: { forward: 'cat-eng', backward: 'eng-cat' },
  },
  epo: {
    toPivot: { forward: 'fr-eo', backward: null },
    toEnglish: { forward: 'eo-en', backward: 'en-eo' },
  },
  // FreeDict's dictd dictionaries (no part of speech), not Apertium's: Debian has no Apertium
  // pair of Dutch with French. FreeDict's German, Italian, Spanish and Portuguese routes are
  // GPL-3+ or CC-BY-SA-3.0, which GPL-2-only data cannot be combined with.
  nld: {
    toPivot: { forward: 'fra-nld', backward: 'nld-fra' },
    toEnglish: { forward: 'nld-eng', backward: 'eng-nld' },
  },
} as const;
/** The routes whose dictionaries are FreeDict's (`freedict-NAME.index`), not Apertium's. */
const FREEDICT_ROUTES = new Set(['nld']);

const USAGE = `usage: npx tsx scripts/build-pivot.ts [--out FILE] [--min-pivots N] [--pivots LIST] DIR
  DIR: where dpkg-deb -x unpacked apertium-fr-es, apertium-eng-spa, apertium-fra-cat,
  apertium-eng-cat, apertium-eo-fr and apertium-eo-en (their usr/share/apertium/*/*.autobil.bin)
  and dict-freedict-fra-nld, -nld-fra, -nld-eng and -eng-nld (usr/share/dictd/freedict-*);
  lt-print (Debian package lttoolbox-dev) must be on PATH.
  --out: where to write (default ${path.relative(process.cwd(), PIVOT_FILE)})
  --min-pivots: pivot languages a pair must be reached through (default ${MIN_PIVOTS})
  --pivots: which, comma-separated, of ${Object.keys(ROUTES).join(', ')} (default ${DEFAULT_PIVOTS.join(',')};
  see src/knowledge/apertium/README.md before adding cat: its licence)`;

/**
 * Every dictionary under a folder by its name: Apertium's .autobil.bin (fr-es, eng-cat …) and
 * FreeDict's .index (freedict-fra-nld.index is fra-nld).
 */
function findDictionaries(dir: string): Map<string, string> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir}: no such folder`);
  const found = new Map<string, string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const name = /(?:^|\/)(?:freedict-)?([a-z]+-[a-z]+)\.(?:autobil\.bin|index)$/.exec(file)?.[1];
    if (name !== undefined) found.set(name, path.join(dir, file));
  }
  return found;
}

/** A FreeDict dictionary's translations, from its .index and the .dict.dz beside it. */
function readFreeDict(index: string): Translations {
  const data = index.replace(/\.index$/, '.dict.dz');
  if (!existsSync(data)) throw new Error(`${index}: ${data} is not beside it`);
  return dictionaryTranslations(
    readDictd(index, data).entries.map((entry) => parseArticle(entry.text)),
    (term) => singleWord(term, 'pivot'),
    isFunctionGrammar,
  );
}

/** A compiled dictionary's translations, printed by lt-print. */
function readTransducer(file: string): Translations {
  const printed = spawnSync('lt-print', [file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (printed.error !== undefined)
    throw new Error(`lt-print: ${printed.error.message} (install Debian's lttoolbox-dev package)`);
  if (printed.status !== 0) throw new Error(`lt-print ${file}: ${printed.stderr.trim()}`);
  return translationsOf(parseAtt(printed.stdout).flatMap(expandSection));
}

function main(): number {
  const commandLine = readCommandLine(
    'build-pivot',
    {
      args: process.argv.slice(2),
      options: {
        ...HELP_OPTION,
        out: { type: 'string' },
        'min-pivots': { type: 'string' },
        pivots: { type: 'string' },
      },
      allowPositionals: true,
    },
    USAGE,
  );
  if (typeof commandLine === 'number') return commandLine;
  if (commandLine.positionals.length !== 1) {
    process.stderr.write(`build-pivot: name one folder.\n${USAGE}\n`);
    return 2;
  }
  const minPivots = Number(commandLine.values['min-pivots'] ?? MIN_PIVOTS);
  if (!Number.isInteger(minPivots) || minPivots < 1)
    throw new Error('--min-pivots: a whole number, 1 or more');
  const out = commandLine.values.out ?? PIVOT_FILE;
  const chosen = commandLine.values.pivots?.split(',') ?? DEFAULT_PIVOTS;
  const unknown = chosen.filter((pivot) => !Object.hasOwn(ROUTES, pivot));
  if (unknown.length > 0)
    throw new Error(`--pivots: ${unknown.join(', ')} is not one of ${Object.keys(ROUTES).join(', ')}`);
  const dictionaries = findDictionaries(commandLine.positionals[0] ?? '');
  const read = (name: string | null, freeDict: boolean): Translations => {
    if (name === null) return new Map();
    const file = dictionaries.get(name);
    const expected = freeDict ? `freedict-${name}.index` : `${name}.autobil.bin`;
    if (file === undefined || !file.endsWith(expected))
      throw new Error(`${expected}: not found under ${commandLine.positionals[0]}`);
    return freeDict ? readFreeDict(file) : readTransducer(file);
  };
  const routes: Record<string, Map<string, Set<string>>> = {};
  for (const [pivot, { toPivot, toEnglish }] of Object.entries(ROUTES)) {
    if (!chosen.includes(pivot)) continue;
    const freeDict = FREEDICT_ROUTES.has(pivot);
    const frToPivot = unionOf(read(toPivot.forward, freeDict), reversed(read(toPivot.backward, freeDict)));
    const pivotToEn = unionOf(
      read(toEnglish.forward, freeDict),
      reversed(read(toEnglish.backward, freeDict)),
    );
    routes[pivot] = compose(frToPivot, pivotToEn);
    console.log(
      `${pivot}: ${frToPivot.size} French words to ${pivot}, ${pivotToEn.size} ${pivot} words to English, ${routes[pivot].size} pairs`,
    );
  }
  const lexicon = loadLexicon();
  const { lines, dropped } = selectPairs(attest(routes), readBridgePairs(BRIDGE_FILE), {
    minPivots,
    cap: CAP,
    isWord: (word, side) => lexicon.has(foldText(word), side),
    isFunctionWord,
  });
  console.log(
    `composed pairs left out: ${Object.entries(dropped)
      .map(([why, count]) => `${why} ${count}`)
      .join(', ')}`,
  );
  const header = [
    `# French<TAB>English word pairs composed through Apertium's and FreeDict's dictionaries with ${Object.keys(routes).join(', ')}, each reached through ${minPivots} pivot languages or more.`,
    chosen.includes('cat')
      ? '# Mixes GPL-3+ data (apertium-eng-cat) with GPL-2-only data: not to be shipped, see README.md.'
      : '# GPL-2.0-only, as the dictionaries: see README.md and COPYING beside this file.',
  ];
  console.log(writeBridgeFile(out, header, lines));
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`build-pivot: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
