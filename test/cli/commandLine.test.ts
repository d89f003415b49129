import { describe, expect, it } from 'vitest';
import { runScript } from './runScript.js';

// Every command-line entry, with a flag it takes (to check a known flag still parses).
const ENTRIES = [
  { script: 'src/cli/ask.ts', name: 'ask', typo: '--jsn', usage: 'usage: npm run ask' },
  { script: 'src/knowledge/kb.ts', name: 'kb', typo: '--strcit', usage: 'usage: npm run kb' },
  { script: 'scripts/fuzz.ts', name: 'fuzz', typo: '--rnus', usage: 'usage: npm run fuzz' },
  { script: 'bench/bench.ts', name: 'bench', typo: '--quick', usage: 'usage: npm run bench' },
  { script: 'bench/tune.ts', name: 'tune', typo: '--grid', usage: 'usage: npx tsx bench/tune.ts' },
] as const;

describe('an unknown flag', () => {
  it.each(ENTRIES)(
    'is rejected by $name with its usage and exit code 2, not read as a question or crashing',
    ({ script, name, typo, usage }) => {
      const { status, stdout, stderr } = runScript(script, [typo, 'Qui est Brad Smith ?']);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`${name}: Unknown option '${typo}'.\n${stderr.slice(stderr.indexOf('usage'))}`);
      expect(stderr).toContain(usage);
      expect(stderr).not.toMatch(/^\s+at /m);
    },
  );

  it('is rejected among known ones, and a flag missing its value is named', () => {
    const ask = runScript('src/cli/ask.ts', ['--json', '--explian', 'Who is Brad Smith?']);
    expect(ask.status).toBe(2);
    expect(ask.stderr).toMatch(/^ask: Unknown option '--explian'\.\nusage: npm run ask/);
    const fuzz = runScript('scripts/fuzz.ts', ['--runs']);
    expect(fuzz.status).toBe(2);
    expect(fuzz.stderr).toMatch(/^fuzz: Option '--runs <value>' argument missing\.\nusage: npm run fuzz/);
  });
});

describe('--help', () => {
  it.each(ENTRIES)('prints the usage of $name on stdout and exits 0', ({ script, usage }) => {
    const { status, stdout, stderr } = runScript(script, ['--help']);
    expect(status, stderr).toBe(0);
    expect(stdout).toContain(usage);
  });
});
