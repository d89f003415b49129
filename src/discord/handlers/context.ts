import type { Engine } from '../../core/engine.js';
import type { Logger } from '../../log.js';
import type { FeedbackLog } from '../feedback.js';
import type { RenderContext } from '../render.js';

/** What every handler may use: the engine, the known questions, the vote log and the logger. */
export interface BotContext extends RenderContext {
  readonly engine: Engine;
  readonly feedback: FeedbackLog;
  readonly logger: Logger;
}
