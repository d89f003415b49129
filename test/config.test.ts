import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  readConfig,
  readCurationConfig,
  readTerminalConfig,
  requireDiscord,
} from '../src/config.js';

/** Shaped like a real bot token (id, timestamp, signature); not a real one. */
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.x1Y2z3W4v5U6t7S8r9Q0p1O2n3M4l5K6j7I8h9';

function problemsOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('readConfig', () => {
  it('returns defaults for the terminal doors when nothing is set', () => {
    expect(readConfig({})).toEqual({
      discordToken: undefined,
      discordClientId: undefined,
      discordGuildId: undefined,
      discordApiUrl: undefined,
      logLevel: 'info',
      logFormat: 'json',
      dataDir: 'data',
      knowledgeDir: undefined,
      cooldown: { questions: 5, windowMs: 30_000 },
      metrics: undefined,
      interactions: undefined,
      questionLog: { enabled: true, days: 30, dms: false },
      shardCount: undefined,
    });
  });

  it('treats blank variables, as copied from .env.example, as unset', () => {
    const config = readConfig({
      DISCORD_TOKEN: ' ',
      DISCORD_GUILD_ID: '',
      DISCORD_API_URL: '',
      LOG_LEVEL: '',
      LOG_FORMAT: '',
      DATA_DIR: ' ',
      COOLDOWN_QUESTIONS: '',
      COOLDOWN_SECONDS: ' ',
      METRICS_PORT: '',
      METRICS_HOST: '',
      SHARD_COUNT: ' ',
    });
    expect(config).toMatchObject({
      discordToken: undefined,
      discordGuildId: undefined,
      discordApiUrl: undefined,
      logLevel: 'info',
      logFormat: 'json',
      dataDir: 'data',
      cooldown: { questions: 5, windowMs: 30_000 },
      metrics: undefined,
    });
  });

  it('reads the Discord variables and drops a trailing slash from the API URL', () => {
    const config = readConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
    });
    expect(config).toMatchObject({
      discordClientId: '123456789012345678',
      discordGuildId: '223456789012345678',
      discordApiUrl: 'http://127.0.0.1:8080/api',
    });
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf(() =>
      readConfig({
        DISCORD_CLIENT_ID: 'my-app',
        DISCORD_GUILD_ID: '12ab',
        DISCORD_API_URL: 'ftp://x',
        LOG_LEVEL: 'loud',
        LOG_FORMAT: 'xml',
        COOLDOWN_QUESTIONS: 'five',
        COOLDOWN_SECONDS: '0',
        METRICS_PORT: '9464a',
        METRICS_HOST: 'http://0.0.0.0',
        QUESTION_LOG: 'yes',
        QUESTION_LOG_DAYS: '0',
        QUESTION_LOG_DMS: 'true',
      }),
    );
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'DISCORD_CLIENT_ID',
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
      'LOG_LEVEL',
      'LOG_FORMAT',
      'COOLDOWN_QUESTIONS',
      'COOLDOWN_SECONDS',
      'METRICS_PORT',
      'METRICS_HOST',
      'QUESTION_LOG',
      'QUESTION_LOG_DAYS',
      'QUESTION_LOG_DMS',
    ]);
  });

  it('names a token of the wrong shape, and the usual mix-ups, without repeating it', () => {
    const secret = 'hQ3bV9xZ2kL7mN4pR8sT1wY6cF0gJ5dA'; // a client secret: 32 characters, no dots
    for (const [token, hint] of [
      [secret, /three parts separated by dots/],
      ['0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', /not the client secret/],
      [`Bot ${TOKEN}`, /remove the "Bot " prefix/],
      ['abc.def.ghi', /does not look like a bot token/],
    ] as const) {
      const problems = problemsOf(() => readConfig({ DISCORD_TOKEN: token, DISCORD_CLIENT_ID: 'x' }));
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^DISCORD_TOKEN: /);
      expect(problems[0]).toMatch(hint);
      expect(problems[1]).toMatch(/^DISCORD_CLIENT_ID: /);
      expect(problems.join('\n')).not.toContain(token.slice(4, 20));
    }
  });

  it('accepts a token pasted with surrounding spaces', () => {
    expect(readConfig({ DISCORD_TOKEN: ` ${TOKEN}\n` }).discordToken).toBe(TOKEN);
  });

  it('reads the cooldown, where 0 questions turns it off', () => {
    expect(readConfig({ COOLDOWN_QUESTIONS: '3', COOLDOWN_SECONDS: '10' }).cooldown).toEqual({
      questions: 3,
      windowMs: 10_000,
    });
    expect(readConfig({ COOLDOWN_QUESTIONS: '0' }).cooldown.questions).toBe(0);
  });

  it('reads the question log switches, in any case, and its retention within 1..3650 days', () => {
    expect(
      readConfig({ QUESTION_LOG: 'OFF', QUESTION_LOG_DAYS: '7', QUESTION_LOG_DMS: 'On' }).questionLog,
    ).toEqual({ enabled: false, days: 7, dms: true });
    expect(problemsOf(() => readConfig({ QUESTION_LOG_DAYS: '3651' }))).toEqual([
      'QUESTION_LOG_DAYS: must be at most 3650',
    ]);
    expect(problemsOf(() => readConfig({ QUESTION_LOG: 'no' }))).toEqual(['QUESTION_LOG: must be on or off']);
  });

  it('reads the knowledge folder and the log format', () => {
    const config = readConfig({ KNOWLEDGE_DIR: '/srv/knowledge', LOG_FORMAT: 'pretty' });
    expect(config).toMatchObject({ knowledgeDir: '/srv/knowledge', logFormat: 'pretty' });
  });
});

