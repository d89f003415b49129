import type { KnowledgeSummary } from './metrics.js';

/** The gateway as `/healthz` reports it. */
export interface GatewayState {
  /** `ready`, `connecting`, `resuming`…, or `starting` before the client exists. */
  readonly status: string;
  /** The last heartbeat's round trip in milliseconds; null before the first one. */
  readonly ping: number | null;
  readonly ready: boolean;
}

/** No gateway to wait for: only the HTTP interactions endpoint runs, which needs no session. */
export const NO_GATEWAY: GatewayState = { status: 'off', ping: null, ready: true };

export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly gateway: { readonly status: string; readonly ping: number | null };
  readonly knowledge: { readonly version: string | null; readonly articles: number; readonly facts: number };
  readonly uptimeSeconds: number;
}

/** Healthy when the gateway is ready and knowledge is loaded: only then can the bot answer. */
export function healthReport(
  gateway: GatewayState,
  knowledge: KnowledgeSummary | undefined,
  uptimeSeconds: number,
): HealthReport {
  return {
    status: gateway.ready && knowledge !== undefined ? 'ok' : 'unavailable',
    gateway: { status: gateway.status, ping: gateway.ping },
    knowledge: knowledge ?? { version: null, articles: 0, facts: 0 },
    uptimeSeconds: Math.floor(uptimeSeconds),
  };
}
