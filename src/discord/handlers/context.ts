import type { Engine } from '../../core/engine.js';
import type { BotMetrics } from '../../http/metrics.js';
import type { Logger } from '../../log.js';
import type { Cooldown } from '../cooldown.js';
import type { FeedbackSink } from '../feedback.js';
import type { RenderContext } from '../render.js';
import type { VoteLedger } from '../voteLedger.js';

/**
 * What every handler may use: the engine, the known questions, votes, the logger, the cooldown
 * and the metrics.
 */
export interface BotContext extends RenderContext {
  readonly engine: Engine;
  readonly feedback: FeedbackSink;
  /** Votes already written, so a repeated click is not written again. */
  readonly votes: VoteLedger;
  readonly logger: Logger;
  /** Questions per member, shared by every surface. */
  readonly cooldown: Cooldown;
  /** A reply not ready after this long is deferred first. */
  readonly deferAfterMs: number;
  readonly metrics: BotMetrics;
}
