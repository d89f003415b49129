import path from 'node:path';
import dotenv from 'dotenv';
import { HELP_OPTION, readCommandLine } from '../cli/commandLine.js';
import { ConfigError } from '../config.js';
import { REPORT_USAGE, runReport } from '../curation/command.js';
import { addArticle } from './add.js';
import { draftFacts } from './draft.js';
import { KbError, knowledgeDirOf, shownFolder } from './folder.js';
import { readKnowledge } from './load.js';
import { formatIssue, type SourceCoverage } from './validate.js';

const USAGE = `usage: npm run kb -- validate [--strict] [--dir DIR]
       npm run kb -- add FILE --id SLUG --title TITLE --language fr|en [--url URL] [--date YYYY-MM-DD] [--attribution TEXT] [--dir DIR]
       npm run kb -- draft SLUG [--dir DIR]
       ${REPORT_USAGE.replace('usage: ', '')}
The knowledge folder is --dir, else KNOWLEDGE_DIR (as npm start and npm run ask read it), else knowledge/.
validate checks every file and prints how many sentences curated facts cover; --strict fails if any is not.
add copies an article in; the bot answers from its sentences with no facts written.
draft writes a draft fact to review for each sentence no fact quotes yet.`;

const DIR_OPTION = { dir: { type: 'string' } } as const;

/**
 * `npm run kb -- validate [--strict] [--dir DIR]`: lints the knowledge files and prints how much
 * of each article reviewed facts cover. Exit 1 on any error, or with --strict on any sentence
 * they leave uncovered. `validate FOLDER` still names the folder as --dir does.
 */
function validate(argv: string[]): number {
  const commandLine = readCommandLine(
    'kb validate',
    {
      args: argv,
      options: { ...HELP_OPTION, ...DIR_OPTION, strict: { type: 'boolean' } },
      allowPositionals: true,
    },
    USAGE,
  );
  if (typeof commandLine === 'number') return commandLine;
  const [folder, ...extra] = commandLine.positionals;
  if (extra.length > 0 || (folder !== undefined && commandLine.values.dir !== undefined))
    return usageError('kb validate: name one folder, with --dir');
  const root = knowledgeDirOf(folder ?? commandLine.values.dir, process.env);
  const report = readKnowledge(root);
  for (const warning of report.warnings) process.stdout.write(`warning: ${formatIssue(warning)}\n`);
  for (const error of report.errors) process.stdout.write(`error: ${formatIssue(error)}\n`);
  if (!report.knowledge) {
    process.stdout.write(`${report.errors.length} error(s)\n`);
    return 1;
  }
  for (const source of report.coverage) {
    const drafts = source.drafts > 0 ? `; ${draftCount(source.drafts)}` : '';
    process.stdout.write(`${source.source}: ${coverageLine([source])}${drafts}\n`);
  }
  const { sources, facts, glossary } = report.knowledge;
  const drafts = report.coverage.reduce((sum, source) => sum + source.drafts, 0);
  const counts = [
    `${sources.length} source(s)`,
    coverageLine(report.coverage),
    `${facts.length} facts`,
    ...(drafts > 0 ? [draftCount(drafts)] : []),
    `${glossary.length} glossary concepts`,
  ];
  process.stdout.write(`ok: ${counts.join(', ')} in ${shownFolder(root)}\n`);
  if (!commandLine.values.strict) return 0;
  const short = report.coverage.filter((source) => source.uncovered.length > 0);
  for (const source of short) {
    const places = source.uncovered
      .map((sentence) => `§${sentence.paragraph}.${sentence.sentence}`)
      .join(', ');
    process.stdout.write(
      `error: ${source.file}: ${source.uncovered.length} of ${source.sentences} sentences not covered by curated facts (--strict): ${places}\n`,
    );
  }
  return short.length > 0 ? 1 : 0;
}

/** "38/55 sentences covered by curated facts (69%)": the percentage is 100 only when all are. */
function coverageLine(sources: readonly SourceCoverage[]): string {
  const total = sources.reduce((sum, source) => sum + source.sentences, 0);
  const covered = total - sources.reduce((sum, source) => sum + source.uncovered.length, 0);
  const percent = total === 0 ? 100 : Math.floor((covered * 100) / total);
  return `${covered}/${total} sentences covered by curated facts (${percent}%)`;
}

