import { describe, expect, it } from 'vitest';
import type { AppContext } from '../zoom/app-context';
import {
  randomGuestId,
  sessionFromContext,
  signSession,
  toSessionView,
  verifySession,
  type Session,
} from './session-token';

const SECRET = 'a-session-secret-of-at-least-32-chars!!';
const NOW = 1_700_000_000_000;
const HOUR = 3_600_000;
const ctx = (over: Partial<AppContext> = {}): AppContext => ({ mid: 'meeting-1', exp: NOW + 60_000, ...over });
let counter = 0;
const nextGuest = () => `guest${++counter}`;

describe('sessionFromContext', () => {
  it('uses the Zoom uid for signed-in users and normalises the role', () => {
    const s = sessionFromContext(ctx({ uid: 'zu1', attendrole: 'co-host' }), NOW, HOUR, nextGuest);
    expect(s).toEqual({
      voterId: 'u:zu1',
      uid: 'zu1',
      meetingId: 'meeting-1',
      role: 'cohost',
      exp: NOW + HOUR,
      iat: NOW,
    });
  });

  it('gives guests a fresh server id, defaulting the role to participant', () => {
    const s = sessionFromContext(ctx(), NOW, HOUR, () => 'abc');
    expect(s).toEqual({ voterId: 'g:abc', meetingId: 'meeting-1', role: 'participant', exp: NOW + HOUR, iat: NOW });
  });

  it('keeps a guest voter id for the same meeting only', () => {
    const existing: Session = { voterId: 'g:first', meetingId: 'meeting-1', role: 'participant', exp: NOW + 1 };
    expect(sessionFromContext(ctx(), NOW, HOUR, nextGuest, existing).voterId).toBe('g:first');
    expect(sessionFromContext(ctx({ mid: 'meeting-2' }), NOW, HOUR, nextGuest, existing).voterId).not.toBe('g:first');
    expect(sessionFromContext(ctx(), NOW, HOUR, nextGuest, { ...existing, exp: NOW }).voterId).not.toBe('g:first');
  });

  it('never hands a signed-in voter id to a guest, nor a guest id to a signed-in user', () => {
    const user: Session = { voterId: 'u:zu1', uid: 'zu1', meetingId: 'meeting-1', role: 'host', exp: NOW + HOUR };
    expect(sessionFromContext(ctx(), NOW, HOUR, nextGuest, user).voterId).toMatch(/^g:guest/);
    const guest: Session = { voterId: 'g:first', meetingId: 'meeting-1', role: 'participant', exp: NOW + HOUR };
    expect(sessionFromContext(ctx({ uid: 'zu2' }), NOW, HOUR, nextGuest, guest).voterId).toBe('u:zu2');
  });

  it('generates distinct url-safe guest ids', () => {
    const a = randomGuestId();
    expect(a).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(randomGuestId()).not.toBe(a);
  });
});

describe('signSession / verifySession', () => {
  const session: Session = { voterId: 'u:zu1', uid: 'zu1', meetingId: 'meeting-1', role: 'host', exp: NOW + HOUR };

  it('round-trips a session', () => {
    const token = signSession(session, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifySession(token, SECRET, NOW)).toEqual(session);
  });

  it('rejects expiry, another secret, and edits to payload or signature', () => {
    const token = signSession(session, SECRET);
    const [payload = '', sig = ''] = token.split('.');
    expect(verifySession(token, SECRET, session.exp)).toBeUndefined();
    expect(verifySession(token, `${SECRET}x`, NOW)).toBeUndefined();
    const forged = Buffer.from(JSON.stringify({ ...session, role: 'participant' })).toString('base64url');
    expect(verifySession(`${forged}.${sig}`, SECRET, NOW)).toBeUndefined();
    expect(verifySession(`${payload}.${sig.slice(0, -1)}A`, SECRET, NOW)).toBeUndefined();
    expect(verifySession(`${payload}.${sig}=`, SECRET, NOW)).toBeUndefined();
  });

  it('rejects garbage without throwing', () => {
    for (const bad of ['', '.', 'a.b', 'a.b.c', '....', '%%%.%%%'])
      expect(verifySession(bad, SECRET, NOW)).toBeUndefined();
  });

  it('rejects a correctly signed payload of the wrong shape', () => {
    const bogus = { ...session, role: 'owner' } as unknown as Session;
    expect(verifySession(signSession(bogus, SECRET), SECRET, NOW)).toBeUndefined();
  });

  it('builds the client view', () => {
    expect(toSessionView(session)).toEqual({
      voterId: 'u:zu1',
      meetingId: 'meeting-1',
      role: 'host',
      isHost: true,
      authorized: true,
    });
    const guest = toSessionView({ voterId: 'g:x', meetingId: 'm', role: 'attendee', exp: 0 });
    expect(guest).toMatchObject({ isHost: false, authorized: false });
  });
});
