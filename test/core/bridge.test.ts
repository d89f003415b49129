import { describe, expect, it } from 'vitest';
import { WordBridge } from '../../src/core/bridge.js';

describe('a word bridge', () => {
  it('finds a French plural in -x, -aux from its singular', () => {
    const bridge = new WordBridge([
      ['feu', 'fire'],
      ['journal', 'newspaper'],
    ]);
    expect(bridge.keysOf('feux', 'fr')).toContain('s:fire');
    expect(bridge.keysOf('journaux', 'fr')).toContain('s:newspap');
  });

  it('stems a word as written when given, as the knowledge is stemmed', () => {
    // Folded, "enregistree" stems to enregistre; written, "enregistrée" to enregistr.
    const bridge = new WordBridge([['enregistrer', 'record']]);
    expect(bridge.keysOf('enregistree', 'fr', 'enregistrée')).toContain('s:record');
  });

  it('keeps six translations a word, counted in words, and every checked pair past them', () => {
    const senses = ['aller', 'chevaucher', 'déplacer', 'monter', 'rouler', 'porter', 'flotter'];
    const bridge = new WordBridge(
      senses.map((fr) => [fr, 'ride'] as const),
      [['trajet', 'ride']],
    );
    const keys = bridge.keysOf('ride', 'en');
    expect(keys).toEqual(expect.arrayContaining(['s:aller', 's:chevaucher', 's:port', 's:trajet']));
    expect(keys).not.toContain('s:flott');
  });
});
