import { describe, expect, it } from 'vitest';
import { signPayload, signatureHeaders, urlValidationAnswer, verifySignature } from './webhook-signature';

// Known answers computed independently: printf '<message>' | openssl dgst -sha256 -hmac 'zoom-secret-token'
const SECRET = 'zoom-secret-token';
const BODY = '{"event":"meeting.started","event_ts":1700000000000}';
const SIGNATURE = 'v0=146769a6d5910690935e6870d44bfa48232b3adffc1178abd2bfd11ac9e32ff8';

const check = (over: Partial<Parameters<typeof verifySignature>[0]> = {}) =>
  verifySignature({
    secret: SECRET,
    timestamp: '1700000000',
    signature: SIGNATURE,
    body: Buffer.from(BODY),
    nowMs: 1_700_000_010_000,
    maxAgeSec: 300,
    ...over,
  });

describe('Zoom webhook signature', () => {
  it('matches the known vector for v0:{timestamp}:{body}', () => {
    expect(signPayload(SECRET, '1700000000', BODY)).toBe(SIGNATURE);
    expect(signPayload(SECRET, 1700000000, Buffer.from(BODY))).toBe(SIGNATURE);
  });

  it('answers url_validation with the known HMAC of the plain token', () => {
    expect(urlValidationAnswer(SECRET, 'qgg8vlvZRS6UYooatFL8Aw')).toEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: 'd9e0d764a78494688ba3f2d5c0ed4ca311394b4834d959759213424d2df961e3',
    });
  });

  it('accepts the exact bytes and rejects a single changed byte, even whitespace', () => {
    expect(check()).toEqual({ ok: true });
    expect(check({ body: Buffer.from(BODY.replace(':', ': ')) })).toEqual({ ok: false, reason: 'bad signature' });
    expect(check({ secret: 'other' })).toEqual({ ok: false, reason: 'bad signature' });
    expect(check({ signature: SIGNATURE.slice(0, -1) })).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('rejects stale and future timestamps outside the window, and missing headers', () => {
    expect(check({ nowMs: 1_700_000_301_000 })).toEqual({ ok: false, reason: 'stale timestamp' });
    expect(check({ nowMs: 1_699_999_699_000 })).toEqual({ ok: false, reason: 'stale timestamp' });
    expect(check({ timestamp: undefined })).toEqual({ ok: false, reason: 'missing signature headers' });
    expect(check({ timestamp: '17e8' })).toEqual({ ok: false, reason: 'missing signature headers' });
    expect(check({ signature: undefined })).toEqual({ ok: false, reason: 'missing signature headers' });
  });

  it('signs with the current time in seconds', () => {
    const headers = signatureHeaders(SECRET, BODY, 1_700_000_000_999);
    expect(headers).toEqual({ timestamp: '1700000000', signature: SIGNATURE });
  });
});
