import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stemKeys } from '../../src/core/analyse.js';
import { readThesaurus, THESAURUS_FILES } from '../../src/knowledge/thesaurus.js';

describe('the shipped thesaurus', () => {
  const thesaurus = readThesaurus();

  it('reads both languages, built with the engine’s stems', () => {
    expect(thesaurus.size.fr).toBeGreaterThan(10_000);
    expect(thesaurus.size.en).toBeGreaterThan(10_000);
    expect(thesaurus.keysOf('blazes', 'en')).toEqual(
      expect.arrayContaining([...stemKeys('fire', undefined, 'en')]),
    );
    expect(thesaurus.keysOf('leftover', 'en')).toEqual(
      expect.arrayContaining([...stemKeys('left', undefined, 'en')]),
    );
    expect(thesaurus.keysOf('factures', 'fr')).toEqual(
      expect.arrayContaining([...stemKeys('note', undefined, 'fr')]),
    );
  });

  it('names a missing or malformed file and how to rebuild it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'thesaurus-'));
    const bad = path.join(dir, 'en.tsv');
    writeFileSync(bad, 'zebra\tx\napple\ty\n');
    expect(() => readThesaurus({ fr: THESAURUS_FILES.fr, en: bad })).toThrow(
      new RegExp(
        `The thesaurus ${bad} is malformed: .*line 2.*rebuild it as src/knowledge/thesaurus/README.md says`,
      ),
    );
    expect(() => readThesaurus({ fr: path.join(dir, 'none.tsv'), en: bad })).toThrow(
      /Cannot read the thesaurus .*none\.tsv \(ENOENT\)/,
    );
  });
});
