import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { ComponentAction } from '../customIds.js';
import type { ReplyBody } from '../render.js';
import type { BotContext } from './context.js';
import type { IncomingInteraction } from './interaction.js';

/**
 * How a command or component is answered. The router does the rest the same way for all of
 * them: the cooldown, deferring a slow reply, one private notice if `reply` throws, and who
 * sees the reply (`ephemeral`) and whom it may ping (nobody), set where it leaves.
 */
export interface Handler<I extends IncomingInteraction = IncomingInteraction> {
  /** Whether it costs one of the member's questions (see Cooldown). */
  readonly isQuestion: boolean;
  /** Whether only the member sees the reply; known before any work, so a deferral matches it. */
  ephemeral(interaction: I): boolean;
  /**
   * A private notice for an interaction whose options name nothing known (an unknown article),
   * sent at once, costing the member no question; null to answer it.
   */
  refuse?(interaction: I, context: BotContext): ReplyBody | null;
  reply(interaction: I, context: BotContext): Promise<ReplyBody> | ReplyBody;
}

/** A slash command's handler, with the suggestions for its options as they are typed. */
export interface SlashHandler extends Handler {
  /** Autocomplete cannot be deferred: no I/O here. */
  autocomplete?(interaction: IncomingInteraction, context: BotContext): APIApplicationCommandOptionChoice[];
}

/** A component's interaction, with the action its custom id encodes (parsed once, by the router). */
export interface ComponentInteraction<K extends ComponentAction['kind']> extends IncomingInteraction {
  readonly action: Extract<ComponentAction, { kind: K }>;
}
