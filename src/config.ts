import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A Discord id (snowflake): digits only. */
const optionalSnowflake = optionalText.pipe(
  z
    .string()
    .regex(/^\d{1,20}$/, 'must be a Discord id: digits only (copy it from the developer portal)')
    .optional(),
);

const optionalUrl = optionalText.pipe(
  z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
);

const EnvSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_CLIENT_ID: optionalSnowflake,
  DISCORD_GUILD_ID: optionalSnowflake,
  DISCORD_API_URL: optionalUrl,
  LOG_LEVEL: optionalText.pipe(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  DATA_DIR: optionalText.pipe(z.string().default('data')),
});

export type LogLevel = z.infer<typeof EnvSchema>['LOG_LEVEL'];

export interface Config {
  /** Absent: the terminal doors run instead of Discord. */
  readonly discordToken: string | undefined;
  /** The application id; the bot can run without it, deploying commands cannot. */
  readonly discordClientId: string | undefined;
  /** Commands are deployed to this guild only (instant, for development); else globally. */
  readonly discordGuildId: string | undefined;
  /** REST base (`…/api`) for `@discordjs/proxy` or a local fake; the gateway URL comes from it. */
  readonly discordApiUrl: string | undefined;
  readonly logLevel: LogLevel;
  readonly dataDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nSee .env.example.`,
    );
    this.name = 'ConfigError';
  }
}

/** Environment to typed configuration; every missing or bad variable is named at once. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return {
    discordToken: result.data.DISCORD_TOKEN,
    discordClientId: result.data.DISCORD_CLIENT_ID,
    discordGuildId: result.data.DISCORD_GUILD_ID,
    discordApiUrl: result.data.DISCORD_API_URL,
    logLevel: result.data.LOG_LEVEL,
    dataDir: result.data.DATA_DIR,
  };
}

/** The configuration for talking to Discord, or every variable that is missing for it. */
export function requireDiscord(
  config: Config,
  needs: { clientId: boolean },
): Config & { discordToken: string; discordClientId: string | undefined } {
  const missing = [
    config.discordToken ? null : 'DISCORD_TOKEN: required (the bot token, from the Bot tab of the portal)',
    needs.clientId && !config.discordClientId
      ? 'DISCORD_CLIENT_ID: required (the application id, from the General Information tab)'
      : null,
  ].filter((problem) => problem !== null);
  if (missing.length > 0 || !config.discordToken) throw new ConfigError(missing);
  return { ...config, discordToken: config.discordToken };
}
