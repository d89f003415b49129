/**
 * Answers take turns: they start one after another, first come first served, and a turn of the
 * event loop starts answers only until `TURN_BUDGET_MS` of their work has passed, so that
 * between two turns Node sends the replies already made and fires the timers that are due.
 *
 * Without it, a burst that arrives in one read of the gateway socket is answered whole before
 * any reply leaves: 500 questions at once all got their replies together, 2.5 s later, and most
 * after Discord's 3 s; a deferral timer could not fire either, the loop being busy. Taking turns,
 * the first replies leave after a couple of milliseconds of work, and a member whose question
 * waits its turn past the deferral delay sees "is thinking…" in time (`respond.ts`).
 *
 * A turn holds as many answers as fit in the budget, not one: a remembered answer's work is
 * tens of microseconds, and a turn of the loop for each (an immediate, a poll of every socket)
 * cost the bot more than the answer under a closed loop of 32 members. A new question's answer
 * (about 0.7 ms) still leaves the loop every two or three.
 */
const TURN_BUDGET_MS = 2;

const waiting: Array<() => void> = [];
let running = false;
/** When the current turn started its first answer (`performance.now()`). */
let turnStart = 0;

function startTurn(): void {
  turnStart = performance.now();
  startOne();
}

/**
 * Starts the first waiting answer. Its work runs in the microtask its caller's `await` resumes
 * in, which comes before the one queued here: `afterOne` sees the time it took.
 */
function startOne(): void {
  const next = waiting.shift();
  if (next === undefined) {
    running = false;
    return;
  }
  next();
  queueMicrotask(afterOne);
}

function afterOne(): void {
  if (waiting.length === 0) running = false;
  else if (performance.now() - turnStart < TURN_BUDGET_MS) startOne();
  // Scheduled from an immediate, the next turn runs on the loop's next turn, after its I/O.
  else setImmediate(startTurn);
}

/** Resolves when it is the caller's turn: after every earlier caller's, within a turn's budget. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (running) return;
    running = true;
    setImmediate(startTurn);
  });
}
