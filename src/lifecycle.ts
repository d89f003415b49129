import type { EventEmitter } from 'node:events';
import v8 from 'node:v8';
import { describeError, type Logger } from './log.js';

/** How long a shutdown may take before the process leaves anyway. */
export const SHUTDOWN_GRACE_MS = 5000;

export interface LifecycleOptions {
  readonly logger: Logger;
  /**
   * Disconnects from Discord and closes the metrics server; the process exits when it settles or
   * after the grace period.
   */
  stop(): Promise<void>;
  /** Reads the knowledge again (on SIGHUP); without it SIGHUP is left to Node, which exits. */
  reload?(): void;
  exit(code: number): void;
  /** The process, or a stand-in in tests. */
  readonly events?: Pick<EventEmitter, 'on' | 'once'>;
}

/**
 * What a long-running door does with process events. A rejected promise nobody awaited is
 * logged and the bot keeps serving; an uncaught exception leaves the process in an unknown
 * state, so it disconnects and exits 1 for the supervisor to restart it. SIGINT and SIGTERM
 * disconnect (else the session lingers online for minutes), flush the logs and exit 0, within
 * SHUTDOWN_GRACE_MS in any case. SIGHUP reloads the knowledge, as daemons reload their files.
 */
export function handleProcessEvents(options: LifecycleOptions): void {
  const { logger } = options;
  const events = options.events ?? process;
  let leaving = false;
  const leave = (code: number, done: string) => {
    if (leaving) return;
    leaving = true;
    let exited = false;
    const exit = () => {
      if (exited) return;
      exited = true;
      clearTimeout(timer);
      logger.flush();
      options.exit(code);
    };
    // Not unref'd: while the client closes (a reconnect cut short may leave its promise with
    // nothing else to keep the process alive), the timer holds it, so that it leaves through
    // exit(), logged, and never silently.
    const timer = setTimeout(() => {
      logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, 'the client did not close in time: leaving anyway');
      exit();
    }, SHUTDOWN_GRACE_MS);
    options.stop().then(
      () => {
        logger.info(done);
        exit();
      },
      (error: unknown) => {
        logger.warn({ err: describeError(error) }, 'the client did not close cleanly');
        exit();
      },
    );
  };
  events.on('unhandledRejection', (reason: unknown) => {
    logger.error({ err: describeError(reason) }, 'unhandled promise rejection');
  });
  events.on('uncaughtException', (error: unknown) => {
    logger.fatal({ err: describeError(error) }, 'uncaught exception: stopping');
    leave(1, 'disconnected from Discord after an uncaught exception');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    events.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      leave(0, 'disconnected from Discord');
    });
  }
  const { reload } = options;
  if (reload) {
    events.on('SIGHUP', () => {
      logger.info({ signal: 'SIGHUP' }, 'reloading the knowledge');
      reload();
    });
  }
}

/** How long after the start the one full collection waits: the start's last allocations are over. */
export const SETTLE_MS = 1000;

/**
 * One full collection, once the bot has started: node runs it with --expose-gc (npm start, the
 * image), and this collection compacts every page, so it moves what building the engine left on
 * half-empty pages and gives those pages back, about 10 MB at rest. Compacting is switched on for
 * this collection only: with --compact-on-every-full-gc, the collections during the build itself
 * cost 1,000 articles 0.5-1.2 s more start-up. Without --expose-gc (tsx, tests) there is no `gc`
 * and nothing is done. The timer keeps no process alive.
 */
export function collectOnceSettled(
  collect: (() => void) | undefined = compactingCollection(),
  delayMs = SETTLE_MS,
): void {
  if (!collect) return;
  setTimeout(() => collect(), delayMs).unref();
}

/** The full collection --expose-gc gives, made to compact every page, or none without the flag. */
function compactingCollection(): (() => void) | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  return () => {
    // A V8 flag read at each full collection: set for this one, then cleared.
    v8.setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      v8.setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}
