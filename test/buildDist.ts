import { execFileSync } from 'node:child_process';

/**
 * The process tests run `npm start`, which builds dist/ first when src/ changed: built once here,
 * before them, rather than inside one test's time limit.
 */
export default function buildDist(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
}
