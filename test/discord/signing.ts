// Requests signed as Discord signs them, with a key pair made for the test run.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

export interface SigningKey {
  /** The public key as the developer portal shows it: 64 hex characters. */
  readonly publicKeyHex: string;
  readonly privateKey: KeyObject;
}

export function generateSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // The raw key is the last 32 bytes of its SubjectPublicKeyInfo.
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return { publicKeyHex: raw.toString('hex'), privateKey };
}

/** Unix seconds, as Discord sends in X-Signature-Timestamp. */
export const unixNow = (offsetSeconds = 0) => String(Math.floor(Date.now() / 1000) + offsetSeconds);

export function signatureOf(key: SigningKey, timestamp: string, body: string | Buffer): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), key.privateKey).toString(
    'hex',
  );
}

export interface SignedRequest {
  readonly body: string;
  readonly timestamp: string;
  readonly signature: string;
}

/** A body (JSON for an object) signed now, or at `timestamp`. */
export function signed(key: SigningKey, payload: unknown, timestamp = unixNow()): SignedRequest {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return { body, timestamp, signature: signatureOf(key, timestamp, body) };
}

/** POSTs a request to the endpoint with its signature headers, as Discord does. */
export function post(url: string, request: SignedRequest, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    body: request.body,
    ...init,
    headers: {
      'Content-Type': 'application/json',
      'X-Signature-Ed25519': request.signature,
      'X-Signature-Timestamp': request.timestamp,
      ...init.headers,
    },
  });
}