describe('readConfig: the metrics server', () => {
  it('is off without METRICS_PORT, even when METRICS_HOST is set', () => {
    expect(readConfig({ METRICS_HOST: '0.0.0.0' }).metrics).toBeUndefined();
  });

  it('listens on loopback unless METRICS_HOST says otherwise', () => {
    expect(readConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    for (const host of ['0.0.0.0', '::', '::1', '10.0.0.7', 'localhost', 'metrics.internal']) {
      expect(readConfig({ METRICS_PORT: ' 9464 ', METRICS_HOST: host }).metrics).toEqual({
        port: 9464,
        host,
      });
    }
  });

  it('names a port out of 1..65535 or not a number, and a host that is a URL or has a port', () => {
    const problems = (env: Record<string, string>) => problemsOf(() => readConfig(env));
    expect(problems({ METRICS_PORT: '0' })).toEqual(['METRICS_PORT: must be at least 1']);
    expect(problems({ METRICS_PORT: '65536' })).toEqual(['METRICS_PORT: must be at most 65535']);
    expect(problems({ METRICS_PORT: '-1' })).toEqual(['METRICS_PORT: must be a whole number']);
    for (const host of ['http://0.0.0.0', '127.0.0.1:9464', 'my host', '-bad-.example']) {
      expect(problems({ METRICS_PORT: '9464', METRICS_HOST: host })).toEqual([
        'METRICS_HOST: must be an IP address or a host name, such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
      ]);
    }
  });
});

describe('readConfig: SHARD_COUNT', () => {
  it('reads auto (any case) or a whole number of shards', () => {
    expect(readConfig({ SHARD_COUNT: 'auto' }).shardCount).toBe('auto');
    expect(readConfig({ SHARD_COUNT: ' AUTO ' }).shardCount).toBe('auto');
    expect(readConfig({ SHARD_COUNT: '2' }).shardCount).toBe(2);
    expect(readConfig({}).shardCount).toBeUndefined();
  });

  it('names the variable for anything else, and says what leaving it empty does', () => {
    for (const value of ['0', '-1', '1.5', 'two', '02', 'auto2']) {
      expect(problemsOf(() => readConfig({ SHARD_COUNT: value }))).toEqual([
        'SHARD_COUNT: must be auto (as many shards as Discord recommends) or a whole number of shards from 1, such as 2; leave it empty to run every shard in this one process',
      ]);
    }
  });
});

describe('readCurationConfig', () => {
  it('reads the data and knowledge folders, whatever is wrong with the Discord variables', () => {
    expect(
      readCurationConfig({
        DISCORD_TOKEN: 'Bot nonsense',
        LOG_LEVEL: 'loud',
        DATA_DIR: '/srv/bot',
        QUESTION_LOG: 'off',
      }),
    ).toEqual({
      dataDir: '/srv/bot',
      knowledgeDir: undefined,
      questionLog: { enabled: false, days: 30, dms: false },
    });
  });

  it('still names a bad variable it reads', () => {
    expect(problemsOf(() => readCurationConfig({ QUESTION_LOG_DAYS: 'a week' }))).toEqual([
      'QUESTION_LOG_DAYS: must be a whole number',
    ]);
  });
});

describe('requireDiscord', () => {
  it('names the token and the application id when deploying without them', () => {
    const problems = problemsOf(() => requireDiscord(readConfig({}), { clientId: true }));
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['DISCORD_TOKEN', 'DISCORD_CLIENT_ID']);
  });

  it('lets the bot run without the application id', () => {
    expect(requireDiscord(readConfig({ DISCORD_TOKEN: TOKEN }), { clientId: false }).discordToken).toBe(
      TOKEN,
    );
  });
});

