import { createRequire } from 'node:module';
import { type DestinationStream, type Logger, pino } from 'pino';
import type PinoPretty from 'pino-pretty';
import type { LogFormat, LogLevel } from './config.js';

export type { Logger };

/** Where log lines go: stdout, synchronously, so that nothing is lost when the process exits. */
function stdoutFor(format: LogFormat): DestinationStream {
  if (format === 'json') return pino.destination({ fd: 1, sync: true });
  // Loaded only for readable lines: its modules (colours, dates, a JSON parser) are memory that
  // a bot logging JSON, the default, would hold for nothing.
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
  return pretty({
    destination: 1,
    sync: true,
    colorize: process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss',
  });
}

/**
 * Structured logs on stdout: JSON lines by default, or readable lines with `LOG_FORMAT=pretty`.
 * Tokens never reach a log line: discord.js hides the bot token, and anything shaped like an
 * interaction or webhook URL is scrubbed by `scrubUrl`.
 */
export function createLogger(level: LogLevel, destination: DestinationStream | LogFormat = 'json'): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['token', '*.token', '*.headers.authorization', '*.requestBody'],
        censor: '[redacted]',
      },
    },
    typeof destination === 'string' ? stdoutFor(destination) : destination,
  );
}

/** Interaction and webhook URLs carry a token: keep the route, drop the secret. */
export function scrubUrl(url: string): string {
  return url.replace(/\/(interactions\/\d+|webhooks\/\d+)\/[^/?]+/g, '/$1/[token]');
}

/** What is safe to log of an error: name, message, code and status, with URLs scrubbed. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const details: Record<string, unknown> = { name: error.name, message: scrubUrl(error.message) };
  const extra = error as Error & { code?: unknown; status?: unknown; url?: unknown; method?: unknown };
  if (extra.code !== undefined) details.code = extra.code;
  if (extra.status !== undefined) details.status = extra.status;
  if (typeof extra.method === 'string') details.method = extra.method;
  if (typeof extra.url === 'string') details.url = scrubUrl(extra.url);
  if (error.stack) details.stack = scrubUrl(error.stack);
  return details;
}
