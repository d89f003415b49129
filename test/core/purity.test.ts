import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const coreDir = fileURLToPath(new URL('../../src/core/', import.meta.url));
const files = readdirSync(coreDir).filter((name) => name.endsWith('.ts'));

// The engine is pure: Discord, configuration and I/O live at the doors.
const FORBIDDEN = [
  { what: 'discord.js', pattern: /from\s+['"](?:discord\.js|@discordjs\/[^'"]+)['"]/ },
  { what: 'dotenv', pattern: /from\s+['"]dotenv(?:\/[^'"]*)?['"]/ },
  {
    what: 'Node I/O modules',
    pattern:
      /from\s+['"](?:node:)?(?:fs|fs\/promises|net|http|https|child_process|readline|dgram|tls|worker_threads)['"]/,
  },
  { what: 'process.env or process I/O', pattern: /\bprocess\.(?:env|stdin|stdout|stderr|exit|argv)\b/ },
  { what: 'dynamic import or require', pattern: /\bimport\s*\(|\brequire\s*\(/ },
  { what: 'console', pattern: /\bconsole\./ },
];

describe('src/core', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  for (const file of files) {
    it(`${file} imports no Discord, configuration or I/O`, () => {
      const source = readFileSync(path.join(coreDir, file), 'utf8');
      const found = FORBIDDEN.filter(({ pattern }) => pattern.test(source)).map(({ what }) => what);
      expect(found).toEqual([]);
    });
  }

  it('imports nothing from outside src/core except packages', () => {
    for (const file of files) {
      const source = readFileSync(path.join(coreDir, file), 'utf8');
      for (const [, specifier] of source.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        if (specifier?.startsWith('.'))
          expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/[^/]+$/);
      }
    }
  });
});
