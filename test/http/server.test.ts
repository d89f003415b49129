import { once } from 'node:events';
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayState, healthReport } from '../../src/http/health.js';
import { BotMetrics } from '../../src/http/metrics.js';
import {
  describeListenError,
  type MetricsServer,
  type MetricsServerOptions,
  startMetricsServer,
} from '../../src/http/server.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createLogger } from '../../src/log.js';
import { health, sampleValue } from './prometheus.js';

const logged: Array<Record<string, unknown>> = [];
const logger = createLogger('info', { write: (line: string) => logged.push(JSON.parse(line)) });
const metrics = new BotMetrics();
let gateway: GatewayState = { status: 'starting', ping: null, ready: false };
let server: MetricsServer;

/** A server on a free loopback port, reporting `gateway` and the metrics' knowledge. */
const serve = (options: Partial<MetricsServerOptions> = {}) =>
  startMetricsServer({
    host: '127.0.0.1',
    port: 0,
    registry: metrics.registry,
    health: () => healthReport(gateway, metrics.knowledge, 12.7),
    logger,
    ...options,
  });

beforeAll(async () => {
  server = await serve();
});

afterAll(() => server.close());

/** A raw request, so that any method and path can be sent. */
function send(method: string, path: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const sent = request(`${server.url}${path}`, { method, agent: false }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      });
      sent.on('error', reject);
      sent.end();
    },
  );
}

describe('the metrics server', () => {
  it('listens on the address it was given, on the port the system picked', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
  });

  it('answers /healthz with 503 and says why until the gateway is ready with knowledge loaded', async () => {
    expect(await health(server.url)).toEqual({
      status: 503,
      body: {
        status: 'unavailable',
        gateway: { status: 'starting', ping: null },
        knowledge: { version: null, articles: 0, facts: 0 },
        uptimeSeconds: 12,
      },
    });
    gateway = { status: 'ready', ping: 42, ready: true };
    expect((await health(server.url)).status).toBe(503); // No knowledge yet.
    const knowledge = loadKnowledge();
    metrics.setKnowledge(knowledge);
    gateway = { status: 'resuming', ping: 42, ready: false };
    expect((await health(server.url)).status).toBe(503);
    gateway = { status: 'ready', ping: 42, ready: true };
    expect(await health(server.url)).toEqual({
      status: 200,
      body: {
        status: 'ok',
        gateway: { status: 'ready', ping: 42 },
        knowledge: { version: metrics.knowledge?.version, articles: 1, facts: knowledge.facts.length },
        uptimeSeconds: 12,
      },
    });
    expect(metrics.knowledge?.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('answers /metrics in the Prometheus text format, query string ignored', async () => {
    metrics.countRestError(500);
    const response = await send('GET', '/metrics?name[]=x');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('# TYPE discord_rest_errors_total counter');
    expect(sampleValue(response.body, 'discord_rest_errors_total', { status: '500' })).toBe(1);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await send('HEAD', '/healthz');
    expect(response.status).toBe(200);
    expect(Number(response.headers['content-length'])).toBeGreaterThan(0);
    expect(response.body).toBe('');
  });

  it('answers 404 for any other path and 405 for any other method', async () => {
    for (const path of ['/', '/healthz/', '/metrics.txt', '/Metrics', '/favicon.ico']) {
      expect([path, (await send('GET', path)).status]).toEqual([path, 404]);
    }
    expect((await send('POST', '/elsewhere')).status).toBe(404);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await send(method, '/metrics');
      expect([method, response.status, response.headers.allow]).toEqual([method, 405, 'GET, HEAD']);
    }
  });

  it('answers 500 and logs when the metrics cannot be collected', async () => {
    const broken = await serve({
      registry: {
        contentType: metrics.registry.contentType,
        metrics: () => Promise.reject(new Error('gauge broke')),
      },
    });
    const response = await fetch(`${broken.url}/metrics`);
    expect(response.status).toBe(500);
    expect(logged.splice(0).map((line) => [line.msg, (line.err as { message: string }).message])).toEqual([
      ['the metrics server could not answer', 'gauge broke'],
    ]);
    await broken.close();
  });

  it('closes at once though a client is halfway through a request', async () => {
    const spare = await serve();
    const { port } = new URL(spare.url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.on('error', () => {}); // The server resets it on close: that is the point.
    const dropped = new Promise((resolve) => socket.once('close', resolve));
    await once(socket, 'connect');
    socket.write('GET /metrics HTTP/1.1\r\nHost: x\r\n'); // The headers never end.
    const started = performance.now();
    await spare.close();
    expect(performance.now() - started).toBeLessThan(500);
    await expect(fetch(`${spare.url}/metrics`)).rejects.toThrow();
    await dropped;
  });
});

describe('describeListenError', () => {
  it('names METRICS_PORT when the port is taken and METRICS_HOST when the address is not here', async () => {
    const port = Number(new URL(server.url).port);
    const clash = { host: '127.0.0.1', port };
    const taken = await serve(clash).catch((error: unknown) => error);
    expect(describeListenError(taken, clash)).toBe(
      `METRICS_PORT: 127.0.0.1:${port} is already in use: choose another port`,
    );
    // 192.0.2.1 is reserved for documentation: no machine has it.
    const elsewhere = { host: '192.0.2.1', port: 0 };
    const absent = await serve(elsewhere).catch((error: unknown) => error);
    expect(describeListenError(absent, elsewhere)).toBe(
      'METRICS_HOST: 192.0.2.1 is not an address of this machine',
    );
  });
});
