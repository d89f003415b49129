import type { MetricsConfig } from '../config.js';
import type { Logger } from '../log.js';
import { type GatewayState, healthReport } from './health.js';
import type { BotMetrics } from './metrics.js';
import { type MetricsServer, startMetricsServer } from './server.js';

/**
 * `/healthz` and `/metrics` for a bot that may still be connecting: `gateway` is asked on each
 * request (`gatewayState(client)`: 503 until the bot has logged in; `NO_GATEWAY` when only the
 * HTTP interactions endpoint runs).
 */
export function serveBotMetrics(
  at: MetricsConfig,
  metrics: BotMetrics,
  gateway: () => GatewayState,
  logger: Logger,
): Promise<MetricsServer> {
  metrics.collectProcessMetrics();
  return startMetricsServer({
    ...at,
    registry: metrics.registry,
    health: () => healthReport(gateway(), metrics.knowledge, process.uptime()),
    logger,
  });
}
