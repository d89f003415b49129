import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { loadEngine } from '../bootstrap.js';
import { HELP_OPTION, readCommandLine } from '../cli/commandLine.js';
import { ConfigError, readCurationConfig } from '../config.js';
import { FEEDBACK_FILE } from '../discord/feedback.js';
import { QUESTIONS_FILE } from '../discord/questionLog.js';
import { KnowledgeError } from '../knowledge/load.js';
import { renderReportHtml } from './html.js';
import { parseQuestionLines, parseVoteLines } from './lines.js';
import { buildReport } from './report.js';
import { renderReportText } from './text.js';

export const REPORT_USAGE =
  'usage: npm run kb -- report [--since 24h|7d|30d] [--json] [--html FILE] [--dir DIR]';

const UNIT_MS = { h: 3_600_000, d: 86_400_000 } as const;

/** "24h", "7d": a duration in milliseconds, or null when it is not one. */
export function parseSince(value: string): number | null {
  const match = /^(\d{1,5})([hd])$/.exec(value.trim());
  if (!match) return null;
  const count = Number(match[1]);
  return count > 0 ? count * UNIT_MS[match[2] as keyof typeof UNIT_MS] : null;
}

/** Where the question log is not: where it was looked for, and how to have one. */
function missingLogMessage(file: string, loggingOn: boolean): string {
  return [
    `No question log at ${file}.`,
    loggingOn
      ? 'The bot writes it while it serves Discord (QUESTION_LOG=on, the default). Run the report where the bot runs, or set DATA_DIR to the folder it writes to.'
      : 'QUESTION_LOG is off here: set QUESTION_LOG=on (or remove it) in .env and restart the bot, which then records each question.',
  ].join('\n');
}

/**
 * `npm run kb -- report`: reads questions.jsonl and feedback.jsonl from DATA_DIR and prints
 * what a curator needs, checked against the knowledge folder (--dir, else KNOWLEDGE_DIR). Exit 0 with a report, 1 when there is no log (or no valid knowledge or
 * configuration), 2 for a usage mistake.
 */
export function runReport(argv: readonly string[]): number {
  const commandLine = readCommandLine(
    'kb report',
    {
      args: [...argv],
      options: {
        ...HELP_OPTION,
        since: { type: 'string' },
        json: { type: 'boolean' },
        html: { type: 'string' },
        dir: { type: 'string' },
      },
    },
    REPORT_USAGE,
  );
  if (typeof commandLine === 'number') return commandLine;
  const flags = commandLine.values;
  const sinceMs = flags.since === undefined ? undefined : parseSince(flags.since);
  if (sinceMs === null) {
    process.stderr.write(
      `--since: ${JSON.stringify(flags.since)} is not a duration: give hours or days, such as 24h, 7d or 30d\n${REPORT_USAGE}\n`,
    );
    return 2;
  }
  try {
    dotenv.config({ quiet: true });
    const config = readCurationConfig(process.env);
    const questionsFile = path.resolve(config.dataDir, QUESTIONS_FILE);
    if (!existsSync(questionsFile)) {
      process.stderr.write(`${missingLogMessage(questionsFile, config.questionLog.enabled)}\n`);
      return 1;
    }
    const feedbackFile = path.resolve(config.dataDir, FEEDBACK_FILE);
    const questions = parseQuestionLines(readFileSync(questionsFile, 'utf8'));
    const votes = parseVoteLines(existsSync(feedbackFile) ? readFileSync(feedbackFile, 'utf8') : '');
    for (const [file, skipped] of [
      [questionsFile, questions.skipped],
      [feedbackFile, votes.skipped],
    ] as const) {
      if (skipped > 0)
        process.stderr.write(`warning: ${file}: ${skipped} line(s) skipped, not records of this file\n`);
    }
    const report = buildReport({
      questions: questions.records,
      votes: votes.records,
      engine: loadEngine(flags.dir ?? config.knowledgeDir),
      now: new Date(),
      sinceMs,
    });
    process.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : renderReportText(report));
    if (flags.html !== undefined) {
      writeFileSync(flags.html, renderReportHtml(report), 'utf8');
      process.stderr.write(`wrote ${path.resolve(flags.html)}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KnowledgeError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code !== undefined) {
      process.stderr.write(`${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}
