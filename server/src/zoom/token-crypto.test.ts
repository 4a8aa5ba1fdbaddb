import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret, TokenCryptoError } from './token-crypto';

const KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const IV = Uint8Array.from({ length: 12 }, (_, i) => 100 + i);
const PLAIN = '{"accessToken":"a","refreshToken":"r"}';
// Known answer from an independent implementation (Python `cryptography`, AESGCM(key).encrypt(iv, plain, aad)).
const SEALED = 'v1.ZGVmZ2hpamtsbW5v.Mzm_BRqMJe1qDTSNtEdQ3yPgKij5CZUAwqLEHJTIwCa202Kybm8.cPbPz7MpzMfL1NH_bkR3UQ';

describe('token encryption at rest (AES-256-GCM)', () => {
  it('matches the known vector and opens it again', () => {
    expect(sealSecret(PLAIN, KEY, 'zoom-tokens:u123', IV)).toBe(SEALED);
    expect(openSecret(SEALED, KEY, 'zoom-tokens:u123')).toBe(PLAIN);
  });

  it('matches NIST GCM test case 14 (zero key and IV, 16 zero bytes) in its ciphertext and tag', () => {
    const sealed = sealSecret('\0'.repeat(16), '0'.repeat(64), '', new Uint8Array(12));
    const [, , body = '', tag = ''] = sealed.split('.');
    expect(Buffer.from(body, 'base64url').toString('hex')).toBe('cea7403d4d606b6e074ec5d3baf39d18');
    expect(Buffer.from(tag, 'base64url').toString('hex')).toBe('d0d1c8a799996bf0265b98b5d48ab919');
  });

  it('uses a fresh IV on every write', () => {
    const ivs = new Set(Array.from({ length: 50 }, () => sealSecret(PLAIN, KEY, 'o').split('.')[1]));
    expect(ivs.size).toBe(50);
    expect(Buffer.from([...ivs][0]!, 'base64url')).toHaveLength(12);
  });

  it('refuses another owner, another key, and any tampering', () => {
    expect(() => openSecret(SEALED, KEY, 'zoom-tokens:someone-else')).toThrow(TokenCryptoError);
    expect(() => openSecret(SEALED, 'f'.repeat(64), 'zoom-tokens:u123')).toThrow(TokenCryptoError);
    const flipped = SEALED.replace('.Mzm_', '.Mzn_');
    expect(() => openSecret(flipped, KEY, 'zoom-tokens:u123')).toThrow(TokenCryptoError);
    expect(() => openSecret('v2.a.b.c', KEY, 'x')).toThrow(/not a sealed token/);
    expect(() => sealSecret(PLAIN, 'abcd', 'x')).toThrow(/32 bytes/);
  });
});
