// Builds the synonym lists (src/knowledge/thesaurus/fr.tsv and en.tsv) from the MyThes thesauri
// Debian ships in mythes-fr (thes_fr.dat) and mythes-en-us (th_en_US_v2.dat). Prints what it kept.
//   npx tsx scripts/build-thesaurus.ts DEB_EXTRACT_DIR...
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HELP_OPTION, readCommandLine } from '../src/cli/commandLine.js';
import { foldText } from '../src/core/text.js';
import { thesaurusLines } from '../src/core/thesaurus.js';
import type { Language } from '../src/core/types.js';
import { loadLexicon } from '../src/knowledge/lexicon.js';
import { readThesaurus, THESAURUS_FILES } from '../src/knowledge/thesaurus.js';

/** Each language's MyThes data file, as Debian names it. */
const DATA_FILES: Record<Language, string> = { fr: 'thes_fr.dat', en: 'th_en_US_v2.dat' };
/** A word's first synonyms only, across its senses in the thesaurus's order: later ones are looser. */
const FIRST = 10;
/** WordNet's broader words ("blaze": fire, flame), first ones only; the French thesaurus has none. */
const BROADER = 2;
const GENERIC = ' (generic term)';
/** A plain word: letters only, three at least (no phrases, no abbreviations, no hyphens). */
const WORD = /^\p{Ll}{3,}$/u;

const USAGE = `usage: npx tsx scripts/build-thesaurus.ts PATH...
  PATH: a folder to search (where dpkg-deb -x unpacked mythes-fr and mythes-en-us), holding
  ${Object.values(DATA_FILES).join(' and ')}.`;

interface Entry {
  /** Synonyms, in the order the senses list them. */
  readonly plain: string[];
  /** Broader words (WordNet's "generic term"). */
  readonly broader: string[];
}

/** MyThes's data format: an encoding line, then `word|senses` and a line `(pos)|word|word…` per sense. */
function readMyThes(file: string): Map<string, Entry> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const entries = new Map<string, Entry>();
  for (let i = 1; i < lines.length; ) {
    const [word = '', count = ''] = (lines[i] ?? '').split('|');
    const senses = Number(count);
    i += 1;
    if (!Number.isInteger(senses) || senses < 1) continue;
    const entry: Entry = entries.get(word) ?? { plain: [], broader: [] };
    for (const sense of lines.slice(i, i + senses)) {
      for (const item of sense.split('|').slice(1)) {
        const broader = item.endsWith(GENERIC);
        const synonym = broader ? item.slice(0, -GENERIC.length) : item;
        if (synonym === word || synonym.includes('(')) continue;
        const list = broader ? entry.broader : entry.plain;
        if (!list.includes(synonym)) list.push(synonym);
      }
    }
    entries.set(word, entry);
    i += senses;
  }
  return entries;
}

/**
 * The pairs kept: two plain words that each list the other among their first synonyms (a
 * thesaurus lists loose words one way only: "fort" has 184), and a word's first broader words.
 */
function pairsOf(entries: Map<string, Entry>, isWord: (word: string) => boolean): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [word, entry] of entries) {
    if (!WORD.test(word) || !isWord(word)) continue;
    const fits = (other: string) => WORD.test(other) && isWord(other);
    for (const synonym of entry.plain.slice(0, FIRST))
      if (fits(synonym) && entries.get(synonym)?.plain.slice(0, FIRST).includes(word))
        pairs.push([word, synonym]);
    for (const broader of entry.broader.filter(fits).slice(0, BROADER)) pairs.push([word, broader]);
  }
  return pairs;
}

function findFile(paths: readonly string[], name: string): string {
  const found = paths.flatMap((given) =>
    statSync(given).isDirectory()
      ? readdirSync(given, { recursive: true, encoding: 'utf8' })
          .filter((file) => path.basename(file) === name)
          .map((file) => path.join(given, file))
      : path.basename(given) === name
        ? [given]
        : [],
  );
  if (found.length !== 1) throw new Error(`${name}: found ${found.length} times under ${paths.join(', ')}`);
  return found[0] as string;
}

function main(): number {
  const commandLine = readCommandLine(
    'build-thesaurus',
    { args: process.argv.slice(2), options: { ...HELP_OPTION }, allowPositionals: true },
    USAGE,
  );
  if (typeof commandLine === 'number') return commandLine;
  if (commandLine.positionals.length === 0) {
    process.stderr.write(`build-thesaurus: name the unpacked packages.\n${USAGE}\n`);
    return 2;
  }
  const lexicon = loadLexicon();
  for (const language of ['fr', 'en'] as const) {
    const source = findFile(commandLine.positionals, DATA_FILES[language]);
    const entries = readMyThes(source);
    // A word the engine's word lists lack is too rare to be asked about, or not the language's.
    const pairs = pairsOf(entries, (word) => lexicon.has(foldText(word), language));
    const header = [
      `# Synonym stems derived from MyThes ${DATA_FILES[language]} (${language === 'fr' ? 'LGPL-2.1-or-later' : 'WordNet 3.0 licence'}):`,
      '# see README.md beside this file. stem<TAB>stems, sorted; built by scripts/build-thesaurus.ts.',
    ];
    const lines = thesaurusLines(pairs, language);
    const out = THESAURUS_FILES[language];
    writeFileSync(out, `${[...header, ...lines].join('\n')}\n`);
    console.log(
      `${source}: ${entries.size} entries, ${pairs.length} pairs kept → ${out}: ${lines.length} stems, ${statSync(out).size} bytes`,
    );
  }
  // Read back as the engine reads it: a malformed file fails here, not at a start.
  const sizes = readThesaurus().size;
  console.log(`read back: ${sizes.fr} French stems, ${sizes.en} English stems`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`build-thesaurus: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
