import { describe, expect, it } from 'vitest';
import { decryptAppContext, meetingPlace, sealAppContext, unpackAppContext } from './app-context';

const SECRET = 'test-client-secret';
const NOW = 1_700_000_060_000;
const payload = {
  typ: 'meeting',
  uid: 'user-1',
  mid: 'mid-abc==',
  aud: 'client-1',
  iss: 'marketplace.zoom.us',
  ts: NOW - 60_000,
  exp: NOW + 60_000,
  attendrole: 'co-host',
};

// Sealed once with these inputs and checked with an independent AES-GCM implementation (Python
// `cryptography`), so a change to the byte layout or the key derivation breaks this test.
const KNOWN = {
  secret: 'known-secret',
  iv: Buffer.from('000102030405060708090a0b', 'hex'),
  aad: 'zoom',
  payload: { ...payload, ts: 1_700_000_000_000, exp: 1_700_000_120_000 },
  sealed:
    'DAABAgMEBQYHCAkKCwQAem9vbZ0AAADg9iJgceQ2f/CmgNeVCrkn1pXl8QEGGfuMYSkmkE799hrns824aUGH/4ti1y9tmHPBt6Ji2xTh2Vu8JmwN5AvbigI1iSchie9xpNcXGmc22IuIlYc0yywUqneTs8HaVRfqgu8WWiztPFP47gHlmHJm7ZUNfFX0SVpMR+Bq1e4vP723PXXe5Qz+fyIPRq858WKg7AApoGMAGBj+MybELGlsGpgkOA/T1mqXbycglA==',
};

const bytesOf = (sealed: string) => Buffer.from(sealed, 'base64');
const unauth = { ok: false, error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) };

/** Flips one bit in the region chosen by `pick` (offsets into the packed buffer). */
function tamper(
  sealed: string,
  pick: (parts: { ivEnd: number; aadStart: number; ctStart: number; tagStart: number }) => number,
): string {
  const buf = bytesOf(sealed);
  const ivLen = buf[0] ?? 0;
  const aadLen = buf.readUInt16LE(1 + ivLen);
  const aadStart = 3 + ivLen;
  const ctStart = aadStart + aadLen + 4;
  const offset = pick({ ivEnd: 1 + ivLen, aadStart, ctStart, tagStart: buf.length - 16 });
  buf[offset] = (buf[offset] ?? 0) ^ 0x01;
  return buf.toString('base64');
}

