import path from 'node:path';
import dotenv from 'dotenv';
import { loadEngine, openLiveKnowledge } from './bootstrap.js';
import { CHAT_HISTORY_FILE, runChat } from './cli/chat.js';
import { styleFor } from './cli/render.js';
import { type Config, ConfigError, readConfig } from './config.js';
import { checkDataDir } from './dataDir.js';
import { serveEngine, startBot } from './discord/bot.js';
import { type HttpDoor, startHttpDoor } from './discord/httpDoor.js';
import { gatewayState } from './discord/instrument.js';
import { openServices } from './discord/services.js';
import { NO_GATEWAY } from './http/health.js';
import { serveBotMetrics } from './http/serveBot.js';
import { describeListenError, type MetricsServer } from './http/server.js';
import { KnowledgeError } from './knowledge/load.js';
import { collectOnceSettled, handleProcessEvents, SHUTDOWN_GRACE_MS } from './lifecycle.js';
import { createLogger, describeError } from './log.js';
import {
  reportFatalToManager,
  runShardManager,
  shardOfProcess,
  stopWhenManagerAsks,
} from './shardManager.js';

const INTERACTIONS_VARIABLES = { port: 'INTERACTIONS_PORT', host: 'INTERACTIONS_HOST' } as const;

/** A failure to start that the message explains in full: no stack trace needed. */
class StartError extends Error {}

/**
 * Picks the door from the configuration: Discord with a token (the gateway) or an
 * `INTERACTIONS_PORT` (HTTP interactions), both when both are set; else the terminal chat.
 */
async function main(): Promise<number | undefined> {
  dotenv.config({ quiet: true });
  const config = readConfig(process.env);
  if (config.discordToken || config.interactions) {
    checkDataDir(config.dataDir);
    if (config.discordToken && config.shardCount !== undefined && !shardOfProcess(process.env)) {
      await runShards(config, config.shardCount, config.discordToken);
      return undefined; // The shard processes keep it alive until a signal.
    }
    // discord.js reads SHARD_COUNT itself and refuses a blank one (as copied from .env.example).
    if (config.shardCount === undefined) delete process.env.SHARD_COUNT;
    await runDiscord(config);
    return undefined; // The gateway or the server keeps the process alive until a signal.
  }
  if (!process.stdin.isTTY) {
    process.stderr.write(
      'No DISCORD_TOKEN is set and standard input is not a terminal, so there is nothing to run.\n' +
        'Set DISCORD_TOKEN in .env to start the Discord bot, run `npm start` in a terminal for the chat,\n' +
        'or ask from a script with: npm run --silent ask -- --json "your question"\n',
    );
    return 1;
  }
  checkDataDir(config.dataDir);
  await runChat(loadEngine(config.knowledgeDir), process.stdin, process.stdout, {
    historyFile: path.join(config.dataDir, CHAT_HISTORY_FILE),
    style: styleFor(process.stdout, process.env),
  });
  return 0;
}

async function runShards(config: Config, shardCount: 'auto' | number, token: string): Promise<void> {
  const logger = createLogger(config.logLevel, config.logFormat);
  await runShardManager({
    token,
    apiUrl: config.discordApiUrl,
    shardCount,
    logger,
    metricsPort: config.metrics?.port,
  }).catch((error: unknown) => {
    if (error instanceof ConfigError) throw error;
    throw new StartError(String(describeError(error).message));
  });
}

