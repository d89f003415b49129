import { MessageFlags } from 'discord.js';
import type { ReplyPayload } from './render.js';
import { nextTurn } from './turns.js';

/** The part of a discord.js interaction that answering uses (tests pass a plain object). */
export interface Respondable {
  readonly deferred: boolean;
  readonly replied: boolean;
  reply(payload: ReplyPayload): Promise<unknown>;
  deferReply(options: { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
  editReply(payload: Omit<ReplyPayload, 'flags'>): Promise<unknown>;
  followUp(payload: ReplyPayload): Promise<unknown>;
}

/**
 * Discord drops an interaction not answered within 3 s. A reply that is not ready after this
 * long is deferred first ("is thinking…"), which keeps the token alive for 15 minutes.
 */
export const DEFER_AFTER_MS = 2000;

/** An edit cannot change who sees a message: its visibility was set by the deferral. */
function editable({ flags: _flags, ...payload }: ReplyPayload) {
  return payload;
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
  produce: () => Promise<ReplyPayload> | ReplyPayload,
  deferAfterMs: number = DEFER_AFTER_MS,
): Promise<void> {
  let deferral: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferral = interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    deferral.catch(() => {}); // Awaited below; its failure surfaces there.
  }, deferAfterMs);
  let payload: ReplyPayload;
  try {
    await nextTurn(); // Under load, the deferral above can fire while this waits (turns.ts).
    payload = await produce();
  } catch (error) {
    await deferral?.catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (deferral) {
    await deferral;
    await interaction.editReply(editable(payload));
  } else {
    await interaction.reply(payload);
  }
}

/**
 * Tells the member that something failed, once: a private reply if nothing was sent yet, an
 * edit of the deferral if there was one (Discord fixed its visibility then: a follow-up would
 * take the same), or a private follow-up after a reply.
 */
export async function respondFailure(interaction: Respondable, notice: ReplyPayload): Promise<void> {
  if (interaction.deferred && !interaction.replied) await interaction.editReply(editable(notice));
  else if (interaction.replied) await interaction.followUp(notice);
  else await interaction.reply(notice);
}
