import { createInterface } from 'node:readline';
import dotenv from 'dotenv';
import { loadEngine } from '../bootstrap.js';
import { ConfigError, readTerminalConfig } from '../config.js';
import type { Engine } from '../core/engine.js';
import { KnowledgeError } from '../knowledge/load.js';
import { HELP_OPTION, readCommandLine } from './commandLine.js';
import { renderExplanation, renderText, styleFor, toJson } from './render.js';

const USAGE = `usage: npm run ask -- [--json] [--explain] [--source ARTICLE_ID] "question"
       some-command | npm run --silent ask -- --json     (one question a line, one JSON object a line)
  --source ARTICLE_ID   answer from that article only (its folder name in the knowledge folder)`;

/** Answers one question given as arguments, or every line of a piped stdin, in order. */
async function main(argv: string[]): Promise<number> {
  const commandLine = readCommandLine(
    'ask',
    {
      args: argv,
      options: {
        ...HELP_OPTION,
        json: { type: 'boolean' },
        explain: { type: 'boolean' },
        source: { type: 'string' },
      },
      allowPositionals: true,
    },
    USAGE,
  );
  if (typeof commandLine === 'number') return commandLine;
  const { json = false, explain = false, source } = commandLine.values;
  const words = commandLine.positionals;
  let engine: Engine;
  try {
    dotenv.config({ quiet: true });
    engine = loadEngine(readTerminalConfig(process.env).knowledgeDir);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof KnowledgeError) {
      process.stderr.write(`${error.message}\nFix the files above, then run: npm run kb -- validate\n`);
      return 1;
    }
    throw error;
  }
  const known = engine.knowledge.sources.map((article) => article.id);
  if (source !== undefined && !known.includes(source)) {
    process.stderr.write(
      `ask: --source ${JSON.stringify(source)} is not an article of the knowledge folder. Known: ${known.join(', ')}.\n`,
    );
    return 2;
  }
  const style = styleFor(process.stdout, process.env);
  const print = (question: string) => {
    const answer = engine.ask(question, source === undefined ? {} : { source });
    process.stdout.write(`${json ? JSON.stringify(toJson(answer)) : renderText(answer, style)}\n`);
    if (explain) process.stdout.write(`${renderExplanation(engine.explain(question))}\n`);
  };
  if (words.length > 0) {
    print(words.join(' '));
    return 0;
  }
  if (process.stdin.isTTY) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    print(line);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