describe('readTerminalConfig', () => {
  it('reads the knowledge and data folders, and ignores the Discord variables even when bad', () => {
    const env = {
      DISCORD_TOKEN: 'garbage',
      DISCORD_CLIENT_ID: 'my-app',
      LOG_LEVEL: 'loud',
      COOLDOWN_SECONDS: 'thirty',
      KNOWLEDGE_DIR: '/srv/knowledge',
      DATA_DIR: '/srv/data',
    };
    expect(readTerminalConfig(env)).toEqual({ knowledgeDir: '/srv/knowledge', dataDir: '/srv/data' });
    expect(problemsOf(() => readConfig(env)).map((problem) => problem.split(':')[0])).toEqual([
      'DISCORD_TOKEN',
      'DISCORD_CLIENT_ID',
      'LOG_LEVEL',
      'COOLDOWN_SECONDS',
    ]);
  });

  it('defaults as readConfig does', () => {
    expect(readTerminalConfig({ DATA_DIR: ' ' })).toEqual({ knowledgeDir: undefined, dataDir: 'data' });
  });
});

describe('readConfig: the HTTP interactions endpoint', () => {
  const KEY = 'a'.repeat(32) + 'B'.repeat(32);

  it('is off without INTERACTIONS_PORT, even with a public key', () => {
    expect(
      readConfig({ DISCORD_PUBLIC_KEY: KEY, INTERACTIONS_HOST: '0.0.0.0' }).interactions,
    ).toBeUndefined();
  });

  it('listens on loopback unless INTERACTIONS_HOST says otherwise, and needs no token', () => {
    expect(readConfig({ INTERACTIONS_PORT: '8443', DISCORD_PUBLIC_KEY: ` ${KEY} ` })).toMatchObject({
      discordToken: undefined,
      interactions: { port: 8443, host: '127.0.0.1', publicKey: KEY },
    });
    const everywhere = { INTERACTIONS_PORT: '8443', INTERACTIONS_HOST: '0.0.0.0', DISCORD_PUBLIC_KEY: KEY };
    expect(readConfig(everywhere).interactions?.host).toBe('0.0.0.0');
  });

  it('names DISCORD_PUBLIC_KEY when INTERACTIONS_PORT is set without it, with the other problems', () => {
    expect(problemsOf(() => readConfig({ INTERACTIONS_PORT: '8443', DISCORD_PUBLIC_KEY: ' ' }))).toEqual([
      'DISCORD_PUBLIC_KEY: required when INTERACTIONS_PORT is set, to check that requests come from Discord (the Public Key of the General Information tab)',
    ]);
    const problems = problemsOf(() => readConfig({ INTERACTIONS_PORT: '8443', METRICS_PORT: 'x' }));
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['METRICS_PORT', 'DISCORD_PUBLIC_KEY']);
  });

  it('names a public key that is not 64 hex characters, and a bad port or host', () => {
    for (const key of [
      'a'.repeat(63),
      'g'.repeat(64),
      `${KEY}00`,
      'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.x1Y2z3W4v5U6t7S8r9',
    ]) {
      expect(problemsOf(() => readConfig({ INTERACTIONS_PORT: '8443', DISCORD_PUBLIC_KEY: key }))).toEqual([
        'DISCORD_PUBLIC_KEY: must be the Public Key of the General Information tab of the developer portal: 64 hexadecimal characters',
      ]);
    }
    const problems = problemsOf(() =>
      readConfig({ INTERACTIONS_PORT: '70000', INTERACTIONS_HOST: 'http://x', DISCORD_PUBLIC_KEY: KEY }),
    );
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'INTERACTIONS_PORT',
      'INTERACTIONS_HOST',
    ]);
  });
});
