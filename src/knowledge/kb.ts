import { REPORT_USAGE, runReport } from '../curation/command.js';
import { readKnowledge } from './load.js';
import { formatIssue } from './validate.js';

const USAGE = `usage: npm run kb -- validate [knowledge-folder]\n       ${REPORT_USAGE.replace('usage: ', '')}`;

/** `npm run kb -- validate [folder]`: lints the knowledge files and exits 1 on any error. */
function validate(folder: string | undefined): number {
  const report = readKnowledge(folder);
  for (const warning of report.warnings) process.stdout.write(`warning: ${formatIssue(warning)}\n`);
  for (const error of report.errors) process.stdout.write(`error: ${formatIssue(error)}\n`);
  if (report.knowledge) {
    const { sources, facts, glossary } = report.knowledge;
    const sentences = sources.reduce((sum, source) => sum + source.sentences.length, 0);
    process.stdout.write(
      `ok: ${sources.length} source(s), ${sentences} sentences all covered, ${facts.length} facts, ${glossary.length} glossary concepts\n`,
    );
    return 0;
  }
  process.stdout.write(`${report.errors.length} error(s)\n`);
  return 1;
}

/** `npm run kb -- validate|report …`: the knowledge curator's tools. */
function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === 'validate') return validate(rest[0]);
  if (command === 'report') return runReport(rest);
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
