import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { CHAT_COMMANDS, type ChatOptions, chatBanner, HISTORY_SIZE, runChat } from '../../src/cli/chat.js';
import { COLOURED, PLAIN, styleFor } from '../../src/cli/render.js';
import { createEngine } from '../../src/core/engine.js';
import { KNOWLEDGE } from '../core/fixture.js';

const engine = createEngine(KNOWLEDGE);

/** Keys as a terminal sends them. */
const KEY = { enter: '\r', up: '\x1b[A', down: '\x1b[B', left: '\x1b[D', backspace: '\x7f' } as const;

/** Runs the chat on `typed` (all of it at once) and returns everything it printed. */
async function chat(typed: string, options: ChatOptions = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => {
    printed += String(chunk);
  });
  const done = runChat(engine, input, output, options);
  input.end(typed);
  await done;
  return printed;
}

const lines = (questions: string[]) => questions.map((line) => `${line}\n`).join('');

const made: string[] = [];
/** A history file in a fresh folder, `data/` in it not created yet (as DATA_DIR may not be). */
function historyFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'chat-'));
  made.push(dir);
  return path.join(dir, 'data', 'chat-history');
}

/** A history file written by an earlier session. */
function savedHistory(text: string): string {
  const file = historyFile();
  mkdirSync(path.dirname(file));
  writeFileSync(file, text);
  return file;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the terminal chat, without a terminal', () => {
  it('greets with how to connect Discord, answers each question, and leaves on exit', async () => {
    const printed = await chat(lines(['Who is Paul Martin?', 'exit', 'How many shops will Dupont open?']));
    expect(printed.startsWith(chatBanner(engine.knowledge))).toBe(true);
    expect(printed).toContain(`Ask about “${KNOWLEDGE.sources[0]?.title}”`);
    expect(printed).toContain('DISCORD_TOKEN');
    expect(printed).toContain('Paul Martin is the director of Dupont.');
    expect(printed).toContain('« Son directeur, Paul Martin »');
    expect(printed).not.toContain('three shops');
  });

  it('ends quietly at the end of input', async () => {
    const printed = await chat(lines(['Qui est Paul Martin ?']));
    expect(printed).toContain('Paul Martin est le directeur de Dupont.');
  });

  it('leaves on each exit word, French ones included, in any case', async () => {
    for (const word of CHAT_COMMANDS.exit) {
      const printed = await chat(lines([word.toUpperCase(), 'Who is Paul Martin?']));
      expect(printed, word).not.toContain('Paul Martin is');
    }
  });

  it('lists the commands and every exit word on "help" and "aide"', async () => {
    for (const word of CHAT_COMMANDS.help) {
      const printed = await chat(lines([word]));
      for (const command of Object.values(CHAT_COMMANDS).flat()) expect(printed).toContain(`"${command}"`);
    }
  });

  it('prints no escape codes and keeps no history', async () => {
    const file = historyFile();
    const printed = await chat(lines(['Who is Paul Martin?', 'clear']), { historyFile: file });
    expect(printed).not.toContain('\x1b');
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });
});

describe('the terminal chat, at a terminal', () => {
  const atTerminal = (file: string): ChatOptions => ({ terminal: true, historyFile: file });

  it('recalls the previous question with ↑, and saves each question once, without empty lines', async () => {
    const file = historyFile();
    const printed = await chat(
      `Who is Paul Martin?${KEY.enter}${KEY.enter}   ${KEY.enter}${KEY.up}${KEY.enter}`,
      atTerminal(file),
    );
    expect(stripVTControlCharacters(printed).match(/Paul Martin is the director/g)).toHaveLength(2);
    expect(readFileSync(file, 'utf8')).toBe('Who is Paul Martin?\n');
  });

  it('edits the line with ← and backspace', async () => {
    const printed = await chat(`Who is Paul Martinx?${KEY.left}${KEY.backspace}${KEY.enter}`, {
      terminal: true,
    });
    expect(stripVTControlCharacters(printed)).toContain('Paul Martin is the director');
  });

  it('recalls questions saved by an earlier session, oldest first in the file', async () => {
    const file = historyFile();
    await chat(`Qui est Paul Martin ?${KEY.enter}Who is Paul Martin?${KEY.enter}`, atTerminal(file));
    expect(readFileSync(file, 'utf8')).toBe('Qui est Paul Martin ?\nWho is Paul Martin?\n');
    const printed = await chat(`${KEY.up}${KEY.up}${KEY.enter}`, atTerminal(file));
    expect(stripVTControlCharacters(printed)).toContain('Paul Martin est le directeur de Dupont.');
  });

  it(`keeps the last ${HISTORY_SIZE} questions`, async () => {
    const file = savedHistory(Array.from({ length: 600 }, (_, i) => `question ${i}\n`).join(''));
    await chat(`Who is Paul Martin?${KEY.enter}`, atTerminal(file));
    const saved = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(saved).toHaveLength(HISTORY_SIZE);
    expect(saved.at(-1)).toBe('Who is Paul Martin?');
    expect(saved[0]).toBe(`question ${600 - HISTORY_SIZE + 1}`);
  });

  it('warns once and goes on answering when the history cannot be written', async () => {
    const blocker = savedHistory('');
    const file = path.join(blocker, 'data', 'chat-history'); // under a file: ENOTDIR
    const printed = stripVTControlCharacters(
      await chat(`Who is Paul Martin?${KEY.enter}Qui est Paul Martin ?${KEY.enter}`, atTerminal(file)),
    );
    expect(printed.match(/warning: questions not saved to .* \(ENOTDIR\)/g)).toHaveLength(1);
    expect(printed).toContain('Paul Martin est le directeur de Dupont.');
  });

  it('clears the screen on "clear"', async () => {
    const printed = await chat(`clear${KEY.enter}`, { terminal: true });
    expect(printed).toContain('\x1b[1;1H\x1b[0J');
  });
});

describe('colours', () => {
  const stream = (hasColors: boolean) => Object.assign(new PassThrough(), { hasColors: () => hasColors });

  it('are used when the output shows them and NO_COLOR is unset or empty', () => {
    expect(styleFor(stream(true), {})).toBe(COLOURED);
    expect(styleFor(stream(true), { NO_COLOR: '' })).toBe(COLOURED);
  });

  it('are not used with NO_COLOR, nor for an output that does not show them', () => {
    expect(styleFor(stream(true), { NO_COLOR: '1' })).toBe(PLAIN);
    expect(styleFor(stream(false), {})).toBe(PLAIN);
    expect(styleFor(new PassThrough(), {})).toBe(PLAIN);
  });

  it('set the quote apart, and nothing else changes', async () => {
    const coloured = await chat(lines(['Who is Paul Martin?']), { style: COLOURED });
    expect(coloured).toContain('\x1b[36m« Son directeur, Paul Martin »\x1b[39m');
    expect(stripVTControlCharacters(coloured)).toBe(await chat(lines(['Who is Paul Martin?'])));
  });
});
