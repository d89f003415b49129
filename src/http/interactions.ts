import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError, type Logger } from '../log.js';
import { type HttpServer, serveHttp } from './server.js';
import { isFresh, MAX_SKEW_SECONDS, SeenSignatures, signedByDiscord } from './signature.js';

/** The path to give Discord as the Interactions Endpoint URL (after the public HTTPS origin). */
export const INTERACTIONS_PATH = '/interactions';

/**
 * The largest body read. Discord's biggest interaction is a component or message-menu one
 * carrying a whole message: 4,000 characters of content and 6,000 across embeds, at most
 * 4 bytes each in UTF-8, plus its JSON: well under 64 KiB. Twice that leaves room.
 */
export const MAX_BODY_BYTES = 128 * 1024;

/** The HTTP response to a verified request, sent once. */
export interface Exchange {
  /** Answers 200 with an interaction response (`{ type: 4, data }`…), its JSON already encoded. */
  send(json: string | Buffer): void;
  /** Answers with an error status and a short text, naming the problem. */
  refuse(status: number, text: string): void;
  readonly sent: boolean;
}

export interface InteractionsServerOptions {
  readonly host: string;
  readonly port: number;
  /** The application's public key (`ed25519PublicKey`). */
  readonly publicKey: KeyObject;
  readonly logger: Logger;
  /**
   * Serves a verified interaction other than PING, answering through `exchange`. A request it
   * settles without answering (a member told to wait, then silenced) gets 204.
   */
  handle(payload: unknown, exchange: Exchange): Promise<void>;
  /** Told the status of every answer, for the metrics. */
  counted?(status: number): void;
}

/**
 * Why a request was refused before it reached a handler: a fixed text, never its content.
 * Logged at debug when the internet's noise does it (scanners, Discord's own badly signed test
 * requests), at warn when it says something an operator should fix or know.
 */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly level: 'debug' | 'warn' = 'warn',
  ) {
    super(message);
  }
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The raw body, up to `max` bytes; a longer one is refused (413) without reading the rest. */
function readBody(request: IncomingMessage, max: number): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? 0) > max) {
    return Promise.reject(new Refusal(413, `request body over ${max} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
      else {
        request.off('data', onData);
        reject(new Refusal(413, `request body over ${max} bytes`));
      }
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

function write(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra = {},
): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extra,
  });
  response.end(body);
}

function writeText(response: ServerResponse, status: number, text: string, extra = {}): void {
  write(response, status, `${text}\n`, 'text/plain; charset=utf-8', extra);
}

function exchangeOf(response: ServerResponse): Exchange {
  let sent = false;
  const once = (act: () => void) => {
    if (sent) throw new Error('this interaction has already been answered');
    sent = true;
    act();
  };
  return {
    send: (json) => once(() => write(response, 200, json, 'application/json')),
    refuse: (status, text) => once(() => writeText(response, status, text)),
    get sent() {
      return sent;
    },
  };
}

/**
 * Checks a request in the order that costs an attacker most and the bot least: the route and
 * method, the signature headers and the timestamp's age (before the body is read), the body's
 * size, the signature over timestamp + raw body, a replay of it, and only then the JSON.
 */
async function verified(
  request: IncomingMessage,
  options: InteractionsServerOptions,
  seen: SeenSignatures,
): Promise<unknown> {
  const path = (request.url ?? '/').split('?')[0];
  if (path !== INTERACTIONS_PATH) {
    throw new Refusal(404, `not found: Discord posts to ${INTERACTIONS_PATH}`, 'debug');
  }
  if (request.method !== 'POST') throw new Refusal(405, 'method not allowed: use POST', 'debug');
  const signature = header(request, 'x-signature-ed25519');
  const timestamp = header(request, 'x-signature-timestamp');
  if (signature === null || timestamp === null) throw new Refusal(401, 'missing request signature', 'debug');
  const now = Date.now();
  if (!isFresh(timestamp, now)) {
    // Every request refused so means a clock off by more than the window: check NTP.
    throw new Refusal(401, `request timestamp more than ${MAX_SKEW_SECONDS} s from this server's clock`);
  }
  const body = await readBody(request, MAX_BODY_BYTES);
  if (!signedByDiscord(options.publicKey, timestamp, body, signature)) {
    throw new Refusal(401, 'invalid request signature', 'debug');
  }
  if (!seen.note(signature, now)) throw new Refusal(401, 'request already received');
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal(400, 'malformed JSON');
  }
}

/** Discord's PING, sent when the endpoint URL is saved and now and then: answered PONG. */
const isPing = (payload: unknown) => (payload as { type?: unknown } | null)?.type === 1;

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  options: InteractionsServerOptions,
  seen: SeenSignatures,
): Promise<void> {
  const exchange = exchangeOf(response);
  response.once('finish', () => options.counted?.(response.statusCode));
  try {
    const payload = await verified(request, options, seen);
    if (isPing(payload)) return exchange.send(JSON.stringify({ type: 1 }));
    await options.handle(payload, exchange);
    if (!exchange.sent) response.writeHead(204).end();
  } catch (error) {
    if (error instanceof Refusal) {
      options.logger[error.level](
        { status: error.status, reason: error.message },
        'interaction request refused',
      );
      const allow = error.status === 405 ? { Allow: 'POST' } : {};
      // A body left unread would hold the connection: close it after the answer.
      const close = error.status === 413 ? { Connection: 'close' } : {};
      if (error.status === 413) request.resume();
      return writeText(response, error.status, error.message, { ...allow, ...close });
    }
    options.logger.error({ err: describeError(error) }, 'the interactions endpoint could not answer');
    if (!exchange.sent) writeText(response, 500, 'internal error');
  }
}

/** Serves Discord's HTTP interactions at `POST /interactions` on `host:port` until `close()`. */
export function startInteractionsServer(options: InteractionsServerOptions): Promise<HttpServer> {
  const seen = new SeenSignatures();
  // Discord sends a whole request at once: one that trickles in for seconds is not Discord.
  return serveHttp(options, (request, response) => {
    void serve(request, response, options, seen);
  });
}
