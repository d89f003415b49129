import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Shard, ShardingManager } from 'discord.js';
import { ConfigError } from './config.js';
import { handleProcessEvents, SHUTDOWN_GRACE_MS } from './lifecycle.js';
import { describeError, type Logger } from './log.js';

/**
 * The bot's entry, which every shard process runs: `main` beside this file, with this file's
 * extension, so that it is `src/main.ts` under tsx and `dist/main.js` once compiled.
 */
export const BOT_ENTRY = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  `main${path.extname(fileURLToPath(import.meta.url))}`,
);

/** How long one shard may take to load its knowledge and connect before the start fails. */
const SHARD_READY_MS = 120_000;
/** Between two shards' starts: Discord accepts one IDENTIFY per 5 seconds (max_concurrency 1). */
const SHARD_SPAWN_DELAY_MS = 5500;

/** What a shard process tells the manager; sent over the IPC channel discord.js opens. */
export type ShardReport = { readonly kind: 'article-qa-bot:fatal'; readonly message: string };

/** What the manager tells a shard process that is up: stop as on SIGTERM. */
const STOP = { kind: 'article-qa-bot:stop' } as const;

/** The shard this process serves, when a ShardingManager started it (from the env it sets). */
export function shardOfProcess(env: NodeJS.ProcessEnv): { id: number; count: number } | undefined {
  if (!env.SHARDING_MANAGER) return undefined;
  return { id: Number(env.SHARDS), count: Number(env.SHARD_COUNT) };
}

/**
 * In a shard process, tells the manager that Discord closed the gateway for good, so that it
 * stops every shard instead of restarting this one into the same refusal. Elsewhere, nothing.
 */
export function reportFatalToManager(message: string): void {
  const report: ShardReport = { kind: 'article-qa-bot:fatal', message };
  if (process.send && process.connected) process.send(report);
}

/**
 * In a shard process, stops it as SIGTERM does when the manager asks. The manager asks rather
 * than signals: a terminal's Ctrl-C or a service manager may already have signalled the whole
 * process group, and a second SIGTERM would end the shard before it disconnects.
 */
export function stopWhenManagerAsks(): void {
  process.on('message', (message: Partial<typeof STOP>) => {
    if (message?.kind === STOP.kind) process.emit('SIGTERM', 'SIGTERM');
  });
}

/** The shard count Discord recommends (`GET /gateway/bot`), asked at `apiUrl` when set. */
async function recommendedShardCount(token: string, apiUrl: string | undefined): Promise<number> {
  const response = await fetch(`${apiUrl ?? 'https://discord.com/api'}/v10/gateway/bot`, {
    headers: { Authorization: `Bot ${token}` },
  });
  if (response.status === 401) {
    throw new ConfigError([
      'DISCORD_TOKEN: Discord rejected this token. Copy the token from the Bot tab of the developer portal (Reset Token gives a new one).',
    ]);
  }
  if (!response.ok) throw new Error(`GET /gateway/bot answered ${response.status}`);
  const { shards } = (await response.json()) as { shards?: unknown };
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1) {
    throw new Error(`GET /gateway/bot gave no shard count (${JSON.stringify(shards)})`);
  }
  return shards;
}

/**
 * Stops every shard process and waits for them all: one that is up disconnects and exits when
 * asked (see `stopWhenManagerAsks`); one still starting has nothing to close and gets SIGTERM.
 */
async function stopShards(manager: ShardingManager): Promise<void> {
  manager.respawn = false;
  await Promise.all(
    [...manager.shards.values()].map((shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return undefined;
      const exited = once(child, 'exit');
      // A channel closing meanwhile (the shard is leaving by itself) fails the send: signal it.
      if (shard.ready && child.connected) child.send(STOP, (error) => error && child.kill('SIGTERM'));
      else child.kill('SIGTERM');
      return exited;
    }),
  );
}

/** What becomes of a child that exits: logged (shard number and exit code only), then respawned. */
function watchShard(shard: Shard, manager: ShardingManager, logger: Logger, onFatal: (m: string) => void) {
  shard.on('spawn', () => logger.info({ shard: shard.id }, 'shard process started'));
  shard.on('ready', () => logger.info({ shard: shard.id }, 'shard connected to Discord'));
  shard.on('death', (child) => {
    const { exitCode, signalCode } = child as ChildProcess;
    if (!manager.respawn) return;
    logger.warn({ shard: shard.id, exitCode, signal: signalCode }, 'shard process exited: starting it again');
  });
  shard.on('error', (error) => logger.error({ shard: shard.id, err: describeError(error) }, 'shard error'));
  shard.on('message', (message: Partial<ShardReport>) => {
    if (message?.kind === 'article-qa-bot:fatal' && typeof message.message === 'string')
      onFatal(message.message);
  });
}

export interface ShardManagerOptions {
  readonly token: string;
  readonly apiUrl: string | undefined;
  readonly shardCount: 'auto' | number;
  readonly logger: Logger;
  /** `METRICS_PORT`: shard n serves on this port + n, so the last one must fit. */
  readonly metricsPort: number | undefined;
}

/**
 * `SHARD_COUNT`: runs the bot as one child process per shard under discord.js's ShardingManager,
 * so that one machine uses every core. This process loads no knowledge and no engine: it starts
 * the children (the bot's own entry, with the shard in their environment), restarts one that
 * dies, forwards SIGHUP (reload the knowledge) to each, and stops them all on SIGINT or SIGTERM.
 */
export async function runShardManager(options: ShardManagerOptions): Promise<void> {
  const { logger } = options;
  const count =
    options.shardCount === 'auto'
      ? await recommendedShardCount(options.token, options.apiUrl)
      : options.shardCount;
  if (options.metricsPort !== undefined && options.metricsPort + count - 1 > 65_535) {
    throw new ConfigError([
      `METRICS_PORT: shard n serves on METRICS_PORT + n, so with ${count} shards it must be at most ${65_536 - count}`,
    ]);
  }
  const manager = new ShardingManager(BOT_ENTRY, {
    totalShards: count,
    token: options.token,
    execArgv: process.execArgv, // the TypeScript loader under tsx; nothing once compiled
    respawn: true,
  });
  const leave = (code: number) => {
    for (const shard of manager.shards.values()) shard.process?.kill('SIGKILL'); // past the grace period
    logger.flush();
    process.exit(code);
  };
  const onFatal = (message: string) => {
    logger.fatal({}, `a shard stopped for good: stopping every shard. ${message}`);
    setTimeout(() => leave(1), SHUTDOWN_GRACE_MS).unref();
    void stopShards(manager).finally(() => leave(1));
  };
  manager.on('shardCreate', (shard) => watchShard(shard, manager, logger, onFatal));
  handleProcessEvents({
    logger,
    stop: () => stopShards(manager),
    // Only to shards that are up: one still starting has no SIGHUP handler yet (the signal would
    // kill it), and reads the knowledge as it is now anyway.
    reload: () => {
      for (const shard of manager.shards.values()) if (shard.ready) shard.process?.kill('SIGHUP');
    },
    exit: leave,
  });
  logger.info({ shards: count }, 'starting one process per shard');
  try {
    await manager.spawn({ amount: count, delay: SHARD_SPAWN_DELAY_MS, timeout: SHARD_READY_MS });
  } catch (error) {
    await stopShards(manager);
    throw new Error(
      `A shard process did not start (its own message is above): ${describeError(error).message}`,
    );
  }
  logger.info({ shards: count }, 'every shard connected to Discord');
}
