import { type Client, Events, type REST, RESTEvents, Status } from 'discord.js';
import type { GatewayState } from '../http/health.js';
import { type MetricsRecorder, UNCOUNTED } from '../http/recorder.js';

/**
 * Counts what Discord does to the client: REST responses with an error status, each attempt
 * (discord.js retries 429s and 5xx by itself), and gateway reconnections. The response body is
 * left alone: discord.js reads it after this listener, so the Discord error code is not counted.
 */
export function instrumentClient(client: Client, metrics: MetricsRecorder): void {
  countRestErrors(client.rest, metrics);
  client.on(Events.ShardReconnecting, () => metrics.countGatewayReconnect());
}

/**
 * Counts each REST response with an error status, retried attempts included. Without
 * `METRICS_PORT` nobody reads the counts, and no listener is added: discord.js builds an event
 * (and a copy of the response) for every request only when someone listens.
 */
export function countRestErrors(rest: REST, metrics: MetricsRecorder): void {
  if (metrics === UNCOUNTED) return;
  rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status >= 400) metrics.countRestError(response.status);
  });
}

/** `WaitingForGuilds` → `waiting-for-guilds`. */
const kebab = (name: string) => name.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase();

/** The gateway as `/healthz` reports it; `starting` until the client has logged in. */
export function gatewayState(client: Client | undefined): GatewayState {
  if (!client) return { status: 'starting', ping: null, ready: false };
  const status = client.ws.status;
  return {
    status: kebab(Status[status] ?? String(status)),
    ping: client.ws.ping >= 0 ? client.ws.ping : null,
    ready: client.isReady() && status === Status.Ready,
  };
}
