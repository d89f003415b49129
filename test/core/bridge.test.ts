import { describe, expect, it } from 'vitest';
import { uncuratedSource } from '../../bench/articles.js';
import { WordBridge } from '../../src/core/bridge.js';
import { createEngine } from '../../src/core/engine.js';
import { KNOWLEDGE } from './fixture.js';

describe('a word bridge', () => {
  it('finds a French plural in -x, -aux from its singular', () => {
    const bridge = new WordBridge([
      ['feu', 'fire'],
      ['journal', 'newspaper'],
    ]);
    expect(bridge.keysOf('feux', 'fr')).toContain('s:fire');
    expect(bridge.keysOf('journaux', 'fr')).toContain('s:newspap');
  });

  it('finds the past participle in -du of a French verb in -dre, both ways', () => {
    // The stemmer gives "attendue" attendu, "attendre" attendr: "expected" missed "est attendue".
    const bridge = new WordBridge([
      ['attendre', 'expect'],
      ['répondre', 'answer'],
      ['prendre', 'take'],
      ['peindre', 'paint'],
    ]);
    for (const form of ['attendu', 'attendue', 'attendues'])
      expect(bridge.keysOf(form, 'fr')).toContain('s:expect');
    expect(bridge.keysOf('expected', 'en')).toEqual(expect.arrayContaining(['s:attendr', 's:attendu']));
    expect(bridge.keysOf('repondu', 'fr', 'répondu')).toContain('s:answer');
    // "prendre" makes "pris", "peindre" "peint": no "prendu", no "peindu".
    expect(bridge.keysOf('take', 'en')).not.toContain('s:prendu');
    expect(bridge.keysOf('paint', 'en')).not.toContain('s:peindu');
  });

  it('finds a French feminine the stemmer gives another stem, from the English word only', () => {
    // "paysanne" stems to paysann, "paysan" to paysan: "farmers" missed "porte-parole … paysanne".
    const bridge = new WordBridge([
      ['paysan', 'farmer'],
      ['actif', 'active'],
      ['directeur', 'director'],
      ['vendeur', 'seller'],
    ]);
    expect(bridge.keysOf('farmer', 'en')).toEqual(expect.arrayContaining(['s:paysan', 's:paysann']));
    expect(bridge.keysOf('active', 'en')).toContain('s:activ');
    expect(bridge.keysOf('director', 'en')).toContain('s:directric');
    expect(bridge.keysOf('seller', 'en')).toContain('s:vendeux');
    // No French key: a feminine's stem may be another word's, whose translations it would crowd.
    expect(bridge.keysOf('paysannes', 'fr')).toEqual([]);
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

describe('a translation whose stem holds an accent', () => {
  // "traîner" stems to "traîn", which folds to the stem of "trains".
  const pairs: Array<readonly [string, string]> = [
    ['traîner', 'drag'],
    ['coût', 'cost'],
    ['train', 'train'],
    ['séance', 'session'],
  ];

  it('binds the keys only it gives to its stem as written', () => {
    const bridge = new WordBridge(pairs);
    expect(bridge.keysOf('drag', 'en')).toContain('s:train');
    expect(bridge.accentsOf('drag', 'en').get('s:train')).toEqual(['traîn']);
    expect(bridge.accentsOf('cost', 'en').get('s:cout')).toEqual(['coût']);
    // French words' English translations hold no accent; nor does "train".
    expect(bridge.accentsOf('train', 'fr').size).toBe(0);
    expect(bridge.accentsOf('train', 'en').size).toBe(0);
  });

  it('binds nothing a word without the accent gives as well, whichever comes first', () => {
    for (const order of [
      [['traîner', 'drag'] as const, ['train', 'drag'] as const],
      [['train', 'drag'] as const, ['traîner', 'drag'] as const],
    ])
      expect(new WordBridge(order).accentsOf('drag', 'en').has('s:train')).toBe(false);
  });

  const engineOf = (text: string) =>
    createEngine(
      { ...KNOWLEDGE, sources: [...KNOWLEDGE.sources, uncuratedSource('article', 'article', 'fr', text)] },
      { bridge: () => new WordBridge(pairs) },
    );

  it('does not find "les trains" for "drag", and finds "a traîné"', () => {
    const trains = engineOf(
      'Après neuf ans d’interruption, les trains de voyageurs circulent de nouveau depuis lundi.',
    );
    expect(trains.ask('how long did the session drag on?').answered).toBe(false);
    const meeting = engineOf('La séance du conseil a traîné pendant plus de trois heures.');
    expect(meeting.ask('how long did the session drag on?').citations[0]?.quote).toContain('trois heures');
  });
});
