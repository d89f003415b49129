import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CHAT_BANNER, runChat } from '../../src/cli/chat.js';
import { createEngine } from '../../src/core/engine.js';
import { KNOWLEDGE } from '../core/fixture.js';

async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => {
    printed += String(chunk);
  });
  const done = runChat(createEngine(KNOWLEDGE), input, output);
  input.end(lines.map((line) => `${line}\n`).join(''));
  await done;
  return printed;
}

describe('the terminal chat', () => {
  it('greets with how to connect Discord, answers each question, and leaves on exit', async () => {
    const printed = await chat(['Who is Paul Martin?', 'exit', 'How many shops will Dupont open?']);
    expect(printed.startsWith(CHAT_BANNER)).toBe(true);
    expect(printed).toContain('DISCORD_TOKEN');
    expect(printed).toContain('Paul Martin is the director of Dupont.');
    expect(printed).toContain('« Son directeur, Paul Martin »');
    expect(printed).not.toContain('three shops');
  });

  it('ends quietly at the end of input', async () => {
    const printed = await chat(['Qui est Paul Martin ?']);
    expect(printed).toContain('Paul Martin est le directeur de Dupont.');
  });
});
