/**
 * Answers take turns: one starts per turn of the event loop, first come first served, so that
 * between two of them Node sends the replies already made and fires the timers that are due.
 *
 * Without it, a burst that arrives in one read of the gateway socket is answered whole before
 * any reply leaves: 500 questions at once all got their replies together, 2.5 s later, and most
 * after Discord's 3 s; a deferral timer could not fire either, the loop being busy. Taking turns,
 * the first reply leaves after one answer's work, and a member whose question waits its turn past
 * the deferral delay sees "is thinking…" in time (`respond.ts`). The cost: one `setImmediate`
 * (microseconds) an answer.
 */
const waiting: Array<() => void> = [];
let running = false;

function startNext(): void {
  waiting.shift()?.();
  // Scheduled from an immediate, the next one runs on the loop's next turn, after its I/O.
  if (waiting.length > 0) setImmediate(startNext);
  else running = false;
}

/** Resolves when it is the caller's turn: its own turn of the event loop, after every earlier caller's. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (running) return;
    running = true;
    setImmediate(startNext);
  });
}
