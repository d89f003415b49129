import dotenv from 'dotenv';
import { HELP_OPTION, readCommandLine } from '../cli/commandLine.js';
import { readTerminalConfig } from '../config.js';
import { REPORT_USAGE, runReport } from '../curation/command.js';
import { KNOWLEDGE_DIR, readKnowledge } from './load.js';
import { formatIssue } from './validate.js';

const USAGE = `usage: npm run kb -- validate [knowledge-folder]
       (without a folder: KNOWLEDGE_DIR, as npm start and npm run ask read it, else knowledge/)
       ${REPORT_USAGE.replace('usage: ', '')}`;

/**
 * `npm run kb -- validate [folder]`: lints the knowledge files and exits 1 on any error. It checks
 * the folder the other commands would load, unless told another.
 */
function validate(folder: string | undefined): number {
  dotenv.config({ quiet: true });
  const root = folder ?? readTerminalConfig(process.env).knowledgeDir ?? KNOWLEDGE_DIR;
  const report = readKnowledge(root);
  for (const warning of report.warnings) process.stdout.write(`warning: ${formatIssue(warning)}\n`);
  for (const error of report.errors) process.stdout.write(`error: ${formatIssue(error)}\n`);
  if (report.knowledge) {
    const { sources, facts, glossary } = report.knowledge;
    const sentences = sources.reduce((sum, source) => sum + source.sentences.length, 0);
    process.stdout.write(
      `ok: ${sources.length} source(s), ${sentences} sentences all covered, ${facts.length} facts, ${glossary.length} glossary concepts in ${root === KNOWLEDGE_DIR ? 'knowledge/' : root}\n`,
    );
    return 0;
  }
  process.stdout.write(`${report.errors.length} error(s)\n`);
  return 1;
}

/** `npm run kb -- validate|report …`: the knowledge curator's tools; `report` reads its own flags. */
function main(argv: string[]): number {
  if (argv[0] === 'report') return runReport(argv.slice(1));
  const commandLine = readCommandLine(
    'kb',
    { args: argv, options: HELP_OPTION, allowPositionals: true },
    USAGE,
  );
  if (typeof commandLine === 'number') return commandLine;
  const [command, folder, ...extra] = commandLine.positionals;
  if (command !== 'validate' || extra.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  return validate(folder);
}

process.exitCode = main(process.argv.slice(2));
