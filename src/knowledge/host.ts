import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { KnowledgeBase } from '../core/types.js';
import { describeError, type Logger } from '../log.js';
import { diffKnowledge, isUnchanged, type KnowledgeDiff } from './diff.js';
import { KnowledgeError, readKnowledge } from './load.js';
import type { KnowledgeIssue, ValidationReport } from './validate.js';

/** What asked for a reload: a file changed, the process got SIGHUP, or an admin ran the command. */
export type ReloadTrigger = 'watch' | 'signal' | 'command';

export type ReloadResult =
  | {
      readonly ok: true;
      readonly articles: number;
      readonly facts: number;
      readonly diff: KnowledgeDiff;
    }
  | { readonly ok: false; readonly errors: readonly KnowledgeIssue[] };

/** Told of every reload attempt once it is over, with what is served after it (new or kept). */
export type ReloadListener<T> = (result: ReloadResult, served: T) => void;

/** What is served: anything built from a checked knowledge base, holding it. */
export interface Served {
  readonly knowledge: KnowledgeBase;
}

export interface KnowledgeHostOptions<T extends Served> {
  readonly dir: string;
  /** Builds everything a question needs from checked knowledge (the engine, its indexes). */
  build(knowledge: KnowledgeBase): T | Promise<T>;
  readonly logger: Logger;
  /** Reads and checks the folder; `readKnowledge` unless a test says otherwise. */
  read?(dir: string): ValidationReport | Promise<ValidationReport>;
}

/**
 * The knowledge the bot serves, replaced whole on a reload. A reload reads and checks every
 * file and builds everything before it swaps the one reference that `current()` returns, so a
 * question that took its value before the swap is answered from the old knowledge and every
 * later one from the new: never from half of each. A broken edit changes nothing but the log.
 *
 * Reloads run one at a time. A request during a reload may come from an edit the running one
 * read too early, so one more reload runs after it; further requests meanwhile share that one.
 */
export class KnowledgeHost<T extends Served> {
  private value: T;
  private running: Promise<ReloadResult> | null = null;
  private queued: Promise<ReloadResult> | null = null;
  private readonly listeners = new Set<ReloadListener<T>>();

  private constructor(
    initial: T,
    private readonly options: KnowledgeHostOptions<T>,
  ) {
    this.value = initial;
  }

  /** Loads the folder once; a KnowledgeError names every problem, as at any start. */
  static async open<T extends Served>(options: KnowledgeHostOptions<T>): Promise<KnowledgeHost<T>> {
    const report = await (options.read ?? readKnowledge)(options.dir);
    if (!report.knowledge) throw new KnowledgeError(report.errors);
    return new KnowledgeHost(await options.build(report.knowledge), options);
  }

  /** Serves what is already built, from `dir` on the next reload. */
  static of<T extends Served>(initial: T, options: KnowledgeHostOptions<T>): KnowledgeHost<T> {
    return new KnowledgeHost(initial, options);
  }

  /** What to answer the next question from; take it once per question. */
  current(): T {
    return this.value;
  }

  /** Calls `listener` after each reload, good or broken; returns what stops it. */
  onReload(listener: ReloadListener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the folder again and serves it if it is valid; logs what changed or every error. */
  reload(trigger: ReloadTrigger): Promise<ReloadResult> {
    if (!this.running) return this.start(trigger);
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.start(trigger);
    });
    return this.queued;
  }

  private start(trigger: ReloadTrigger): Promise<ReloadResult> {
    const run = this.replace(trigger)
      .then((result) => this.tell(result))
      .finally(() => {
        if (this.running === run) this.running = null;
      });
    this.running = run;
    return run;
  }

  /** A listener that throws is logged: it must not turn a reload into an unhandled rejection. */
  private tell(result: ReloadResult): ReloadResult {
    for (const listener of this.listeners) {
      try {
        listener(result, this.value);
      } catch (error) {
        this.options.logger.error({ err: describeError(error) }, 'a knowledge reload listener failed');
      }
    }
    return result;
  }

  private async replace(trigger: ReloadTrigger): Promise<ReloadResult> {
    const { logger, dir } = this.options;
    const start = performance.now();
    const ms = () => Math.round(performance.now() - start);
    let next: T;
    try {
      const report = await (this.options.read ?? readKnowledge)(dir);
      if (!report.knowledge) {
        logger.error(
          { trigger, dir, errors: report.errors, ms: ms() },
          `knowledge not reloaded: ${report.errors.length} error(s); still serving the knowledge loaded before`,
        );
        return { ok: false, errors: report.errors };
      }
      // Questions waiting since the files were read are answered first, from the old knowledge.
      await yieldToEvents();
      next = await this.options.build(report.knowledge);
    } catch (error) {
      logger.error(
        { trigger, dir, err: describeError(error), ms: ms() },
        'knowledge not reloaded: building it failed; still serving the knowledge loaded before',
      );
      return { ok: false, errors: [{ file: dir, message: `could not be loaded: ${String(error)}` }] };
    }
    const diff = diffKnowledge(this.value.knowledge, next.knowledge);
    this.value = next;
    const result = {
      ok: true,
      articles: next.knowledge.sources.length,
      facts: next.knowledge.facts.length,
      diff,
    } as const;
    logger.info(
      { trigger, articles: result.articles, facts: result.facts, diff, ms: ms() },
      isUnchanged(diff) ? 'knowledge reloaded: no change' : 'knowledge reloaded',
    );
    return result;
  }
}