describe('app context', () => {
  it('round-trips through seal and decrypt, keeping unknown fields', () => {
    const sealed = sealAppContext({ ...payload, cid: 'collab-1' }, SECRET);
    const result = decryptAppContext(sealed, SECRET, NOW, 'client-1');
    expect(result).toEqual({ ok: true, data: { ...payload, cid: 'collab-1' } });
  });

  it('matches a known vector in both directions', () => {
    expect(sealAppContext(KNOWN.payload, KNOWN.secret, { iv: KNOWN.iv, aad: KNOWN.aad })).toBe(KNOWN.sealed);
    const result = decryptAppContext(KNOWN.sealed, KNOWN.secret, KNOWN.payload.ts, 'client-1');
    expect(result).toEqual({ ok: true, data: KNOWN.payload });
  });

  it('unpacks the layout fields', () => {
    const packed = unpackAppContext(bytesOf(KNOWN.sealed));
    expect(packed.ok && packed.data.iv.equals(KNOWN.iv)).toBe(true);
    expect(packed.ok && packed.data.aad.toString()).toBe('zoom');
    expect(packed.ok && packed.data.tag.length).toBe(16);
  });

  it.each([
    ['iv', (p: { ivEnd: number }) => p.ivEnd - 1],
    ['aad', (p: { aadStart: number }) => p.aadStart],
    ['ciphertext', (p: { ctStart: number }) => p.ctStart + 3],
    ['tag', (p: { tagStart: number }) => p.tagStart + 5],
  ])('rejects a tampered %s', (_name, pick) => {
    const result = decryptAppContext(tamper(KNOWN.sealed, pick as never), KNOWN.secret, KNOWN.payload.ts);
    expect(result).toEqual(unauth);
    expect(!result.ok && result.error.message).toMatch(/tampered|another client secret/);
  });

  it('rejects the wrong secret', () => {
    const result = decryptAppContext(sealAppContext(payload, SECRET), 'other-secret', NOW);
    expect(!result.ok && result.error.message).toMatch(/another client secret/);
  });

  it('rejects an expired context (exp in epoch ms)', () => {
    const sealed = sealAppContext({ ...payload, exp: NOW - 1 }, SECRET);
    const result = decryptAppContext(sealed, SECRET, NOW);
    expect(!result.ok && result.error.message).toMatch(/expired/);
    expect(decryptAppContext(sealed, SECRET, NOW - 1).ok).toBe(true);
  });

  it('rejects a context for another app, and a guest’s without a meeting id', () => {
    const foreign = decryptAppContext(sealAppContext(payload, SECRET), SECRET, NOW, 'client-2');
    expect(!foreign.ok && foreign.error.message).toMatch(/another app \(claim aud is not ZOOM_CLIENT_ID\)/);
    const { mid: _mid, uid: _uid, ...guestNoMid } = payload as Record<string, unknown>;
    const missing = decryptAppContext(sealAppContext(guestNoMid, SECRET), SECRET, NOW);
    expect(!missing.ok && missing.error.message).toMatch(/no meeting id/);
  });

  it('bounds the lifetime: a ten-year exp, a future ts or exp − ts beyond the limit is refused, naming the claim', () => {
    const limits = { maxLifetimeMs: 300_000 };
    const check = (over: Record<string, unknown>) =>
      decryptAppContext(sealAppContext({ ...payload, ...over }, SECRET), SECRET, NOW, 'client-1', limits);
    expect(check({}).ok).toBe(true);
    const tenYears = check({ ts: NOW, exp: NOW + 10 * 365 * 24 * 3600_000 });
    expect(!tenYears.ok && tenYears.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('claim exp is more than 300 s ahead'),
    });
    const noTs = check({ ts: undefined, exp: NOW + 3600_000 });
    expect(!noTs.ok && noTs.error.message).toContain('claim exp');
    const ahead = check({ ts: NOW + 120_000, exp: NOW + 200_000 });
    expect(!ahead.ok && ahead.error.message).toContain('claim ts is in the future');
    // Issued long ago with a long life: still unexpired, but replayable for too long.
    const replayable = check({ ts: NOW - 3000_000, exp: NOW + 60_000 });
    expect(!replayable.ok && replayable.error.message).toContain('claims exp and ts are more than 300 s apart');
    // Without limits (the old behaviour) the ten-year context went through.
    expect(
      decryptAppContext(
        sealAppContext({ ...payload, exp: NOW + 10 * 365 * 24 * 3600_000 }, SECRET),
        SECRET,
        NOW,
        'client-1',
      ).ok,
    ).toBe(true);
  });

  it('gives a signed-in user outside a meeting (the main client) a personal space', () => {
    const { mid: _mid, ...mainClient } = { ...payload, uid: 'zu-main', typ: 'panel' } as Record<string, unknown>;
    const result = decryptAppContext(sealAppContext(mainClient, SECRET), SECRET, NOW);
    expect(result.ok && result.data.mid).toBe('personal:zu-main');
  });

  it('accepts base64url and unpadded input', () => {
    const url = sealAppContext(payload, SECRET, { encoding: 'base64url' });
    expect(url).not.toMatch(/[+/=]/);
    expect(decryptAppContext(url, SECRET, NOW).ok).toBe(true);
    expect(decryptAppContext(KNOWN.sealed.replace(/=+$/, ''), KNOWN.secret, KNOWN.payload.ts).ok).toBe(true);
  });

  it('rejects input over 4096 characters and non-base64 text', () => {
    const big = sealAppContext({ ...payload, pad: 'x'.repeat(3100) }, SECRET);
    expect(big.length).toBeGreaterThan(4096);
    expect(decryptAppContext(big, SECRET, NOW)).toEqual(unauth);
    expect(decryptAppContext('not base64!', SECRET, NOW)).toEqual(unauth);
  });

  it('never throws on truncated or padded buffers', () => {
    const full = bytesOf(KNOWN.sealed);
    for (let len = 0; len < full.length; len += 1) {
      const cut = full.subarray(0, len);
      expect(unpackAppContext(cut).ok).toBe(false);
      expect(decryptAppContext(cut.toString('base64'), KNOWN.secret, 0)).toEqual(unauth);
    }
    expect(unpackAppContext(Buffer.concat([full, Buffer.from([0])])).ok).toBe(false);
    expect(unpackAppContext(Buffer.from([0])).ok).toBe(false);
  });

  it('rejects a payload that is not a JSON object with exp', () => {
    const sealed = sealAppContext({ mid: 'm' }, SECRET);
    expect(decryptAppContext(sealed, SECRET, NOW)).toEqual(unauth);
  });
});

describe('meetingPlace (breakout rooms)', () => {
  it('reads the pid form: the room in mid, the main meeting in pid', () => {
    expect(meetingPlace({ mid: 'room-1==', pid: 'main==' })).toEqual({ meetingId: 'main==', roomId: 'room-1==' });
  });

  it('reads the bmid form: the main meeting in mid, the room in bmid', () => {
    expect(meetingPlace({ mid: 'main==', bmid: 'room-2==' })).toEqual({ meetingId: 'main==', roomId: 'room-2==' });
  });

  it('puts a context without room fields (or naming the main meeting as its room) in the main room', () => {
    expect(meetingPlace({ mid: 'main==' })).toEqual({ meetingId: 'main==' });
    expect(meetingPlace({ mid: 'main==', bmid: '' })).toEqual({ meetingId: 'main==' });
    expect(meetingPlace({ mid: 'main==', pid: 'main==' })).toEqual({ meetingId: 'main==' });
  });

  it('derives the place from the sealed context, so only Zoom can say which room a user is in', () => {
    const sealed = sealAppContext({ ...payload, mid: 'room-3==', pid: 'main==' }, SECRET);
    const ctx = decryptAppContext(sealed, SECRET, NOW, 'client-1');
    expect(ctx.ok && meetingPlace(ctx.data)).toEqual({ meetingId: 'main==', roomId: 'room-3==' });
  });
});
