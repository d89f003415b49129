import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveEngine } from '../../src/discord/bot.js';
import type { ServedKnowledge } from '../../src/discord/handlers/context.js';
import { openServices } from '../../src/discord/services.js';
import { createLogger } from '../../src/log.js';
import { engine } from './harness.js';

const dataDirs: string[] = [];

afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The services over a knowledge whose served value the test swaps, as a reload does. */
function servicesOver(first: ServedKnowledge) {
  let served = first;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'services-'));
  dataDirs.push(dataDir);
  const services = openServices({
    knowledge: {
      current: () => served,
      reload: () => Promise.reject(new Error('no reload in this test')),
      onReload: () => () => {},
    },
    dataDir,
    logger: createLogger('silent'),
  });
  const swap = (next: ServedKnowledge) => {
    served = next;
  };
  return { services, swap };
}

describe('the context of an event', () => {
  it('is one frozen object while the same knowledge is served, and a new one after a reload', () => {
    const before = serveEngine(engine());
    const { services, swap } = servicesOver(before);
    const first = services.context(2000);
    expect(Object.isFrozen(first)).toBe(true);
    expect(services.context(2000)).toBe(first);
    expect(first.engine).toBe(before.engine);

    const after = serveEngine(engine());
    swap(after);
    const reloaded = services.context(2000);
    expect(reloaded).not.toBe(first);
    expect([reloaded.engine, reloaded.knowledge, reloaded.questions]).toEqual([
      after.engine,
      after.knowledge,
      after.questions,
    ]);
    // The context an event took before the reload still holds the old knowledge.
    expect(first.engine).toBe(before.engine);
  });

  it('carries the deferral delay it was asked with', () => {
    const { services } = servicesOver(serveEngine(engine()));
    expect(services.context(2000).deferAfterMs).toBe(2000);
    expect(services.context(50).deferAfterMs).toBe(50);
  });
});
