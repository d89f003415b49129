import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KnowledgeBase } from '../../src/core/types.js';
import { KnowledgeHost, type ReloadTrigger } from '../../src/knowledge/host.js';
import { KnowledgeError, readKnowledge } from '../../src/knowledge/load.js';
import type { ValidationReport } from '../../src/knowledge/validate.js';
import { createLogger } from '../../src/log.js';
import { copyKnowledge, editRecords, FACTS, recordAt, removeCopies, withFact } from './copies.js';

afterEach(removeCopies);

/** A served value that is just the knowledge, built in a way the test can count. */
function setUp(dir: string, read?: (dir: string) => ValidationReport | Promise<ValidationReport>) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  const build = vi.fn((knowledge: KnowledgeBase) => ({ knowledge }));
  const open = () => KnowledgeHost.open({ dir, logger, build, ...(read ? { read } : {}) });
  return { lines, build, open };
}

/** A promise and the function that settles it, so a test decides when a read finishes. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('KnowledgeHost', () => {
  it('refuses to open a broken folder, naming every problem', async () => {
    const { root, id } = withFact((fact) => {
      delete fact.quote;
    });
    await expect(setUp(root).open()).rejects.toThrow(KnowledgeError);
    await expect(setUp(root).open()).rejects.toThrow(`(id "${id}", field "quote")`);
  });

  it('serves a valid edit after a reload, and says what changed', async () => {
    const root = copyKnowledge();
    const run = setUp(root);
    const host = await run.open();
    const before = host.current();
    let id = '';
    editRecords(root, FACTS, (records) => {
      id = recordAt(records, 2).id;
      (recordAt(records, 2).questions as { en: string[] }).en.push('A question added while running?');
    });

    const result = await host.reload('command');

    expect(result).toMatchObject({
      ok: true,
      articles: 1,
      facts: before.knowledge.facts.length,
      diff: { facts: { added: [], removed: [], changed: [id] } },
    });
    expect(host.current()).not.toBe(before);
    expect(host.current().knowledge.facts.find((fact) => fact.id === id)?.questions.en).toContain(
      'A question added while running?',
    );
    expect(run.lines.at(-1)).toMatchObject({
      level: 30,
      msg: 'knowledge reloaded',
      trigger: 'command',
      facts: before.knowledge.facts.length,
      diff: { facts: { changed: [id] }, articles: { added: [] } },
    });
  });

  it('keeps serving what it had after a broken edit, and logs every error with file, id and field', async () => {
    const root = copyKnowledge();
    const run = setUp(root);
    const host = await run.open();
    const before = host.current();
    let ids: string[] = [];
    editRecords(root, FACTS, (records) => {
      ids = [recordAt(records, 0).id, recordAt(records, 3).id];
      delete recordAt(records, 0).answer;
      recordAt(records, 3).quote = 'words the article never says';
    });

    const result = await host.reload('watch');

    expect(result.ok).toBe(false);
    expect(host.current()).toBe(before);
    expect(run.build).toHaveBeenCalledTimes(1);
    const line = run.lines.at(-1);
    expect(line).toMatchObject({ level: 50, trigger: 'watch', msg: expect.stringContaining('2 error(s)') });
    expect(line?.errors).toEqual([
      expect.objectContaining({
        file: 'knowledge/microsoft-japan-ai/facts.yaml',
        id: ids[0],
        field: 'answer',
      }),
      expect.objectContaining({
        file: 'knowledge/microsoft-japan-ai/facts.yaml',
        id: ids[1],
        field: 'quote',
      }),
    ]);
    expect(result).toEqual({ ok: false, errors: line?.errors });
  });

  it('keeps serving what it had when building fails', async () => {
    const root = copyKnowledge();
    const run = setUp(root);
    const host = await run.open();
    const before = host.current();
    run.build.mockImplementationOnce(() => {
      throw new RangeError('out of memory, say');
    });
    const result = await host.reload('signal');
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('out of memory') }],
    });
    expect(host.current()).toBe(before);
    expect(run.lines.at(-1)).toMatchObject({ level: 50, err: { name: 'RangeError' } });
  });

  it('tells each listener of every reload with what it serves after it, until it stops listening', async () => {
    const root = copyKnowledge();
    const run = setUp(root);
    const host = await run.open();
    const before = host.current();
    const heard: Array<[boolean, unknown]> = [];
    const stop = host.onReload((result, served) => heard.push([result.ok, served]));
    host.onReload(() => {
      throw new Error('a listener that fails');
    });

    await host.reload('command');
    const after = host.current();
    editRecords(root, FACTS, (records) => {
      delete recordAt(records, 0).answer;
    });
    await host.reload('watch');
    stop();
    await host.reload('signal');

    expect(after).not.toBe(before);
    expect(heard).toEqual([
      [true, after],
      [false, after],
    ]);
    expect(run.lines.filter((line) => line.msg === 'a knowledge reload listener failed')).toHaveLength(3);
  });

  it('swaps only once the new knowledge is read, checked and built', async () => {
    const root = copyKnowledge();
    const reads: Array<ReturnType<typeof deferred<ValidationReport>>> = [];
    const run = setUp(root, () => {
      reads.push(deferred());
      return reads.at(-1)?.promise ?? readKnowledge(root);
    });
    const opening = run.open();
    reads[0]?.resolve(readKnowledge(root));
    const host = await opening;
    const before = host.current();

    const reloading = host.reload('command');
    expect(host.current()).toBe(before);
    reads[1]?.resolve(readKnowledge(root));
    await vi.waitFor(() => expect(run.build).toHaveBeenCalledTimes(2));
    expect(host.current()).not.toBe(before);
    expect(host.current()).toBe(run.build.mock.results[1]?.value);
    await expect(reloading).resolves.toMatchObject({ ok: true });
  });

  it('runs one reload at a time, and one more after it for every request made meanwhile', async () => {
    const root = copyKnowledge();
    const reads: Array<ReturnType<typeof deferred<ValidationReport>>> = [];
    let reading = 0;
    let mostAtOnce = 0;
    const run = setUp(root, async () => {
      reading += 1;
      mostAtOnce = Math.max(mostAtOnce, reading);
      const read = deferred<ValidationReport>();
      reads.push(read);
      const report = await read.promise;
      reading -= 1;
      return report;
    });
    const opening = run.open();
    reads[0]?.resolve(readKnowledge(root));
    const host = await opening;

    const triggers: ReloadTrigger[] = ['watch', 'signal', 'command', 'watch'];
    const results = triggers.map((trigger) => host.reload(trigger));
    await vi.waitFor(() => expect(reads).toHaveLength(2));
    reads[1]?.resolve(readKnowledge(root));
    await vi.waitFor(() => expect(reads).toHaveLength(3));
    reads[2]?.resolve(readKnowledge(root));
    const settled = await Promise.all(results);

    expect(reads).toHaveLength(3); // the opening read, the first reload, one reload for the three after it
    expect(mostAtOnce).toBe(1);
    expect(settled.every((result) => result.ok)).toBe(true);
    expect(settled[2]).toBe(settled[1]);
    expect(settled[3]).toBe(settled[1]);
    expect(run.lines.map((line) => line.trigger)).toEqual(['watch', 'signal']);

    // Once idle, a request runs at once again.
    const later = host.reload('command');
    await vi.waitFor(() => expect(reads).toHaveLength(4));
    reads[3]?.resolve(readKnowledge(root));
    await expect(later).resolves.toMatchObject({ ok: true });
  });
});
