import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The DER header of an Ed25519 SubjectPublicKeyInfo: the 32 raw key bytes follow it. */
const ED25519_SPKI_HEADER = Buffer.from('302a300506032b6570032100', 'hex');

/** An Ed25519 signature: 64 bytes, sent as 128 hexadecimal characters. */
const SIGNATURE = /^[0-9a-f]{128}$/i;

/** The application's public key (64 hex characters, from the developer portal) as a key object. */
export function ed25519PublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('an Ed25519 public key is 64 hexadecimal characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_HEADER, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/**
 * Whether Discord signed this request: its Ed25519 signature over the timestamp header followed
 * by the raw body, byte for byte (a body re-serialised or sent with another timestamp fails).
 */
export function signedByDiscord(key: KeyObject, timestamp: string, body: Buffer, signature: string): boolean {
  if (!SIGNATURE.test(signature)) return false;
  try {
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
      key,
      Buffer.from(signature, 'hex'),
    );
  } catch {
    return false;
  }
}

/**
 * How far a request's timestamp may be from this machine's clock, either way. Discord posts an
 * interaction as it happens and drops it unanswered after 3 s, so a genuine request is seconds
 * old at most: the window is there for clock drift between Discord and a server, and a minute
 * covers a clock that NTP keeps roughly right while a captured request is refused soon after.
 */
export const MAX_SKEW_SECONDS = 60;

/** Whether a timestamp header (Unix seconds) is within the window of `nowMs`. */
export function isFresh(
  timestamp: string,
  nowMs: number,
  maxSkewSeconds: number = MAX_SKEW_SECONDS,
): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= maxSkewSeconds;
}

/**
 * Signatures seen within the window: the same signed request sent twice (a replay, before its
 * timestamp grows stale) is refused the second time. One process's memory: behind a load
 * balancer a replay could reach another instance, once, within the window.
 */
export class SeenSignatures {
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowMs: number = MAX_SKEW_SECONDS * 2000) {}

  /** Notes a signature; false if it was already seen within the window. */
  note(signature: string, nowMs: number): boolean {
    for (const [old, at] of this.seen) {
      if (nowMs - at <= this.windowMs) break; // Insertion order: the rest are younger.
      this.seen.delete(old);
    }
    const key = signature.toLowerCase();
    if (this.seen.has(key)) return false;
    this.seen.set(key, nowMs);
    return true;
  }
}
