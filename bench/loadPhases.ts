// The load script's three ways of sending `/ask` (bench/load.ts): a burst dispatched at once, a
// closed loop of virtual users (each asks again when its answer arrives) and an open loop at a
// fixed rate. Every interaction comes from a member of its own, so the per-member cooldown
// never hides anything; what came back is read from the fake's records of each interaction.
import type { AnyJson, RecordedRequest } from '../test/discord/fakeDiscord.js';
import { type InteractionRecord, outcomeOf } from '../test/discord/interactionRecords.js';
import { nextId, slashCommand } from '../test/discord/payloads.js';
import type { Target } from './loadTargets.js';

/** Discord drops an interaction whose first callback has not come within 3 s. */
export const CALLBACK_DEADLINE_MS = 3000;
/**
 * A deferred interaction may be edited for 15 minutes; the load script waits this long for the
 * edit before counting it lost.
 */
const EDIT_DEADLINE_MS = 30_000;
/** After the last interaction is due, how long a second answer may still show up. */
const SETTLE_MS = 300;
const OPEN_LOOP_TICK_MS = 5;

export interface Question {
  readonly text: string;
  readonly language: 'fr' | 'en';
}

export interface PhaseResult {
  readonly target: Target['name'];
  readonly phase: string;
  readonly sent: number;
  /** A first callback within the deadline and at least one answer. */
  readonly answered: number;
  /** No callback within the deadline, or a deferral not followed by an answer within 30 s. */
  readonly lost: number;
  readonly twice: number;
  /** Answered with something other than the target's answer (a failure or cooldown notice). */
  readonly wrong: number;
  readonly deferred: number;
  /** Answered per second, from the first dispatch to the last answer. */
  readonly throughput: number;
  /** From dispatch to the first callback, of the answered ones (ms). */
  readonly latencies: number[];
  /** CPU time per interaction sent (ms): the target's, and this process's (the fake and the load). */
  readonly cpu: { readonly target: number | null; readonly load: number };
}

/** Sends `/ask` interactions to one target and waits for their answers. */
export class LoadDriver {
  private sent = 0;
  private readonly waiting = new Map<string, () => void>();
  private readonly tokens: string[] = [];
  /** CPU times when the phase's first interaction was sent. */
  private cpuAtStart: { target: number | null; load: number } | null = null;

  constructor(
    private readonly target: Target,
    private readonly questions: readonly Question[],
  ) {
    target.fake.interactions.onResponse((record, kind) => {
      const answer = kind !== 'callback' || record.callbacks.at(-1)?.body?.type !== 5;
      if (!answer) return;
      this.waiting.get(record.token)?.();
      this.waiting.delete(record.token);
    });
  }

  /** Dispatches one `/ask` from a new member; resolves true when answered, false after the deadline. */
  ask(): Promise<boolean> {
    const question = this.questions[this.sent % this.questions.length] ?? { text: '?', language: 'fr' };
    const member = nextId();
    const built = slashCommand({
      name: 'ask',
      // Every tenth is private, as members choose: the reply then carries the ephemeral flag.
      options: { question: question.text, ...(this.sent % 10 === 9 ? { private: true } : {}) },
      guildId: this.target.guildId,
      channelId: this.target.channelId,
      user: { id: member, username: `member-${member}` },
      locale: question.language === 'fr' ? 'fr' : 'en-US',
    });
    this.sent++;
    this.tokens.push(built.token);
    this.cpuAtStart ??= { target: this.target.cpuMs(), load: loadCpuMs() };
    const answered = new Promise<boolean>((resolve) => {
      let timer = setTimeout(() => {
        // Deferred in time: the answer may come later, as an edit.
        if (!this.target.fake.interactions.get(built.token)?.callbacks.length) return resolve(false);
        timer = setTimeout(() => resolve(false), EDIT_DEADLINE_MS - CALLBACK_DEADLINE_MS);
      }, CALLBACK_DEADLINE_MS);
      this.waiting.set(built.token, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    this.target.fake.dispatch('INTERACTION_CREATE', built.payload);
    return answered;
  }

  /** Asks until an answer comes (the client may still be reading its first guilds); false after `timeoutMs`. */
  async answering(timeoutMs: number): Promise<boolean> {
    const end = performance.now() + timeoutMs;
    while (performance.now() < end) if (await this.ask()) return true;
    return false;
  }

  /** `count` interactions dispatched at once. */
  async burst(count: number): Promise<void> {
    const answers: Array<Promise<boolean>> = [];
    for (let i = 0; i < count; i++) answers.push(this.ask());
    await Promise.all(answers);
  }

  /**
   * `users` virtual users, each asking again as soon as it is answered, for `durationMs` or until
   * `most` interactions have been sent in all.
   */
  async closedLoop(users: number, durationMs: number, most = Number.POSITIVE_INFINITY): Promise<void> {
    const end = performance.now() + durationMs;
    const last = this.sent + most;
    const user = async () => {
      while (performance.now() < end && this.sent < last) await this.ask();
    };
    await Promise.all(Array.from({ length: users }, user));
  }

  /** `perSecond` interactions a second, on schedule whatever the answers, for `durationMs`. */
  async openLoop(perSecond: number, durationMs: number): Promise<void> {
    const answers: Array<Promise<boolean>> = [];
    const start = performance.now();
    const total = Math.round((perSecond * durationMs) / 1000);
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const due = Math.min(total, Math.floor(((performance.now() - start) * perSecond) / 1000));
        while (answers.length < due) answers.push(this.ask());
        if (answers.length >= total) {
          clearInterval(tick);
          resolve();
        }
      }, OPEN_LOOP_TICK_MS);
    });
    await Promise.all(answers);
  }

  /** Waits for late second answers, sums up what came back, and forgets it all for the next phase. */
  async finish(phase: string): Promise<PhaseResult> {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const records = this.tokens.flatMap((token) => this.target.fake.interactions.get(token) ?? []);
    const start = this.cpuAtStart;
    const target = this.target.cpuMs();
    const perSent = (ms: number) => ms / Math.max(1, records.length);
    const cpu = {
      target: start?.target == null || target === null ? null : perSent(target - start.target),
      load: perSent(loadCpuMs() - (start?.load ?? 0)),
    };
    const result = { ...summarise(this.target, phase, records), cpu };
    this.cpuAtStart = null;
    this.tokens.length = 0;
    this.waiting.clear();
    this.target.fake.forgetHistory();
    return result;
  }
}

