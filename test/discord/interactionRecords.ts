// What the fake Discord saw of each interaction it dispatched: when it went out on the gateway,
// and every response that came back for its token (callbacks, follow-ups, edits). Lets a test or
// the load script tell an interaction answered once from one lost or answered twice.
import type { RecordedRequest } from './fakeDiscord.js';

export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  /** When the fake sent the INTERACTION_CREATE dispatch (`performance.now()`). */
  readonly dispatchedAt: number;
  /** Every `POST /interactions/:id/:token/callback`, in arrival order. */
  readonly callbacks: RecordedRequest[];
  /** Every follow-up message, `POST /webhooks/:app/:token`. */
  readonly followUps: RecordedRequest[];
  /** Every edit, `PATCH /webhooks/:app/:token/messages/:id` (of `@original` or a follow-up). */
  readonly edits: RecordedRequest[];
}

export type ResponseKind = 'callback' | 'followUp' | 'edit';

export interface InteractionOutcome {
  /**
   * Messages the member was shown: each callback other than a deferral (type 5), each
   * follow-up and each edit. A deferral and its edit are one answer; 0 is lost, 2 or more is
   * answered twice.
   */
  readonly answers: number;
  readonly deferred: boolean;
  /** From dispatch to the first callback (a deferral counts: it is what Discord waits 3 s for). */
  readonly firstCallbackMs: number | null;
  /** From dispatch to the first answer (a reply, or the edit of a deferral). */
  readonly answeredMs: number | null;
}

const DEFERRAL = 5;

/** Counts what came back for one interaction. */
export function outcomeOf(record: InteractionRecord): InteractionOutcome {
  const replies = record.callbacks.filter((request) => request.body?.type !== DEFERRAL);
  const answers = [...replies, ...record.followUps, ...record.edits];
  const first = (requests: readonly RecordedRequest[]) =>
    requests.length === 0 ? null : Math.min(...requests.map((request) => request.at)) - record.dispatchedAt;
  return {
    answers: answers.length,
    deferred: record.callbacks.length > replies.length,
    firstCallbackMs: first(record.callbacks),
    answeredMs: first(answers),
  };
}

type Listener = (record: InteractionRecord, kind: ResponseKind) => void;

/** The records by token, kept until `clear()`. */
export class InteractionRecords {
  private readonly byToken = new Map<string, InteractionRecord>();
  private readonly listeners = new Set<Listener>();

  dispatched(id: string, token: string, at: number): void {
    this.byToken.set(token, { id, token, dispatchedAt: at, callbacks: [], followUps: [], edits: [] });
  }

  /** Notes a response to the interaction of `token`; one the fake never dispatched is ignored. */
  responded(kind: ResponseKind, token: string, request: RecordedRequest): void {
    const record = this.byToken.get(token);
    if (!record) return;
    const list =
      kind === 'callback' ? record.callbacks : kind === 'followUp' ? record.followUps : record.edits;
    list.push(request);
    for (const listener of this.listeners) listener(record, kind);
  }

  get(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }

  all(): IterableIterator<InteractionRecord> {
    return this.byToken.values();
  }

  /** Calls `listener` after each response is noted, until the returned function is called. */
  onResponse(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.byToken.clear();
  }
}
