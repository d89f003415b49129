import { describe, expect, it } from 'vitest';
import { readOptions } from '../../src/discord/handlers/interaction.js';

describe('readOptions', () => {
  it('flattens a command options by name, with the one being typed', () => {
    const read = readOptions([
      { name: 'question', type: 3, value: 'combien', focused: true },
      { name: 'private', type: 5, value: true },
    ]);
    expect(read.subcommand).toBeNull();
    expect([...read.options]).toEqual([
      ['question', 'combien'],
      ['private', true],
    ]);
    expect(read.focused).toEqual({ name: 'question', value: 'combien' });
  });

  it('names the sub-command and reads its options, inside a group too', () => {
    expect(readOptions([{ name: 'reload', type: 1 }])).toMatchObject({ subcommand: 'reload', focused: null });
    const grouped = readOptions([
      {
        name: 'admin',
        type: 2,
        options: [{ name: 'reload', type: 1, options: [{ name: 'dry', type: 5, value: false }] }],
      },
    ]);
    expect(grouped.subcommand).toBe('reload');
    expect(grouped.options.get('dry')).toBe(false);
  });

  it('reads nothing from no options', () => {
    expect(readOptions(undefined)).toEqual({ subcommand: null, options: new Map(), focused: null });
  });
});
