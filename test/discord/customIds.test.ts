import { describe, expect, it } from 'vitest';
import { MAX_CUSTOM_ID, parseCustomId, relatedId, SURFACES, voteId } from '../../src/discord/customIds.js';

describe('custom ids', () => {
  it('round-trips a vote with its surface and fact ids', () => {
    const id = voteId('down', 'mention', ['investment-amount', 'research-centre']);
    expect(parseCustomId(id)).toEqual({
      kind: 'vote',
      vote: 'down',
      surface: 'mention',
      factIds: ['investment-amount', 'research-centre'],
    });
  });

  it('round-trips the id of a sentence no reviewed fact covers, colon included', () => {
    const id = voteId('up', 'slash', ['harwick-solar-ferry:p1s2', 'investment-amount']);
    expect(id).toBe('vote:up:slash:harwick-solar-ferry:p1s2,investment-amount');
    expect(parseCustomId(id)).toMatchObject({ factIds: ['harwick-solar-ferry:p1s2', 'investment-amount'] });
    expect(parseCustomId('vote:up:slash:a:b')).toBeNull();
  });

  it('round-trips the related-questions menu for every surface', () => {
    for (const surface of SURFACES)
      expect(parseCustomId(relatedId(surface))).toEqual({ kind: 'related', surface });
  });

  it('keeps as many fact ids as fit in 100 characters', () => {
    const ids = Array.from({ length: 12 }, (_, index) => `a-rather-long-fact-id-${index}`);
    const id = voteId('up', 'context-menu', ids);
    expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
    const action = parseCustomId(id);
    expect(action?.kind === 'vote' && action.factIds).toEqual(
      ids.slice(0, action?.kind === 'vote' ? action.factIds.length : 0),
    );
    expect(action?.kind === 'vote' && action.factIds.length).toBeGreaterThan(1);
  });

  it('drops anything that is not a knowledge id, so no user text can get in', () => {
    expect(voteId('up', 'slash', ['ok-id', 'Bad Id:with,stuff'])).toBe('vote:up:slash:ok-id');
    expect(voteId('up', 'slash', [])).toBe('vote:up:slash:');
    expect(parseCustomId('vote:up:slash:')).toEqual({
      kind: 'vote',
      vote: 'up',
      surface: 'slash',
      factIds: [],
    });
  });

  it('returns null for ids it did not make', () => {
    for (const id of [
      '',
      'vote',
      'vote:sideways:slash:x',
      'vote:up:web:x',
      'related:',
      'related:slash:x',
      'x:y',
    ]) {
      expect(parseCustomId(id)).toBeNull();
    }
  });
});
