import { describe, expect, it } from 'vitest';
import { stripDiscordMarkup } from '../../src/discord/question.js';

describe('stripDiscordMarkup', () => {
  it('removes mentions of users, roles and channels, and the mass mentions', () => {
    expect(
      stripDiscordMarkup('<@123456789012345678> <@!42> <@&987> <#555> @everyone @here qui est Kishida ?'),
    ).toBe('qui est Kishida ?');
  });

  it('removes custom emoji, timestamps and command mentions, and keeps ordinary text', () => {
    expect(
      stripDiscordMarkup('combien <:pepe:1234> <a:dance:99> investit <t:1700000000:R> Microsoft </ask:42> ?'),
    ).toBe('combien investit Microsoft ?');
    expect(stripDiscordMarkup('email me@here.com, 2 < 3 > 1, <not a tag>')).toBe(
      'email me@here.com, 2 < 3 > 1, <not a tag>',
    );
  });

  it('leaves nothing of a message made only of markup', () => {
    expect(stripDiscordMarkup(' <@1> <:x:2> @everyone ')).toBe('');
  });
});