async function runDiscord(config: Config): Promise<void> {
  // A shard process of SHARD_COUNT: its log lines say which shard, it serves metrics on
  // METRICS_PORT + its shard id, and every metric carries a `shard` label.
  const shard = shardOfProcess(process.env);
  const root = createLogger(config.logLevel, config.logFormat);
  const logger = shard ? root.child({ shard: shard.id }) : root;
  const knowledge = await openLiveKnowledge({ dir: config.knowledgeDir, serve: serveEngine, logger });
  // prom-client is loaded only when /metrics is served: about 14 MB the bot need not hold.
  const metrics = config.metrics ? new (await import('./http/metrics.js')).BotMetrics() : undefined;
  if (shard) metrics?.registry.setDefaultLabels({ shard: String(shard.id) });
  // One cooldown, vote ledger and question log for both doors when both run.
  const services = openServices({
    knowledge: knowledge.host,
    dataDir: config.dataDir,
    cooldown: config.cooldown,
    questionLog: config.questionLog,
    questionLogRetention: (shard?.id ?? 0) === 0,
    logger,
    metrics,
  });
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  let server: MetricsServer | undefined;
  let door: HttpDoor | undefined;
  handleProcessEvents({
    logger,
    stop: async () => {
      knowledge.close();
      await Promise.all([bot?.stop(), server?.close(), door?.close()]);
      await services.stop();
    },
    reload: () => void knowledge.host.reload('signal'),
    exit: (code) => process.exit(code),
  });
  if (shard) stopWhenManagerAsks();
  // Before connecting: /healthz says 503 while the bot connects, and a taken port stops the start.
  if (config.metrics && metrics) {
    const at = shard ? { ...config.metrics, port: config.metrics.port + shard.id } : config.metrics;
    const gateway = config.discordToken ? () => gatewayState(bot?.client) : () => NO_GATEWAY;
    server = await serveBotMetrics(at, metrics, gateway, logger).catch((error: unknown) => {
      throw new ConfigError([describeListenError(error, at)]);
    });
    logger.info({ url: server.url }, 'serving /healthz and /metrics');
  }
  // Under SHARD_COUNT, shard 0 alone serves the endpoint: Discord posts to one URL, and
  // interactions over HTTP belong to no shard.
  if (config.interactions && (shard?.id ?? 0) === 0) {
    const at = config.interactions;
    door = await startHttpDoor({ ...at, apiUrl: config.discordApiUrl, services, logger }).catch(
      async (error: unknown) => {
        await server?.close();
        throw new ConfigError([describeListenError(error, at, INTERACTIONS_VARIABLES)]);
      },
    );
    logger.info({ url: door.url }, 'serving Discord interactions over HTTP');
  }
  services.start();
  const token = config.discordToken;
  if (!token) {
    collectOnceSettled();
    return; // HTTP interactions only: no gateway session to open.
  }
  let fatal: string | undefined;
  try {
    bot = await startBot({
      token,
      apiUrl: config.discordApiUrl,
      knowledge: knowledge.host,
      dataDir: config.dataDir,
      logger,
      services,
      // Restarting would only be refused again, and burns the day's identify budget: stop.
      onFatal: (message) => {
        fatal = message;
        reportFatalToManager(message);
        if (!bot) return; // Still logging in: the login fails with it, below.
        process.stderr.write(`${message}\n`);
        setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
        void Promise.all([bot.stop(), services.stop()]).finally(() => process.exit(1));
      },
    });
  } catch (error) {
    // Else they would keep the process alive after the failed start.
    await Promise.all([server?.close(), door?.close(), services.stop()]);
    if (fatal) throw new StartError(fatal);
    const code = (error as { code?: unknown }).code;
    if (code === 'TokenInvalid') {
      throw new ConfigError([
        'DISCORD_TOKEN: Discord rejected this token. Copy the token from the Bot tab of the developer portal (Reset Token gives a new one).',
      ]);
    }
    const where = config.discordApiUrl ?? 'Discord';
    throw new StartError(`Could not connect to ${where}: ${String(describeError(error).message)}`);
  }
  collectOnceSettled();
  const applicationId = bot.client.application?.id;
  if (config.discordClientId && applicationId && config.discordClientId !== applicationId) {
    logger.warn(
      { configured: config.discordClientId, actual: applicationId },
      'DISCORD_CLIENT_ID is not the application of this token: deploy-commands would register elsewhere',
    );
  }
}

try {
  const code = await main();
  if (code !== undefined) process.exitCode = code;
} catch (error) {
  if (error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StartError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
