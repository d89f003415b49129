import type { Client } from 'discord.js';
import type { MetricsConfig } from '../config.js';
import { gatewayState } from '../discord/instrument.js';
import type { Logger } from '../log.js';
import { healthReport } from './health.js';
import type { BotMetrics } from './metrics.js';
import { type MetricsServer, startMetricsServer } from './server.js';

/**
 * `/healthz` and `/metrics` for a bot that may still be connecting: `client` is asked on each
 * request, and gives nothing until the bot has logged in (503 until then).
 */
export function serveBotMetrics(
  at: MetricsConfig,
  metrics: BotMetrics,
  client: () => Client | undefined,
  logger: Logger,
): Promise<MetricsServer> {
  metrics.collectProcessMetrics();
  return startMetricsServer({
    ...at,
    registry: metrics.registry,
    health: () => healthReport(gatewayState(client()), metrics.knowledge, process.uptime()),
    logger,
  });
}
