import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SHUTDOWN_GRACE_MS } from '../src/lifecycle.js';
import { type FakeDiscord, startFakeDiscord } from './discord/fakeDiscord.js';
import { TOKEN } from './discord/harness.js';
import { FAKE_APP_ID, FAKE_BOT } from './discord/payloads.js';

// Docker is not available where these tests run, so the image itself is never built here. What
// can be checked without it is: the Dockerfile's CMD, started from a folder holding only what
// the image copies, serves Discord and stops on SIGTERM; its HEALTHCHECK command tells healthy
// from not; and compose.yaml agrees with the Dockerfile.

interface Stage {
  /** Sources copied from the build context. */
  readonly copied: string[];
  /** Copied from an earlier stage: `--from=build /app/dist ./dist`. */
  readonly fromStages: Array<{ stage: string; source: string; target: string }>;
  readonly run: string[];
}

interface Dockerfile {
  readonly env: Record<string, string>;
  /** The build stage, then the image's. */
  readonly build: Stage;
  readonly image: Stage;
  readonly exposed: string[];
  readonly cmd: string[];
  readonly healthcheck: string[];
}

/** The instructions this test needs, from the Dockerfile's own text (line continuations joined). */
function readDockerfile(): Dockerfile {
  const lines = readFileSync('Dockerfile', 'utf8')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const args = (instruction: string, of = lines) =>
    of
      .filter((line) => line.startsWith(`${instruction} `))
      .map((line) => line.slice(instruction.length + 1).trim());
  const stage = (of: string[]): Stage => {
    const copies = args('COPY', of).map((copy) => copy.split(/\s+/));
    return {
      copied: copies.filter(([first]) => !first?.startsWith('--')).flatMap((copy) => copy.slice(0, -1)),
      fromStages: copies
        .filter(([first]) => first?.startsWith('--from='))
        .map(([from = '', source = '', target = '']) => ({ stage: from.slice(7), source, target })),
      run: args('RUN', of),
    };
  };
  const froms = lines.flatMap((line, i) => (line.startsWith('FROM ') ? [i] : []));
  const [build = [], image = []] = froms.map((start, i) => lines.slice(start, froms[i + 1]));
  const healthcheck = args('HEALTHCHECK')[0] ?? '';
  return {
    env: Object.fromEntries(
      args('ENV').flatMap((pairs) => pairs.split(/\s+/).map((pair) => pair.split('=', 2))),
    ),
    build: stage(build),
    image: stage(image),
    exposed: args('EXPOSE').flatMap((ports) => ports.split(/\s+/)),
    cmd: JSON.parse(args('CMD')[0] ?? '[]'),
    healthcheck: JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD ') + 4)),
  };
}

const dockerfile = readDockerfile();

/** A port nothing listens on, on loopback. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

function run(command: string[], options: { cwd?: string; env: Record<string, string> }) {
  const [file = '', ...args] = command;
  const child = spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  return Object.assign(child, { output: () => output });
}

async function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = await once(child, 'exit');
  return code as number | null;
}

/** The HEALTHCHECK command's exit code, as Docker would get it inside the container. */
async function healthcheck(port: number): Promise<number | null> {
  return exitCode(
    run(dockerfile.healthcheck, { env: { PATH: process.env.PATH ?? '', METRICS_PORT: String(port) } }),
  );
}

let fake: FakeDiscord;
let image: string;
let buildStage: string;
const children: ChildProcess[] = [];

/** A stage's folder: the files it copies from the context, with the dependencies beside them. */
function stageFolder(prefix: string, stage: Stage): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  for (const source of stage.copied) cpSync(source, path.join(folder, source), { recursive: true });
  symlinkSync(path.resolve('node_modules'), path.join(folder, 'node_modules'));
  return folder;
}

beforeAll(async () => {
  fake = await startFakeDiscord({ applicationId: FAKE_APP_ID, botUser: FAKE_BOT });
  // The build stage's RUNs but `npm ci` (the dependencies are linked), in a folder of its own.
  buildStage = stageFolder('image-build-', dockerfile.build);
  for (const command of dockerfile.build.run.filter((run) => !run.startsWith('npm ci'))) {
    execFileSync('sh', ['-c', command], { cwd: buildStage, stdio: 'pipe' });
  }
  // /app as the image has it: the copied files only, and what it takes from the build stage.
  image = stageFolder('image-app-', dockerfile.image);
  for (const { source, target } of dockerfile.image.fromStages) {
    cpSync(source.replace(/^\/app(?=\/|$)/, buildStage), path.join(image, target), { recursive: true });
  }
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await fake?.close();
  rmSync(image, { recursive: true, force: true });
  rmSync(buildStage, { recursive: true, force: true });
});

