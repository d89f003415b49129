import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig, requireDiscord } from '../src/config.js';

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
      dataDir: 'data',
    });
  });

  it('treats blank variables, as copied from .env.example, as unset', () => {
    const config = readConfig({
      DISCORD_TOKEN: ' ',
      DISCORD_GUILD_ID: '',
      DISCORD_API_URL: '',
      LOG_LEVEL: '',
      DATA_DIR: ' ',
    });
    expect(config).toMatchObject({
      discordToken: undefined,
      discordGuildId: undefined,
      discordApiUrl: undefined,
      logLevel: 'info',
      dataDir: 'data',
    });
  });

  it('reads the Discord variables and drops a trailing slash from the API URL', () => {
    const config = readConfig({
      DISCORD_TOKEN: 'abc.def.ghi',
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
      }),
    );
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'DISCORD_CLIENT_ID',
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
      'LOG_LEVEL',
    ]);
  });
});

describe('requireDiscord', () => {
  it('names the token and the application id when deploying without them', () => {
    const problems = problemsOf(() => requireDiscord(readConfig({}), { clientId: true }));
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['DISCORD_TOKEN', 'DISCORD_CLIENT_ID']);
  });

  it('lets the bot run without the application id', () => {
    expect(requireDiscord(readConfig({ DISCORD_TOKEN: 't' }), { clientId: false }).discordToken).toBe('t');
  });
});
