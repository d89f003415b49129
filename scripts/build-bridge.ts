// Builds the bridge word list (src/knowledge/freedict/fr-en.tsv) from FreeDict's French–English
// and English–French dictd dictionaries, as Debian ships them in dict-freedict-fra-eng and
// dict-freedict-eng-fra. Prints what it kept and what it left out, and why.
//   npx tsx scripts/build-bridge.ts DEB_EXTRACT_DIR...
//   npx tsx scripts/build-bridge.ts path/to/freedict-fra-eng.index path/to/freedict-eng-fra.dict.dz
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HELP_OPTION, readCommandLine } from '../src/cli/commandLine.js';
import { foldText } from '../src/core/text.js';
import type { Language } from '../src/core/types.js';
import { BRIDGE_FILE } from '../src/knowledge/bridge.js';
import { loadLexicon } from '../src/knowledge/lexicon.js';
import {
  type DirectionPairs,
  mergePairs,
  type PairRules,
  pairsOf,
  parseArticle,
  readDictd,
  writeBridgeFile,
} from './freedict.js';

/** Translations kept per headword, first senses first: later ones are rarer or looser. */
const CAP = 6;
const DICTIONARIES: Record<string, Language> = { 'fra-eng': 'fr', 'eng-fra': 'en' };
const INDEX = /freedict-(fra-eng|eng-fra)\.index$/;

const USAGE = `usage: npx tsx scripts/build-bridge.ts [--out FILE] PATH...
  PATH: a folder to search (e.g. where dpkg-deb -x unpacked the two packages), or a dictionary's
  .index, .dict.dz or .dict file; freedict-fra-eng and freedict-eng-fra are both needed.
  --out: where to write (default ${path.relative(process.cwd(), BRIDGE_FILE)})`;

/** The .index files a path names: itself, its sibling for a data file, or those under a folder. */
function indexFilesOf(given: string): string[] {
  if (statSync(given).isDirectory()) {
    return readdirSync(given, { recursive: true, encoding: 'utf8' })
      .filter((file) => INDEX.test(file))
      .map((file) => path.join(given, file));
  }
  return [given.replace(/\.dict(?:\.dz)?$/, '.index')];
}

/** Each dictionary's index file, exactly one of each, or an error naming what is missing or twice. */
function findDictionaries(paths: readonly string[]): Map<string, string> {
  const found = new Map<string, string[]>();
  for (const given of paths) {
    if (!existsSync(given)) throw new Error(`${given}: no such file or folder`);
    for (const index of indexFilesOf(given)) {
      const name = INDEX.exec(index)?.[1];
      if (name === undefined) throw new Error(`${index}: not freedict-fra-eng nor freedict-eng-fra`);
      found.set(name, [...new Set([...(found.get(name) ?? []), path.resolve(index)])]);
    }
  }
  const problems = Object.keys(DICTIONARIES).flatMap((name) => {
    const files = found.get(name) ?? [];
    if (files.length === 0) return [`freedict-${name}.index: not found under ${paths.join(', ')}`];
    if (files.length > 1)
      return [`freedict-${name}.index: found ${files.length} times (${files.join(', ')})`];
    return [];
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  // In DICTIONARIES' order, not the folder's: the file's header must not depend on it.
  return new Map(Object.keys(DICTIONARIES).map((name) => [name, found.get(name)?.[0] ?? '']));
}

/** The data file beside an index: dictzipped as Debian ships it, or plain. */
function dataFileOf(index: string): string {
  const candidates = ['.dict.dz', '.dict'].map((ext) => index.replace(/\.index$/, ext));
  const data = candidates.find((file) => existsSync(file));
  if (data === undefined) throw new Error(`${index}: neither ${candidates.join(' nor ')} is beside it`);
  return data;
}

function main(): number {
  const commandLine = readCommandLine(
    'build-bridge',
    {
      args: process.argv.slice(2),
      options: { ...HELP_OPTION, out: { type: 'string' } },
      allowPositionals: true,
    },
    USAGE,
  );
  if (typeof commandLine === 'number') return commandLine;
  if (commandLine.positionals.length === 0) {
    process.stderr.write(`build-bridge: name the dictionaries.\n${USAGE}\n`);
    return 2;
  }
  const out = commandLine.values.out ?? BRIDGE_FILE;
  const lexicon = loadLexicon();
  // The word lists the engine knows real words by (accents folded): a word they lack is a typo
  // of the dictionary ("orginisation") or too rare to bridge.
  const rules: PairRules = { cap: CAP, isWord: (word, side) => lexicon.has(foldText(word), side) };
  const directions: DirectionPairs[] = [];
  const sources: string[] = [];
  for (const [name, index] of findDictionaries(commandLine.positionals)) {
    const dictionary = readDictd(index, dataFileOf(index));
    const pairs = pairsOf(
      dictionary.entries.map((entry) => parseArticle(entry.text)),
      DICTIONARIES[name] ?? 'fr',
      rules,
    );
    directions.push(pairs);
    sources.push(dictionary.short || name);
    const dropped = Object.entries(pairs.dropped).map(([why, count]) => `${why} ${count}`);
    console.log(
      `${name}: ${dictionary.entries.length} articles, ${pairs.lines.length} pairs; translations left out: ${dropped.join(', ')}`,
    );
  }
  const lines = mergePairs(...directions);
  const header = [
    `# French<TAB>English word pairs derived from ${sources.join(' and ')}.`,
    '# GPL-2.0-or-later, as the dictionaries: see README.md and COPYING beside this file.',
  ];
  console.log(writeBridgeFile(out, header, lines));
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  // A missing or malformed dictionary is the user's to fix: its message, not a stack trace.
  process.stderr.write(`build-bridge: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
