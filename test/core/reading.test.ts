import { describe, expect, it } from 'vitest';
import { readValues } from '../../src/core/reading.js';
import { tokenise } from '../../src/core/text.js';

const amounts = (text: string) =>
  readValues(tokenise(text)).map((value) => [value.kind, value.number, value.unit]);

describe('a letter that scales a sum ("£14.2m", "3,5 M€")', () => {
  it('scales a number beside its currency, before or after it', () => {
    expect(amounts('a £14.2m plan')).toEqual([['amount', 14.2e6, 'gbp']]);
    expect(amounts('a £500k grant')).toEqual([['amount', 5e5, 'gbp']]);
    expect(amounts('un budget de 3,5 M€')).toEqual([['amount', 3.5e6, 'eur']]);
    expect(amounts('12 Md€ de dette')).toEqual([['amount', 12e9, 'eur']]);
  });

  it('scales nothing without a currency: "a 5m wall" is five metres', () => {
    expect(amounts('a 5m wall')).toEqual([['count', 5, '']]);
    expect(amounts('up 3m, to €4')).toEqual([
      ['count', 3, ''],
      ['amount', 4, 'eur'],
    ]);
  });
});