function draftCount(drafts: number): string {
  return `${drafts} draft fact(s) awaiting review`;
}

/** `npm run kb -- add FILE --id … --title … --language …`: copies an article into the folder. */
function add(argv: string[]): number {
  const text = { type: 'string' } as const;
  const commandLine = readCommandLine(
    'kb add',
    {
      args: argv,
      options: {
        ...HELP_OPTION,
        ...DIR_OPTION,
        id: text,
        title: text,
        language: text,
        url: text,
        date: text,
        attribution: text,
      },
      allowPositionals: true,
    },
    USAGE,
  );
  if (typeof commandLine === 'number') return commandLine;
  const [file, ...extra] = commandLine.positionals;
  if (extra.length > 0) return usageError(`kb add: one FILE only, not ${commandLine.positionals.length}`);
  const { dir, help: _help, ...fields } = commandLine.values;
  const root = knowledgeDirOf(dir, process.env);
  const added = addArticle({ root, file, ...fields });
  const where = dir === undefined ? '' : ` --dir ${dir}`;
  process.stdout.write(
    `added ${path.join(shownFolder(root), path.basename(added.dir))}: ${added.sentences} sentence(s) in ${added.paragraphs} paragraph(s), no curated facts yet.\n` +
      'The bot answers from its sentences (a running bot reads the folder again by itself).\n' +
      `Check it: npm run kb -- validate${where}; draft facts to review: npm run kb -- draft ${fields.id}${where}\n`,
  );
  return 0;
}

/** `npm run kb -- draft SLUG`: a draft fact for each sentence of SLUG no fact quotes yet. */
function draft(argv: string[]): number {
  const commandLine = readCommandLine(
    'kb draft',
    { args: argv, options: { ...HELP_OPTION, ...DIR_OPTION }, allowPositionals: true },
    USAGE,
  );
  if (typeof commandLine === 'number') return commandLine;
  const [slug, ...extra] = commandLine.positionals;
  if (slug === undefined || extra.length > 0)
    return usageError('kb draft: name one source (its folder name)');
  const result = draftFacts(knowledgeDirOf(commandLine.values.dir, process.env), slug);
  for (const place of result.unquotable) {
    process.stdout.write(
      `skipped §${place.paragraph}.${place.sentence}: its words also stand in an earlier sentence; quote part of it by hand\n`,
    );
  }
  if (result.written.length === 0) {
    process.stdout.write(
      `nothing to draft: every sentence of ${slug} is quoted by a fact (${result.covered} sentence(s), reviewed or draft)\n`,
    );
    return 0;
  }
  process.stdout.write(`drafted ${result.written.length} fact(s) in ${result.file}:\n`);
  for (const { id, location, questions } of result.written) {
    process.stdout.write(
      `  ${id}  §${location.paragraph}.${location.sentence}  ${questions.fr} fr, ${questions.en} en candidate question(s)\n`,
    );
  }
  process.stdout.write(
    'Each is a draft: the bot does not serve it. Review it (answer in both languages, at least 4 questions a language), then remove `draft: true`.\n',
  );
  return 0;
}

function usageError(problem?: string): number {
  process.stderr.write(`${problem ? `${problem}\n` : ''}${USAGE}\n`);
  return 2;
}

const COMMANDS: ReadonlyMap<string, (argv: string[]) => number> = new Map([
  ['validate', validate],
  ['add', add],
  ['draft', draft],
  ['report', runReport],
]);

/** `npm run kb -- validate|add|draft|report …`: the knowledge curator's tools. */
function main(argv: string[]): number {
  dotenv.config({ quiet: true });
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS.get(name);
  if (!command) {
    const commandLine = readCommandLine(
      'kb',
      { args: argv, options: HELP_OPTION, allowPositionals: true },
      USAGE,
    );
    return typeof commandLine === 'number' ? commandLine : usageError();
  }
  try {
    return command(rest);
  } catch (error) {
    if (!(error instanceof KbError) && !(error instanceof ConfigError)) throw error;
    for (const problem of error instanceof KbError ? error.problems : [error.message])
      process.stderr.write(`${problem}\n`);
    if (error instanceof KbError) process.stderr.write('Nothing was written.\n');
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
