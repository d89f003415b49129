import { createInterface } from 'node:readline';
import type { Engine } from '../core/engine.js';
import { renderText } from './render.js';

export const CHAT_BANNER = [
  'Ask about the article, in French or English. Type "exit" to leave.',
  'To run the Discord bot instead, set DISCORD_TOKEN in .env (see .env.example and README.md).',
].join('\n');

const EXIT_WORDS = new Set(['exit', 'quit', 'quitter', 'sortir', ':q']);

/** The interactive terminal chat: one question a line until "exit" or end of input. */
export async function runChat(engine: Engine, input: NodeJS.ReadableStream, output: NodeJS.WritableStream) {
  output.write(`${CHAT_BANNER}\n`);
  const lines = createInterface({
    input,
    output,
    prompt: '> ',
    terminal: false,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  output.write('> ');
  for await (const line of lines) {
    const question = line.trim();
    if (EXIT_WORDS.has(question.toLowerCase())) break;
    if (question !== '') output.write(`${renderText(engine.ask(question), engine.knowledge)}\n\n`);
    output.write('> ');
  }
  lines.close();
  output.write('\n');
}
