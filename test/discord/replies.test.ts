import type { REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/discord/rememberedAnswers.js';
import { type ReplyBody, renderNotice } from '../../src/discord/render.js';
import { ApiReplies, apiMessage } from '../../src/discord/replies.js';
import { leaving } from '../../src/discord/respond.js';

/** Replies whose first response is kept as sent, bytes and all. */
function replies() {
  const sent: Buffer[] = [];
  const rest = {} as REST; // The first response alone is sent here: no webhook call.
  const responder = new ApiReplies((bytes) => sent.push(bytes), rest, { applicationId: '1', token: 't' });
  return { responder, sent };
}

const shared = (): ReplyBody => deepFreeze(renderNotice('the answer'));

describe('ApiReplies', () => {
  it('sends a reply as Discord JSON: type 4, the payload with its allowed mentions and flags', async () => {
    for (const body of [renderNotice('the answer'), shared()]) {
      for (const ephemeral of [false, true]) {
        const { responder, sent } = replies();
        await responder.reply(leaving(body, ephemeral));
        expect(JSON.parse(String(sent[0]))).toEqual({
          type: 4,
          data: {
            content: 'the answer',
            embeds: [],
            components: [],
            allowed_mentions: { parse: [], replied_user: false },
            ...(ephemeral ? { flags: 64 } : {}),
          },
        });
        expect(apiMessage(leaving(body, ephemeral))).toEqual(JSON.parse(String(sent[0])).data);
      }
    }
  });

  it('encodes a shared (frozen) body once per visibility, and a body of its own each time', async () => {
    const body = shared();
    const { responder, sent } = replies();
    for (const ephemeral of [false, false, true, true]) await responder.reply(leaving(body, ephemeral));
    expect(sent[0]).toBe(sent[1]);
    expect(sent[2]).toBe(sent[3]);
    expect(sent[0]).not.toBe(sent[2]);
    const own = renderNotice('the answer');
    await responder.reply(leaving(own, false));
    await responder.reply(leaving(own, false));
    expect(sent[4]).not.toBe(sent[5]);
    expect(String(sent[4])).toBe(String(sent[0]));
  });

  it('answers autocomplete and defers in Discord JSON too', async () => {
    const { responder, sent } = replies();
    await responder.choices([{ name: 'Qui ?', value: 'Qui ?' }]);
    await responder.deferReply({ flags: 64 });
    expect(sent.map((bytes) => JSON.parse(String(bytes)))).toEqual([
      { type: 8, data: { choices: [{ name: 'Qui ?', value: 'Qui ?' }] } },
      { type: 5, data: { flags: 64 } },
    ]);
    expect(responder.deferred).toBe(true);
  });
});