describe('the Dockerfile', { timeout: 40_000 }, () => {
  it('builds dist/ apart, copies what the bot reads, and .dockerignore lets in exactly that', () => {
    expect(dockerfile.build.copied).toEqual([
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'scripts/build.mjs',
      'src',
    ]);
    expect(dockerfile.image.copied).toEqual(['package.json', 'package-lock.json', 'knowledge']);
    expect(dockerfile.image.fromStages).toEqual([{ stage: 'build', source: '/app/dist', target: './dist' }]);
    // TypeScript, a dev dependency, stays in the build stage.
    expect(dockerfile.image.run.filter((run) => run.includes('npm '))).toEqual([
      expect.stringMatching(/^npm ci --omit=dev /),
    ]);
    // The compiled bot, with the node flags `npm start` gives it.
    expect(dockerfile.cmd.at(-1)).toBe('dist/main.js');
    const start: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start;
    expect(start.endsWith(`&& ${dockerfile.cmd.join(' ')}`)).toBe(true);
    const ignore = readFileSync('.dockerignore', 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    const copied = new Set([...dockerfile.build.copied, ...dockerfile.image.copied]);
    expect(ignore).toEqual(['*', ...[...copied].map((source) => `!${source}`)]);
  });

  it('runs its CMD from the image’s files: healthy once connected, stopped by SIGTERM in the grace period', async () => {
    const port = await freePort();
    expect(await healthcheck(port)).toBe(1); // Nothing listens yet.
    const appPaths = (value: string) => value.replace(/^\/app(?=\/|$)/, image);
    const env = Object.fromEntries(
      Object.entries(dockerfile.env).map(([key, value]) => [key, appPaths(value)]),
    );
    const bot = run(dockerfile.cmd, {
      cwd: image,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...env,
        // Tests listen on loopback only; the image's 0.0.0.0 is for a published port.
        METRICS_HOST: '127.0.0.1',
        METRICS_PORT: String(port),
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: fake.apiUrl,
      },
    });
    children.push(bot);
    // Polled with fetch, which costs less than starting a node process each time.
    const healthz = () =>
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (response) => response.status,
        () => 0,
      );
    await expect
      .poll(healthz, { timeout: 25_000, interval: 250 })
      .toBe(200)
      .catch((error: unknown) => {
        throw new Error(`${error}\n--- the bot said:\n${bot.output()}`);
      });
    expect(await healthcheck(port)).toBe(0);
    const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', gateway: { status: 'ready' }, knowledge: { articles: 1 } });
    expect(bot.output()).toContain(`"url":"http://127.0.0.1:${port}"`);

    // `docker stop`: SIGTERM to the process itself, SIGKILL 10 s later.
    const stopped = performance.now();
    bot.kill('SIGTERM');
    expect(await exitCode(bot)).toBe(0);
    expect(performance.now() - stopped).toBeLessThan(SHUTDOWN_GRACE_MS);
    expect(bot.output()).toContain('disconnected from Discord');
    expect(await healthcheck(port)).toBe(1);
  });
});

describe('compose.yaml', () => {
  // biome-ignore lint/suspicious/noExplicitAny: a parsed YAML document, read freely
  const bot: any = parse(readFileSync('compose.yaml', 'utf8')).services.bot;

  it('reads .env, restarts unless stopped, and publishes the metrics port on the host’s loopback only', () => {
    expect(bot.env_file).toBe('.env');
    expect(bot.restart).toBe('unless-stopped');
    const port = bot.environment.METRICS_PORT;
    expect([port, ...dockerfile.exposed]).toEqual([dockerfile.env.METRICS_PORT, dockerfile.env.METRICS_PORT]);
    expect(bot.ports).toEqual([`127.0.0.1:${port}:${port}`]);
    expect(bot.environment.METRICS_HOST).toBe('0.0.0.0');
  });

  it('keeps DATA_DIR in a volume and mounts the knowledge folder at KNOWLEDGE_DIR', () => {
    expect(bot.environment.DATA_DIR).toBe(dockerfile.env.DATA_DIR);
    expect(bot.environment.KNOWLEDGE_DIR).toBe(dockerfile.env.KNOWLEDGE_DIR);
    expect(bot.volumes).toEqual([
      `bot-data:${dockerfile.env.DATA_DIR}`,
      `./knowledge:${dockerfile.env.KNOWLEDGE_DIR}:ro`,
    ]);
    expect(existsSync('knowledge')).toBe(true);
  });
});
