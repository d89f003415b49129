import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectOnceSettled, handleProcessEvents, SHUTDOWN_GRACE_MS } from '../src/lifecycle.js';
import { createLogger } from '../src/log.js';

function setUp(stop: () => Promise<void>, reload?: () => void) {
  const events = new EventEmitter();
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  const exits: number[] = [];
  handleProcessEvents({
    logger,
    stop,
    exit: (code) => exits.push(code),
    events,
    ...(reload ? { reload } : {}),
  });
  return { events, lines, exits, messages: () => lines.map((line) => line.msg) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('handleProcessEvents', () => {
  it('on SIGTERM or SIGINT disconnects, logs it and exits 0', async () => {
    for (const signal of ['SIGTERM', 'SIGINT']) {
      const stop = vi.fn(async () => {});
      const run = setUp(stop);
      run.events.emit(signal);
      await vi.waitFor(() => expect(run.exits).toEqual([0]));
      expect(stop).toHaveBeenCalledTimes(1);
      expect(run.messages()).toEqual(['shutting down', 'disconnected from Discord']);
    }
  });

  it('exits 0 after the grace period when disconnecting hangs', async () => {
    vi.useFakeTimers();
    const run = setUp(() => new Promise(() => {}));
    run.events.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(SHUTDOWN_GRACE_MS - 1);
    expect(run.exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(run.exits).toEqual([0]);
    expect(run.messages()).toContain('the client did not close in time: leaving anyway');
  });

  it('exits 0 once even if disconnecting fails', async () => {
    const run = setUp(async () => {
      throw new Error('socket already closed');
    });
    run.events.emit('SIGINT');
    await vi.waitFor(() => expect(run.exits).toEqual([0]));
    expect(run.messages()).toContain('the client did not close cleanly');
  });

  it('logs an unhandled rejection and keeps running', () => {
    const stop = vi.fn(async () => {});
    const run = setUp(stop);
    run.events.emit('unhandledRejection', new Error('nobody awaited me'));
    expect(run.lines).toMatchObject([
      { level: 50, msg: 'unhandled promise rejection', err: { message: 'nobody awaited me' } },
    ]);
    expect(stop).not.toHaveBeenCalled();
    expect(run.exits).toEqual([]);
  });

  it('on an uncaught exception logs it, disconnects and exits 1', async () => {
    const stop = vi.fn(async () => {});
    const run = setUp(stop);
    run.events.emit('uncaughtException', new TypeError('x is undefined'));
    await vi.waitFor(() => expect(run.exits).toEqual([1]));
    expect(run.lines[0]).toMatchObject({ level: 60, err: { name: 'TypeError', message: 'x is undefined' } });
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('on SIGHUP reloads the knowledge, every time, and keeps running', async () => {
    const stop = vi.fn(async () => {});
    const reload = vi.fn();
    const run = setUp(stop, reload);
    run.events.emit('SIGHUP');
    run.events.emit('SIGHUP');
    expect(reload).toHaveBeenCalledTimes(2);
    expect(run.messages()).toEqual(['reloading the knowledge', 'reloading the knowledge']);
    expect(stop).not.toHaveBeenCalled();
    expect(run.exits).toEqual([]);
  });

  it('leaves SIGHUP alone when there is nothing to reload', () => {
    const run = setUp(async () => {});
    expect(run.events.listenerCount('SIGHUP')).toBe(0);
  });
});

describe('collectOnceSettled', () => {
  it('runs the collection once, after the delay, on a timer that keeps no process alive', () => {
    vi.useFakeTimers();
    const collect = vi.fn();
    collectOnceSettled(collect, 1000);
    vi.advanceTimersByTime(999);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(collect).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing when node runs without --expose-gc', () => {
    vi.useFakeTimers();
    collectOnceSettled(undefined, 1000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
