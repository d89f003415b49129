import type { Engine } from '../../core/engine.js';
import type { Logger } from '../../log.js';
import type { Cooldown } from '../cooldown.js';
import type { FeedbackSink } from '../feedback.js';
import type { QuestionRecorder } from '../questionLog.js';
import type { RenderContext } from '../render.js';
import type { VoteLedger } from '../voteLedger.js';

/**
 * What every handler may use: the engine, the known questions, votes, the question log, the
 * logger, the cooldown.
 */
export interface BotContext extends RenderContext {
  readonly engine: Engine;
  readonly feedback: FeedbackSink;
  /** Each question and its outcome, for curators (`npm run kb -- report`). */
  readonly questionLog: QuestionRecorder;
  /** Votes already written, so a repeated click is not written again. */
  readonly votes: VoteLedger;
  readonly logger: Logger;
  /** Questions per member, shared by every surface. */
  readonly cooldown: Cooldown;
  /** A reply not ready after this long is deferred first. */
  readonly deferAfterMs: number;
}
