import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { MetricsConfig } from '../config.js';
import { describeError, type Logger } from '../log.js';
import type { HealthReport } from './health.js';

export interface MetricsServerOptions extends MetricsConfig {
  readonly registry: Pick<Registry, 'metrics' | 'contentType'>;
  /** Asked on every `GET /healthz`. */
  health(): HealthReport;
  readonly logger: Logger;
}

export interface HttpServer {
  /** `http://host:port`, with the port actually bound (port 0 picks a free one). */
  readonly url: string;
  /** Stops listening and drops open connections (a scraper's keep-alive would hold it). */
  close(): Promise<void>;
}

export type MetricsServer = HttpServer;

interface Reply {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

const text = (status: number, body: string): Reply => ({
  status,
  type: 'text/plain; charset=utf-8',
  body: `${body}\n`,
});

type Route = (options: MetricsServerOptions) => Promise<Reply> | Reply;

const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  [
    '/healthz',
    ({ health }) => {
      const report = health();
      return {
        status: report.status === 'ok' ? 200 : 503,
        type: 'application/json; charset=utf-8',
        body: JSON.stringify(report),
      };
    },
  ],
  [
    '/metrics',
    async ({ registry }) => ({ status: 200, type: registry.contentType, body: await registry.metrics() }),
  ],
]);

/** GET and HEAD of the two routes; 404 elsewhere, 405 for another method. The body is never read. */
async function replyTo(request: IncomingMessage, options: MetricsServerOptions): Promise<Reply> {
  const route = ROUTES.get((request.url ?? '/').split('?')[0] ?? '/');
  if (!route) return text(404, 'not found: try /healthz or /metrics');
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'method not allowed: use GET');
  try {
    return await route(options);
  } catch (error) {
    options.logger.error(
      { err: describeError(error), path: request.url },
      'the metrics server could not answer',
    );
    return text(500, 'internal error');
  }
}

function send(response: ServerResponse, { status, type, body }: Reply): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...(status === 405 ? { Allow: 'GET, HEAD' } : {}),
  });
  response.end(body); // Node sends no body in answer to HEAD.
}

function listen(server: Server, { port, host }: MetricsConfig): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Serves `handle` on `host:port` until `close()`: requests that take seconds to arrive are
 * dropped (both servers answer at once), and closing drops open keep-alive connections too.
 * Rejects with the listen error (EADDRINUSE…): see `describeListenError`.
 */
export async function serveHttp(
  at: MetricsConfig,
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<HttpServer> {
  const server = createServer(handle);
  server.headersTimeout = 5000;
  server.requestTimeout = 10_000;
  await listen(server, at);
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Serves `GET /healthz` and `GET /metrics` on `host:port` until `close()`. */
export function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  // A scrape or a health check takes milliseconds: a client that dawdles is dropped.
  return serveHttp(options, (request, response) => {
    void replyTo(request, options).then((reply) => send(response, reply));
  });
}

/** The variables that set where a server listens, named in its errors. */
export interface ListenVariables {
  readonly port: string;
  readonly host: string;
}

const METRICS_VARIABLES: ListenVariables = { port: 'METRICS_PORT', host: 'METRICS_HOST' };

/** Why the server could not listen, naming the variable to change. */
export function describeListenError(
  error: unknown,
  { host, port }: MetricsConfig,
  names: ListenVariables = METRICS_VARIABLES,
): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return `${names.port}: ${host}:${port} is already in use: choose another port`;
  if (code === 'EACCES')
    return `${names.port}: not allowed to listen on ${port} (below 1024 needs privileges)`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `${names.host}: ${host} is not an address of this machine`;
  }
  return `${names.port}: could not listen on ${host}:${port}: ${String(describeError(error).message)}`;
}
