import { describe, expect, it } from 'vitest';
import { ed25519PublicKey, isFresh, SeenSignatures, signedByDiscord } from '../../src/http/signature.js';
import { generateSigningKey, signatureOf } from '../discord/signing.js';

describe('signedByDiscord', () => {
  const key = generateSigningKey();
  const publicKey = ed25519PublicKey(key.publicKeyHex);
  const body = Buffer.from('{"type":1}');

  it('accepts the signature over timestamp + body, in either case of hex', () => {
    const signature = signatureOf(key, '1700000000', body);
    expect(signedByDiscord(publicKey, '1700000000', body, signature)).toBe(true);
    expect(signedByDiscord(publicKey, '1700000000', body, signature.toUpperCase())).toBe(true);
  });

  it('refuses another timestamp, another body, another key, and what is not a signature', () => {
    const signature = signatureOf(key, '1700000000', body);
    expect(signedByDiscord(publicKey, '1700000001', body, signature)).toBe(false);
    expect(signedByDiscord(publicKey, '1700000000', Buffer.from('{"type":1} '), signature)).toBe(false);
    const other = ed25519PublicKey(generateSigningKey().publicKeyHex);
    expect(signedByDiscord(other, '1700000000', body, signature)).toBe(false);
    for (const bad of ['', signature.slice(1), `${signature}00`, 'g'.repeat(128)]) {
      expect(signedByDiscord(publicKey, '1700000000', body, bad)).toBe(false);
    }
  });

  it('reads only a 64-hex-character public key', () => {
    expect(() => ed25519PublicKey('ab'.repeat(31))).toThrow(/64 hexadecimal/);
  });
});

describe('isFresh', () => {
  const now = 1_700_000_000_000;
  it('accepts a timestamp within 60 s either way, and nothing else', () => {
    expect(isFresh('1700000000', now)).toBe(true);
    expect(isFresh('1699999940', now)).toBe(true);
    expect(isFresh('1700000060', now)).toBe(true);
    expect(isFresh('1699999939', now)).toBe(false);
    expect(isFresh('1700000061', now)).toBe(false);
    for (const bad of ['', '-1', '1.7e9', ' 1700000000', '17000000000000'])
      expect(isFresh(bad, now)).toBe(false);
  });
});

describe('SeenSignatures', () => {
  it('refuses a signature seen within the window, and forgets it after', () => {
    const seen = new SeenSignatures(1000);
    expect(seen.note('AB', 0)).toBe(true);
    expect(seen.note('ab', 500)).toBe(false);
    expect(seen.note('cd', 900)).toBe(true);
    expect(seen.note('ab', 1500)).toBe(true);
    expect(seen.note('cd', 1600)).toBe(false);
  });
});
