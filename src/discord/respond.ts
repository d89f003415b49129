import { type APIApplicationCommandOptionChoice, MessageFlags } from 'discord.js';
import { deepFreeze } from './rememberedAnswers.js';
import { noMentions, type ReplyBody, type ReplyPayload } from './render.js';
import { nextTurn } from './turns.js';

/**
 * How an interaction's replies leave, whichever door it came through: a discord.js interaction
 * (the gateway) or an HTTP request awaiting its response (`http/interactions.ts`). The two flags
 * mean what they mean in discord.js: `deferred` once a deferral was sent, `replied` once a reply
 * or an edit of the deferral was.
 */
export interface Respondable {
  readonly deferred: boolean;
  readonly replied: boolean;
  reply(payload: ReplyPayload): Promise<unknown>;
  deferReply(options: { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
  editReply(payload: Omit<ReplyPayload, 'flags'>): Promise<unknown>;
  followUp(payload: ReplyPayload): Promise<unknown>;
}

/** A Respondable that can also answer autocomplete, with choices. */
export interface Responder extends Respondable {
  choices(choices: APIApplicationCommandOptionChoice[]): Promise<unknown>;
}

/**
 * Discord drops an interaction not answered within 3 s. A reply that is not ready after this
 * long is deferred first ("is thinking…"), which keeps the token alive for 15 minutes.
 */
export const DEFER_AFTER_MS = 2000;

/** The payloads a frozen body (a remembered answer's) left as, public and private. */
const left = new WeakMap<ReplyBody, { public?: ReplyPayload; private?: ReplyPayload }>();

/**
 * A reply as it leaves: pinging nobody whatever it quotes, and private when `ephemeral`. The
 * only place an interaction's reply gets either, so no handler can forget them. A frozen body
 * (shared by every asker of a remembered answer) leaves as the same frozen payload each time,
 * so that what is built from it (its JSON, `replies.ts`) is built once too.
 */
export function leaving(body: ReplyBody, ephemeral: boolean): ReplyPayload {
  const shared = Object.isFrozen(body);
  const visibility = ephemeral ? 'private' : 'public';
  const known = shared ? left.get(body)?.[visibility] : undefined;
  if (known) return known;
  const payload: ReplyPayload = {
    ...body,
    allowedMentions: noMentions(),
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
  if (!shared) return payload;
  const frozen = deepFreeze(payload);
  left.set(body, { ...left.get(body), [visibility]: frozen });
  return frozen;
}

/** An edit cannot change who sees a message: its visibility was set by the deferral. */
function editable(body: ReplyBody) {
  const { flags: _flags, ...payload } = leaving(body, false);
  return payload;
}

/** A reply sent at once, such as a refusal or a cooldown notice. */
export function replyNow(interaction: Respondable, body: ReplyBody, ephemeral: boolean): Promise<unknown> {
  return interaction.reply(leaving(body, ephemeral));
}

/**
 * Answers an interaction with what `produce` makes: a plain reply when it is ready within
 * `deferAfterMs`, else a deferral with the same visibility, then an edit of it. If `produce`
 * fails after a deferral, the deferral has settled by the time the error reaches the caller,
 * so that `interaction.deferred` tells the truth.
 */
export async function respond(
  interaction: Respondable,
  ephemeral: boolean,
  produce: () => Promise<ReplyBody> | ReplyBody,
  deferAfterMs: number = DEFER_AFTER_MS,
): Promise<void> {
  let deferral: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferral = interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    deferral.catch(() => {}); // Awaited below; its failure surfaces there.
  }, deferAfterMs);
  let body: ReplyBody;
  try {
    await nextTurn(); // Under load, the deferral above can fire while this waits (turns.ts).
    body = await produce();
  } catch (error) {
    await deferral?.catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (deferral) {
    await deferral;
    await interaction.editReply(editable(body));
  } else {
    await replyNow(interaction, body, ephemeral);
  }
}

/**
 * Tells the member that something failed, once and privately: a private reply if nothing was
 * sent yet, an edit of the deferral if there was one (Discord fixed its visibility then: a
 * follow-up would take the same), or a private follow-up after a reply.
 */
export async function respondFailure(interaction: Respondable, notice: ReplyBody): Promise<void> {
  if (interaction.deferred && !interaction.replied) await interaction.editReply(editable(notice));
  else if (interaction.replied) await interaction.followUp(leaving(notice, true));
  else await replyNow(interaction, notice, true);
}
