import type { Engine } from '../../core/engine.js';
import type { MetricsRecorder } from '../../http/recorder.js';
import type { ReloadResult, ReloadTrigger } from '../../knowledge/host.js';
import type { Logger } from '../../log.js';
import type { Cooldown } from '../cooldown.js';
import type { FeedbackSink } from '../feedback.js';
import type { QuestionRecorder } from '../questionLog.js';
import type { RenderContext } from '../render.js';
import type { VoteLedger } from '../voteLedger.js';

/** What a question is answered from: one version of the knowledge, its engine and known questions. */
export interface ServedKnowledge extends RenderContext {
  readonly engine: Engine;
}

/**
 * What every handler may use: the knowledge served when its interaction or message arrived
 * (a reload meanwhile does not change it), votes, the question log, the logger, the cooldown,
 * the reload and the metrics.
 */
export interface BotContext extends ServedKnowledge {
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
  /** Reads the knowledge folder again and serves it if valid (`/knowledge reload`). */
  reloadKnowledge(trigger: ReloadTrigger): Promise<ReloadResult>;
  readonly metrics: MetricsRecorder;
}
