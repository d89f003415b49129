import { isIP } from 'node:net';
import { z } from 'zod';

/** How many questions one member may ask in a window, unless configured. */
export const DEFAULT_COOLDOWN = { questions: 5, windowMs: 30_000 } as const;

/** What the bot records of each question, unless configured: on, kept 30 days, DMs only counted. */
export const DEFAULT_QUESTION_LOG = { enabled: true, days: 30, dms: false } as const;

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

/**
 * A bot token is three dot-separated base64url parts (the bot's id, a timestamp, a signature).
 * The messages name the usual mix-ups; they never repeat the value, which may be a secret.
 */
const optionalToken = optionalText.pipe(
  z
    .string()
    .refine((token) => !/^bot\s/i.test(token), 'remove the "Bot " prefix: paste the token alone')
    .refine(
      (token) => /^bot\s/i.test(token) || /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/.test(token),
      'does not look like a bot token (three parts separated by dots). Copy it from the Bot tab of the developer portal, not the client secret or the public key',
    )
    .optional(),
);

/** A whole number in a range, from an env variable; blank means unset. */
const optionalWholeNumber = (min: number, max: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
      .optional(),
  );

/** A whole number in a range, from an env variable; blank means the default. */
const optionalInteger = (min: number, max: number, fallback: number) =>
  optionalWholeNumber(min, max).transform((value) => value ?? fallback);

