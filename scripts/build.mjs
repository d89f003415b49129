// Builds dist/, what production runs (`npm start` runs dist/main.js with plain node, not tsx):
// each file of src/ compiled by TypeScript on its own (as tsx did; `npm run typecheck` checks
// the types), the data files src/ holds beside the code, and the typo-correction word lists
// packed (src/knowledge/lexicon.ts). Plain JavaScript, so that it runs before anything is built.
//
// Usage: node scripts/build.mjs [--if-stale]
//   --if-stale  build only when the sources differ from those dist/ was built from (a hash of
//               their contents, kept in dist/), which is what `npm start` does first.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');
/** Built aside, then renamed into place: a start never sees half a dist/. */
const STAGING = path.join(ROOT, 'dist.tmp');
/** Held while building, so that two starts at once (tests, a service and a shell) build once. */
const LOCK = path.join(ROOT, 'dist.lock');
const LOCK_WAIT_MS = 180_000;
/** In dist/: the hash of the sources it was built from. */
const STAMP = '.sources';
/** What dist/ is built from: a change to any of them rebuilds it. */
const INPUTS = ['src', 'tsconfig.json', 'package-lock.json', 'scripts/build.mjs'];

/** Every file under `dir` (or `dir` itself, a file), sorted, relative to ROOT. */
function filesOf(dir) {
  const at = path.join(ROOT, dir);
  if (!existsSync(at)) return [];
  if (!statSync(at).isDirectory()) return [dir];
  return readdirSync(at)
    .sort()
    .flatMap((name) => filesOf(path.join(dir, name)));
}

function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesOf))
    hash.update(`${file}\0`).update(readFileSync(path.join(ROOT, file)));
  return hash.digest('hex');
}

function builtFrom() {
  try {
    return readFileSync(path.join(DIST, STAMP), 'utf8');
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Runs `build` holding dist.lock; a lock left by a build that died is taken over. */
async function withLock(build) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(LOCK, { encoding: 'utf8', flag: 'a+' }));
    if (holder && !alive(holder)) rmSync(LOCK, { force: true });
    else if (Date.now() > deadline) {
      throw new Error(`${LOCK}: another build (process ${holder}) still holds it; remove it if none runs.`);
    } else await sleep(200);
  }
  try {
    return await build();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

async function typescript() {
  try {
    return (await import('typescript')).default;
  } catch {
    throw new Error(
      'dist/ is missing or older than src/, and TypeScript, which builds it, is not installed ' +
        '(`npm install --omit=dev` leaves it out). Run `npm install`, then start again.',
    );
  }
}

/** Each .ts file of src/ to a .js file of `to`, with tsconfig.json's target; types are erased, not checked. */
async function compile(to) {
  const ts = await typescript();
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const { options } = ts.convertCompilerOptionsFromJson(config.config.compilerOptions, ROOT);
  // One file at a time cannot tell NodeNext's module format (nor needs to resolve anything): the
  // package is ESM, say so.
  const compilerOptions = {
    ...options,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: false,
    sourceMap: false,
  };
  for (const file of filesOf('src')) {
    if (!file.endsWith('.ts')) continue;
    const { outputText, diagnostics = [] } = ts.transpileModule(readFileSync(path.join(ROOT, file), 'utf8'), {
      compilerOptions,
      fileName: file,
      reportDiagnostics: true,
    });
    if (diagnostics.length > 0) {
      const [first] = diagnostics;
      throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(first.messageText, '\n')}`);
    }
    const target = path.join(to, path.relative('src', file)).replace(/\.ts$/, '.js');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
}

/** Copies the files of src/ that are not code (the FreeDict list and its licence) beside the compiled code. */
function copyData(from, to) {
  for (const file of filesOf(from)) {
    if (file.endsWith('.ts')) continue;
    const target = path.join(to, path.relative(from, file));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(ROOT, file), target);
  }
}

async function build(hash) {
  rmSync(STAGING, { recursive: true, force: true });
  await compile(STAGING);
  copyData('src', STAGING);
  const lexicon = await import(pathToFileURL(path.join(STAGING, 'knowledge', 'lexicon.js')).href);
  lexicon.writePackedLexicon();
  writeFileSync(path.join(STAGING, STAMP), hash);
  rmSync(DIST, { recursive: true, force: true });
  renameSync(STAGING, DIST);
}

const ifStale = process.argv.includes('--if-stale');
try {
  const hash = sourcesHash();
  if (!ifStale || builtFrom() !== hash) {
    await withLock(async () => {
      if (ifStale && builtFrom() === hash) return; // Another start built it while this one waited.
      process.stderr.write('Building dist/ from src/ (changed since the last build)…\n');
      await build(hash);
    });
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
