import { describe, expect, it } from 'vitest';
import { type IncomingMessage, questionOf } from '../../src/discord/handlers/message.js';

const BOT = '900000000000000001';

function message(overrides: Partial<IncomingMessage>): IncomingMessage {
  return {
    content: '',
    authorId: '900000000000000002',
    authorIsBot: false,
    inGuild: true,
    mentionedUserIds: new Set(),
    locale: null,
    missingPermissions: () => [],
    reply: async () => undefined,
    ...overrides,
  };
}

describe('questionOf', () => {
  it('strips the direct mention from a question in a server', () => {
    const asked = message({ content: `<@${BOT}> Qui est Brad Smith ?`, mentionedUserIds: new Set([BOT]) });
    expect(questionOf(asked, BOT)).toBe('Qui est Brad Smith ?');
    const nick = message({ content: `hey <@!${BOT}>, who is Kishida?`, mentionedUserIds: new Set([BOT]) });
    expect(questionOf(nick, BOT)).toBe('hey , who is Kishida?');
  });

  it('returns an empty question for a bare mention (answered with help)', () => {
    expect(questionOf(message({ content: `<@${BOT}>`, mentionedUserIds: new Set([BOT]) }), BOT)).toBe('');
  });

  it('ignores @everyone, @here, roles and reply pings', () => {
    expect(questionOf(message({ content: '@everyone @here <@&123> who?' }), BOT)).toBeNull();
    // A reply ping lists the bot among the mentions without `<@id>` in the text.
    expect(questionOf(message({ content: 'thanks!', mentionedUserIds: new Set([BOT]) }), BOT)).toBeNull();
    // `<@id>` typed in a code block or escaped is text, not a mention.
    expect(questionOf(message({ content: `\`<@${BOT}>\` hi` }), BOT)).toBeNull();
  });

  it('ignores bots, including itself', () => {
    expect(
      questionOf(
        message({ content: `<@${BOT}> hi`, authorIsBot: true, mentionedUserIds: new Set([BOT]) }),
        BOT,
      ),
    ).toBeNull();
    expect(questionOf(message({ content: 'hi', authorIsBot: true, inGuild: false }), BOT)).toBeNull();
  });

  it('treats every direct message as a question', () => {
    expect(questionOf(message({ content: '  combien ?  ', inGuild: false }), BOT)).toBe('combien ?');
  });
});
