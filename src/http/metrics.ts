import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Answer, KnowledgeBase } from '../core/types.js';
import type { Surface } from '../discord/customIds.js';
import { knowledgeVersion } from '../knowledge/version.js';
import type { MetricsRecorder, ReloadResult } from './recorder.js';

/** What the bot answers from, as `/healthz` reports it. */
export interface KnowledgeSummary {
  /** See `knowledgeVersion`. */
  readonly version: string;
  readonly articles: number;
  readonly facts: number;
}

/**
 * Seconds from a question's arrival to its reply having been sent. The engine takes well under
 * a millisecond and Discord tens to hundreds; a reply deferred after 2 s lands in the top buckets.
 */
export const REPLY_SECONDS_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const;

export type { ReloadResult } from './recorder.js';

/**
 * The bot's metrics, in a registry of its own rather than prom-client's global one, so that two
 * bots in one process (tests) never add to each other's counts. Labels hold fixed words and
 * numbers only: never a user, a guild, a channel or the text of a question.
 */
export class BotMetrics implements MetricsRecorder {
  readonly registry = new Registry();
  #knowledge: KnowledgeSummary | undefined;

  readonly #questions = new Counter({
    name: 'questions_total',
    help: 'Questions asked of the engine, by surface, outcome (answered, or the reason for a refusal) and language of the answer.',
    labelNames: ['surface', 'outcome', 'language'] as const,
    registers: [this.registry],
  });
  readonly #replySeconds = new Histogram({
    name: 'answer_latency_seconds',
    help: 'Seconds from receiving a question (interaction or message) to its reply having been sent to Discord, by surface.',
    labelNames: ['surface'] as const,
    buckets: [...REPLY_SECONDS_BUCKETS],
    registers: [this.registry],
  });
  readonly #restErrors = new Counter({
    name: 'discord_rest_errors_total',
    help: 'Discord REST responses with an error status (each attempt: a 429 or 5xx retried by discord.js counts too), by HTTP status.',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly #interactionRequests = new Counter({
    name: 'interaction_requests_total',
    help: 'Requests to the HTTP interactions endpoint (INTERACTIONS_PORT), by the HTTP status answered: 200 served, 204 silenced by the cooldown, 401 bad signature or stale timestamp, 400, 404, 405, 413.',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly #reconnects = new Counter({
    name: 'discord_gateway_reconnects_total',
    help: 'Times the gateway connection closed and the client set out to resume or identify again.',
    registers: [this.registry],
  });
  readonly #reloads = new Counter({
    name: 'knowledge_reloads_total',
    help: 'Knowledge reloads while running, by result: ok (now answering from it) or error (kept the previous knowledge).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly #facts = new Gauge({
    name: 'knowledge_facts',
    help: 'Facts in the knowledge the bot answers from.',
    registers: [this.registry],
  });
  readonly #articles = new Gauge({
    name: 'knowledge_articles',
    help: 'Articles (sources) in the knowledge the bot answers from.',
    registers: [this.registry],
  });
  readonly #version = new Gauge({
    name: 'knowledge_info',
    help: 'Always 1; its version label is the knowledge content hash that /healthz shows.',
    labelNames: ['version'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Both series exist from the start, so a rate or an alert on errors works before the first.
    for (const result of ['ok', 'error'] as const) this.#reloads.inc({ result }, 0);
  }

  /** The knowledge set last, or undefined before the bot has any. */
  get knowledge(): KnowledgeSummary | undefined {
    return this.#knowledge;
  }

  /** Called with the knowledge the bot answers from: at start, and after each successful reload. */
  setKnowledge(knowledge: KnowledgeBase): void {
    this.#knowledge = {
      version: knowledgeVersion(knowledge),
      articles: knowledge.sources.length,
      facts: knowledge.facts.length,
    };
    this.#facts.set(this.#knowledge.facts);
    this.#articles.set(this.#knowledge.articles);
    this.#version.reset();
    this.#version.set({ version: this.#knowledge.version }, 1);
  }

  /** Called once per reload attempt, after `setKnowledge` when it worked. */
  countKnowledgeReload(result: ReloadResult): void {
    this.#reloads.inc({ result });
  }

  countQuestion(surface: Surface, answer: Pick<Answer, 'answered' | 'reason' | 'language'>): void {
    const outcome = answer.answered ? 'answered' : (answer.reason ?? 'refused');
    this.#questions.inc({ surface, outcome, language: answer.language });
  }

  observeReply(surface: Surface, seconds: number): void {
    this.#replySeconds.observe({ surface }, seconds);
  }

  countRestError(status: number): void {
    this.#restErrors.inc({ status: String(status) });
  }

  countInteractionRequest(status: number): void {
    this.#interactionRequests.inc({ status: String(status) });
  }

  countGatewayReconnect(): void {
    this.#reconnects.inc();
  }

  /** CPU, memory, event loop lag, GC and handles: only when served, as it starts monitors. */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry });
  }
}