/**
 * Resolves once no request has reached the fake for `quietMs` (the target has worked off what
 * it still had), or after `maxMs`: stopping it earlier would fail its requests in flight.
 */
export async function untilQuiet(target: Target, quietMs = 1000, maxMs = 30_000): Promise<void> {
  const end = performance.now() + maxMs;
  const lastAt = () => target.fake.requests.at(-1)?.at ?? 0;
  while (performance.now() < end && performance.now() - lastAt() < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, quietMs / 4));
  }
}

/** A target using less than this share of a core counts as idle. */
const IDLE_SHARE = 0.1;
const IDLE_POLL_MS = 250;

/**
 * Resolves once each target's CPU use has fallen under a tenth of a core (or after `maxMs`): a
 * phase then never shares the machine with the previous one's leftovers (a collection of the
 * bot's large heap, a backlog), which on two cores would weigh on whichever ran next.
 */
export async function untilIdle(targets: readonly Target[], maxMs = 5000): Promise<void> {
  const end = performance.now() + maxMs;
  let before = targets.map((target) => target.cpuMs());
  while (performance.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
    const now = targets.map((target) => target.cpuMs());
    const busy = now.some((ms, i) => ms !== null && ms - (before[i] ?? 0) > IDLE_POLL_MS * IDLE_SHARE);
    if (!busy) return;
    before = now;
  }
}

/** The reply a request carried: a callback's `data`, or an edit's or follow-up's body. */
const messageOf = (request: RecordedRequest): AnyJson =>
  request.path.endsWith('/callback') ? request.body?.data : request.body;

const loadCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function summarise(
  target: Target,
  phase: string,
  records: readonly InteractionRecord[],
): Omit<PhaseResult, 'cpu'> {
  let answered = 0;
  let twice = 0;
  let wrong = 0;
  let deferred = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const latencies: number[] = [];
  for (const record of records) {
    const outcome = outcomeOf(record);
    first = Math.min(first, record.dispatchedAt);
    if (outcome.deferred) deferred++;
    if (outcome.answers > 1) twice++;
    const inTime = outcome.firstCallbackMs !== null && outcome.firstCallbackMs <= CALLBACK_DEADLINE_MS;
    if (!inTime || outcome.answeredMs === null) continue;
    answered++;
    latencies.push(outcome.firstCallbackMs ?? 0);
    last = Math.max(last, record.dispatchedAt + outcome.answeredMs);
    const reply = [...record.callbacks, ...record.edits].find((r) => r.body?.type !== 5);
    if (!reply || !target.isAnswer(messageOf(reply))) wrong++;
  }
  const seconds = (last - first) / 1000;
  return {
    target: target.name,
    phase,
    sent: records.length,
    answered,
    lost: records.length - answered,
    twice,
    wrong,
    deferred,
    throughput: answered > 0 && seconds > 0 ? answered / seconds : 0,
    latencies,
  };
}
