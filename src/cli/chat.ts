import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clearScreenDown, createInterface, cursorTo } from 'node:readline';
import { fewNames, oneLine } from '../articleLines.js';
import type { Engine } from '../core/engine.js';
import type { Source } from '../core/types.js';
import { PLAIN, renderText, type TextStyle } from './render.js';

/** The words the chat takes as commands rather than questions, French ones included. */
export const CHAT_COMMANDS = {
  help: ['help', 'aide'],
  clear: ['clear', 'effacer'],
  exit: ['exit', 'quit', 'quitter', 'sortir', ':q'],
} as const;

type ChatCommand = keyof typeof CHAT_COMMANDS;

/** What the chat opens with: the articles it knows, by title, and how to leave. */
export function chatBanner(knowledge: { readonly sources: readonly Pick<Source, 'title'>[] }): string {
  const titles = knowledge.sources.map((source) => `“${oneLine(source.title)}”`);
  const what =
    titles.length === 1 ? titles[0] : `the ${titles.length} articles I know (${fewNames(titles, 'en')})`;
  return [
    `Ask about ${what}, in French or English. Type "help" for the commands, "exit" to leave.`,
    'To run the Discord bot instead, set DISCORD_TOKEN in .env (see .env.example and README.md).',
  ].join('\n');
}

const words = (command: ChatCommand) => CHAT_COMMANDS[command].map((word) => `"${word}"`).join(', ');

export const CHAT_HELP = [
  'Type a question and press Enter; the answer quotes the article it comes from, and names it.',
  `  ${words('help')}  this list`,
  `  ${words('clear')}  clear the screen`,
  `  ${words('exit')}  leave (Ctrl-D too)`,
  '  ↑ ↓  earlier questions; ← → Home End to edit the line',
].join('\n');

/** The file in DATA_DIR that keeps the questions typed in the chat. */
export const CHAT_HISTORY_FILE = 'chat-history';

/** Questions kept between sessions. */
export const HISTORY_SIZE = 500;

export interface ChatOptions {
  /** Line editing, history and `clear`; by default, when the input is a terminal. */
  readonly terminal?: boolean;
  readonly style?: TextStyle;
  /** Where typed questions are kept between sessions, when a terminal is attached. */
  readonly historyFile?: string;
}

/** The interactive terminal chat: one question a line until an exit word or end of input. */
export async function runChat(
  engine: Engine,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: ChatOptions = {},
): Promise<void> {
  const terminal = options.terminal ?? (input as { isTTY?: boolean }).isTTY === true;
  const style = options.style ?? PLAIN;
  const warn = (message: string) => output.write(`${style.muted(`warning: ${message}`)}\n`);
  const historyFile = terminal ? options.historyFile : undefined;
  output.write(`${chatBanner(engine.knowledge)}\n`);
  const lines = createInterface({
    input,
    output,
    prompt: style.heading('> '),
    terminal,
    history: historyFile ? readHistory(historyFile, warn) : [],
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  if (historyFile) lines.on('history', historyWriter(historyFile, warn));
  // Ctrl-C leaves, as Ctrl-D does; readline would only pause the input otherwise.
  lines.on('SIGINT', () => lines.close());
  lines.prompt();
  for await (const line of lines) {
    const question = line.trim();
    const command = commandOf(question);
    if (command === 'exit') break;
    if (command === 'help') output.write(`${CHAT_HELP}\n\n`);
    else if (command === 'clear') clearScreen(output, terminal);
    else if (question !== '') output.write(`${renderText(engine.ask(question), style)}\n\n`);
    lines.prompt();
  }
  lines.close();
  output.write('\n');
}

function commandOf(text: string): ChatCommand | null {
  const word = text.toLowerCase();
  const found = Object.entries(CHAT_COMMANDS).find(([, names]) =>
    (names as readonly string[]).includes(word),
  );
  return found ? (found[0] as ChatCommand) : null;
}

function clearScreen(output: NodeJS.WritableStream, terminal: boolean): void {
  if (!terminal) return; // Escape codes mean nothing in a file or a pipe.
  cursorTo(output, 0, 0);
  clearScreenDown(output);
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** The saved questions, most recent first as readline wants them; none when there is no file yet. */
export function readHistory(file: string, warn: (message: string) => void): string[] {
  try {
    const saved = readFileSync(file, 'utf8').split('\n');
    return saved
      .filter((line) => line.trim() !== '')
      .slice(-HISTORY_SIZE)
      .reverse();
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') warn(`earlier questions not read from ${file} (${errorCode(error)})`);
    return [];
  }
}

/**
 * Saves the history after each question, oldest first, so that nothing is lost when the chat
 * is killed. A failure is reported once; the chat goes on without saving.
 */
function historyWriter(file: string, warn: (message: string) => void): (history: string[]) => void {
  let failed = false;
  return (history) => {
    if (failed) return;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const kept = history.filter((line) => line.trim() !== '').slice(0, HISTORY_SIZE);
      writeFileSync(
        file,
        kept
          .reverse()
          .map((line) => `${line}\n`)
          .join(''),
      );
    } catch (error) {
      failed = true;
      warn(`questions not saved to ${file} (${errorCode(error)}); the chat goes on without history`);
    }
  };
}
