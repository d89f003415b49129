import type { Answer, KnowledgeBase } from '../core/types.js';
import type { Surface } from '../discord/customIds.js';

export type ReloadResult = 'ok' | 'error';

/**
 * What the doors count: questions, reply times, Discord's faults, reconnects and reloads.
 * `BotMetrics` (metrics.ts) counts them for `/metrics`; without `METRICS_PORT` nothing serves
 * them, so `UNCOUNTED` takes them and prom-client is never loaded (it holds about 14 MB).
 */
export interface MetricsRecorder {
  /** Called with the knowledge the bot answers from: at start, and after each successful reload. */
  setKnowledge(knowledge: KnowledgeBase): void;
  /** Called once per reload attempt, after `setKnowledge` when it worked. */
  countKnowledgeReload(result: ReloadResult): void;
  countQuestion(surface: Surface, answer: Pick<Answer, 'answered' | 'reason' | 'language'>): void;
  observeReply(surface: Surface, seconds: number): void;
  countRestError(status: number): void;
  countInteractionRequest(status: number): void;
  countGatewayReconnect(): void;
}

/** Counts nothing: metrics nobody can read. */
export const UNCOUNTED: MetricsRecorder = {
  setKnowledge: () => {},
  countKnowledgeReload: () => {},
  countQuestion: () => {},
  observeReply: () => {},
  countRestError: () => {},
  countInteractionRequest: () => {},
  countGatewayReconnect: () => {},
};
