import {
  type CooldownConfig,
  DEFAULT_COOLDOWN,
  DEFAULT_QUESTION_LOG,
  type QuestionLogConfig,
} from '../config.js';
import { type MetricsRecorder, UNCOUNTED } from '../http/recorder.js';
import type { KnowledgeHost } from '../knowledge/host.js';
import type { Logger } from '../log.js';
import { Cooldown } from './cooldown.js';
import { FeedbackLog, type FeedbackSink } from './feedback.js';
import type { BotContext, ServedKnowledge } from './handlers/context.js';
import { QuestionLog } from './questionLog.js';
import { VoteLedger } from './voteLedger.js';

export interface ServiceOptions {
  /** The knowledge served, read anew for each interaction and message (see `serveEngine`). */
  readonly knowledge: Pick<KnowledgeHost<ServedKnowledge>, 'current' | 'reload' | 'onReload'>;
  readonly dataDir: string;
  /** Where votes go; default `<dataDir>/feedback.jsonl`. */
  readonly feedback?: FeedbackSink;
  /** What is recorded of each question in `<dataDir>/questions.jsonl` (default: on, 30 days, DMs counted). */
  readonly questionLog?: QuestionLogConfig;
  /**
   * Whether this process drops the question log's old lines (default true). Under SHARD_COUNT
   * only shard 0 does: shards append to one file, and two rewriting it at once would lose lines.
   */
  readonly questionLogRetention?: boolean;
  /** Questions per member across every surface (default: 5 per 30 s). */
  readonly cooldown?: CooldownConfig;
  readonly logger: Logger;
  /** Where questions, replies and Discord's faults are counted (default: a registry of its own). */
  readonly metrics?: MetricsRecorder;
}

/**
 * What both doors share when they run at once (the gateway and the HTTP endpoint): one
 * cooldown per member, one vote ledger, one question log, one set of metrics, one knowledge.
 */
export interface DoorServices {
  readonly metrics: MetricsRecorder;
  /** The context of one interaction or message: the knowledge served as it arrives. */
  context(deferAfterMs: number): BotContext;
  /** Starts pruning the question log (at once, then daily). */
  start(): void;
  /** Stops counting reloads and pruning, and waits for the question log's writes. */
  stop(): Promise<void>;
}

/** Keeps the knowledge gauges on what is served and counts every reload, until the returned stop. */
function countKnowledge(knowledge: ServiceOptions['knowledge'], metrics: MetricsRecorder): () => void {
  metrics.setKnowledge(knowledge.current().knowledge);
  return knowledge.onReload((result, served) => {
    if (result.ok) metrics.setKnowledge(served.knowledge);
    metrics.countKnowledgeReload(result.ok ? 'ok' : 'error');
  });
}

export function openServices(options: ServiceOptions): DoorServices {
  const { logger } = options;
  const metrics = options.metrics ?? UNCOUNTED;
  const stopCountingReloads = countKnowledge(options.knowledge, metrics);
  const questionLog = new QuestionLog(options.dataDir, options.questionLog ?? DEFAULT_QUESTION_LOG, logger);
  const lasting: Omit<BotContext, keyof ServedKnowledge | 'deferAfterMs'> = {
    feedback: options.feedback ?? new FeedbackLog(options.dataDir),
    questionLog,
    votes: new VoteLedger(),
    logger,
    cooldown: new Cooldown(options.cooldown ?? DEFAULT_COOLDOWN),
    reloadKnowledge: (trigger) => options.knowledge.reload(trigger),
    metrics,
  };
  // Taken once per event: a reload while it is answered does not mix two versions in one reply.
  // One context serves every event until a reload swaps what is served (`current()` returns the
  // same object until then), instead of a copy of a dozen fields per event; it is frozen.
  let last: { served: ServedKnowledge; context: BotContext } | undefined;
  const context = (deferAfterMs: number): BotContext => {
    const served = options.knowledge.current();
    if (last?.served !== served || last.context.deferAfterMs !== deferAfterMs) {
      last = { served, context: Object.freeze({ ...lasting, deferAfterMs, ...served }) };
    }
    return last.context;
  };
  return {
    metrics,
    context,
    start: () => {
      if (options.questionLogRetention !== false) questionLog.start();
    },
    async stop() {
      stopCountingReloads();
      await questionLog.stop();
    },
  };
}
