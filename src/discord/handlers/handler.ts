import type { ReplyPayload } from '../render.js';
import type { BotContext } from './context.js';

/**
 * How a command or component is answered. The router does the rest the same way for all of
 * them: the cooldown, deferring a slow reply, and one private notice if `reply` throws.
 */
export interface Handler<I> {
  /** Whether it costs one of the member's questions (see Cooldown). */
  readonly isQuestion: boolean;
  /** Whether only the member sees the reply; known before any work, so a deferral matches it. */
  ephemeral(interaction: I): boolean;
  /**
   * A private notice for an interaction whose options name nothing known (an unknown article),
   * sent at once, costing the member no question; null to answer it.
   */
  refuse?(interaction: I, context: BotContext): ReplyPayload | null;
  reply(interaction: I, context: BotContext, ephemeral: boolean): Promise<ReplyPayload> | ReplyPayload;
}