const HOST_NAME = /^[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*$/i;

/** Where a server listens (metrics, interactions): loopback unless told, so nothing is exposed by accident. */
const listenHost = optionalText.pipe(
  z
    .string()
    .refine(
      (host) => isIP(host) !== 0 || HOST_NAME.test(host),
      'must be an IP address or a host name, such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
    )
    .default('127.0.0.1'),
);

/** A switch: `on` or `off` (any case); blank means the default. */
const optionalSwitch = (fallback: 'on' | 'off') =>
  optionalText
    .pipe(
      z
        .string()
        .toLowerCase()
        .pipe(z.enum(['on', 'off'], { error: 'must be on or off' }))
        .optional(),
    )
    .transform((value) => (value ?? fallback) === 'on');

/** How many shard processes the ShardingManager runs: `auto` (as Discord recommends) or a number. */
const optionalShardCount = optionalText.pipe(
  z
    .string()
    .toLowerCase()
    .refine(
      (value) => value === 'auto' || /^[1-9]\d{0,4}$/.test(value),
      'must be auto (as many shards as Discord recommends) or a whole number of shards from 1, such as 2; leave it empty to run every shard in this one process',
    )
    .transform((value) => (value === 'auto' ? ('auto' as const) : Number(value)))
    .optional(),
);

const EnvSchema = z.object({
  DISCORD_TOKEN: optionalToken,
  DISCORD_CLIENT_ID: optionalSnowflake,
  DISCORD_GUILD_ID: optionalSnowflake,
  DISCORD_API_URL: optionalUrl,
  LOG_LEVEL: optionalText.pipe(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  LOG_FORMAT: optionalText.pipe(z.enum(['json', 'pretty']).default('json')),
  DATA_DIR: optionalText.pipe(z.string().default('data')),
  KNOWLEDGE_DIR: optionalText,
  COOLDOWN_QUESTIONS: optionalInteger(0, 1000, DEFAULT_COOLDOWN.questions),
  COOLDOWN_SECONDS: optionalInteger(1, 3600, DEFAULT_COOLDOWN.windowMs / 1000),
  METRICS_PORT: optionalWholeNumber(1, 65535),
  METRICS_HOST: listenHost,
  INTERACTIONS_PORT: optionalWholeNumber(1, 65535),
  INTERACTIONS_HOST: listenHost,
  DISCORD_PUBLIC_KEY: optionalText.pipe(
    z
      .string()
      .regex(
        /^[0-9a-f]{64}$/i,
        'must be the Public Key of the General Information tab of the developer portal: 64 hexadecimal characters',
      )
      .optional(),
  ),
  QUESTION_LOG: optionalSwitch(DEFAULT_QUESTION_LOG.enabled ? 'on' : 'off'),
  QUESTION_LOG_DAYS: optionalInteger(1, 3650, DEFAULT_QUESTION_LOG.days),
  QUESTION_LOG_DMS: optionalSwitch(DEFAULT_QUESTION_LOG.dms ? 'on' : 'off'),
  SHARD_COUNT: optionalShardCount,
});
type Env = z.infer<typeof EnvSchema>;

/** What the terminal doors read: nothing of Discord, so a bad token cannot stop them. */
const TerminalEnvSchema = EnvSchema.pick({ DATA_DIR: true, KNOWLEDGE_DIR: true });

/** What `npm run kb -- report` reads: the terminal's variables and the question log's. */
const CurationEnvSchema = EnvSchema.pick({
  DATA_DIR: true,
  KNOWLEDGE_DIR: true,
  QUESTION_LOG: true,
  QUESTION_LOG_DAYS: true,
  QUESTION_LOG_DMS: true,
});

export type LogLevel = Env['LOG_LEVEL'];
export type LogFormat = Env['LOG_FORMAT'];

/** How many questions one member may ask in a window; `questions: 0` turns the limit off. */
export interface CooldownConfig {
  readonly questions: number;
  readonly windowMs: number;
}

/** What `npm run ask` and the chat need: where the knowledge is, where files are written. */
export interface TerminalConfig {
  readonly dataDir: string;
  /** A knowledge folder other than the repository's own. */
  readonly knowledgeDir: string | undefined;
}

/** Where `/healthz` and `/metrics` are served. */
export interface MetricsConfig {
  readonly port: number;
  readonly host: string;
}

/** Where Discord's HTTP interactions are served (`POST /interactions`), and the key they are checked with. */
export interface InteractionsConfig {
  readonly port: number;
  readonly host: string;
  /** The application's Ed25519 public key, 64 hex characters. */
  readonly publicKey: string;
}

/** What the bot records of each question in `<dataDir>/questions.jsonl`. */
export interface QuestionLogConfig {
  readonly enabled: boolean;
  /** Lines older than this many days are dropped, at start and once a day. */
  readonly days: number;
  /** Record the text of direct messages too; off, a DM is only counted. */
  readonly dms: boolean;
}

/** What `npm run kb -- report` needs: a bad Discord variable does not concern it. */
export interface CurationConfig extends TerminalConfig {
  readonly questionLog: QuestionLogConfig;
}

export interface Config extends CurationConfig {
  /** Absent: the terminal doors run instead of Discord. */
  readonly discordToken: string | undefined;
  /** The application id; the bot can run without it, deploying commands cannot. */
  readonly discordClientId: string | undefined;
  /** Commands are deployed to this guild only (instant, for development); else globally. */
  readonly discordGuildId: string | undefined;
  /** REST base (`…/api`) for `@discordjs/proxy` or a local fake; the gateway URL comes from it. */
  readonly discordApiUrl: string | undefined;
  readonly logLevel: LogLevel;
  /** JSON lines (for log collectors) or coloured lines for a person at a terminal. */
  readonly logFormat: LogFormat;
  readonly cooldown: CooldownConfig;
  /** Absent (no `METRICS_PORT`): no health or metrics server. */
  readonly metrics: MetricsConfig | undefined;
  /** Absent (no `INTERACTIONS_PORT`): interactions come over the gateway only. */
  readonly interactions: InteractionsConfig | undefined;
  /** Set: one process per shard under discord.js's ShardingManager; absent: every shard in this one. */
  readonly shardCount: 'auto' | number | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nSee .env.example.`,
    );
    this.name = 'ConfigError';
  }
}

/** Parses `env` with `schema`, or throws naming every bad variable at once, `also` included. */
function parseEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv, also: readonly string[] = []): T {
  const result = schema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (!result.success || also.length > 0) throw new ConfigError([...problems, ...also]);
  return result.data;
}

const isSet = (env: NodeJS.ProcessEnv, name: string) => (env[name] ?? '').trim() !== '';

/** Variables that make sense only together: the endpoint cannot check requests without the key. */
function missingCompanions(env: NodeJS.ProcessEnv): string[] {
  return isSet(env, 'INTERACTIONS_PORT') && !isSet(env, 'DISCORD_PUBLIC_KEY')
    ? [
        'DISCORD_PUBLIC_KEY: required when INTERACTIONS_PORT is set, to check that requests come from Discord (the Public Key of the General Information tab)',
      ]
    : [];
}

const terminalOf = (env: Pick<Env, 'DATA_DIR' | 'KNOWLEDGE_DIR'>): TerminalConfig => ({
  dataDir: env.DATA_DIR,
  knowledgeDir: env.KNOWLEDGE_DIR,
});

const curationOf = (env: z.infer<typeof CurationEnvSchema>): CurationConfig => ({
  ...terminalOf(env),
  questionLog: { enabled: env.QUESTION_LOG, days: env.QUESTION_LOG_DAYS, dms: env.QUESTION_LOG_DMS },
});

/** The variables the terminal doors use, and only those; every bad one is named at once. */
export function readTerminalConfig(env: NodeJS.ProcessEnv): TerminalConfig {
  return terminalOf(parseEnv(TerminalEnvSchema, env));
}

/** The variables `npm run kb -- report` uses, and only those; every bad one is named at once. */
export function readCurationConfig(env: NodeJS.ProcessEnv): CurationConfig {
  return curationOf(parseEnv(CurationEnvSchema, env));
}

/** The interactions endpoint, if `INTERACTIONS_PORT` asks for one (`missingCompanions` checked the key). */
function interactionsOf(data: Env): InteractionsConfig | undefined {
  if (data.INTERACTIONS_PORT === undefined || data.DISCORD_PUBLIC_KEY === undefined) return undefined;
  return { port: data.INTERACTIONS_PORT, host: data.INTERACTIONS_HOST, publicKey: data.DISCORD_PUBLIC_KEY };
}

/** Environment to typed configuration; every missing or bad variable is named at once. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const data = parseEnv(EnvSchema, env, missingCompanions(env));
  return {
    ...curationOf(data),
    discordToken: data.DISCORD_TOKEN,
    discordClientId: data.DISCORD_CLIENT_ID,
    discordGuildId: data.DISCORD_GUILD_ID,
    discordApiUrl: data.DISCORD_API_URL,
    logLevel: data.LOG_LEVEL,
    logFormat: data.LOG_FORMAT,
    cooldown: {
      questions: data.COOLDOWN_QUESTIONS,
      windowMs: data.COOLDOWN_SECONDS * 1000,
    },
    metrics:
      data.METRICS_PORT === undefined ? undefined : { port: data.METRICS_PORT, host: data.METRICS_HOST },
    interactions: interactionsOf(data),
    shardCount: data.SHARD_COUNT,
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
