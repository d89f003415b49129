import { describe, expect, it } from 'vitest';
import { createLogger, describeError, scrubUrl } from '../src/log.js';

describe('scrubUrl', () => {
  it('drops interaction and webhook tokens and keeps the route', () => {
    expect(
      scrubUrl(
        'https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb24.x-y_z/callback?with_response=false',
      ),
    ).toBe('https://discord.com/api/v10/interactions/123/[token]/callback?with_response=false');
    expect(scrubUrl('/webhooks/456/secret-token/messages/@original')).toBe(
      '/webhooks/456/[token]/messages/@original',
    );
    expect(scrubUrl('/channels/789/messages')).toBe('/channels/789/messages');
  });
});

describe('describeError', () => {
  it('keeps name, message, code, status and method, with the URL and stack scrubbed', () => {
    const error = Object.assign(new Error('Unknown interaction'), {
      code: 10062,
      status: 404,
      method: 'POST',
      url: 'https://discord.com/api/v10/interactions/1/tok-secret/callback',
      requestBody: { json: { content: 'private' } },
    });
    const described = describeError(error);
    expect(described).toMatchObject({
      message: 'Unknown interaction',
      code: 10062,
      status: 404,
      method: 'POST',
    });
    expect(JSON.stringify(described)).not.toContain('tok-secret');
    expect(JSON.stringify(described)).not.toContain('private');
  });

  it('describes anything thrown, not only errors', () => {
    expect(describeError('boom')).toEqual({ message: 'boom' });
  });
});

describe('createLogger', () => {
  it('writes JSON lines and redacts token fields', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    logger.info({ token: 'abc', request: { token: 'def', headers: { authorization: 'Bot xyz' } } }, 'hello');
    logger.debug('hidden at info');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line.msg).toBe('hello');
    expect(JSON.stringify(line)).not.toMatch(/abc|def|xyz/);
  });
});
