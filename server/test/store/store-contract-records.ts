import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryRecord, MeetingRecord, NewInboxEvent, Store, ZoomUserRecord } from '../../src/store/types';

const user = (uid: string, at = 1_000): ZoomUserRecord => ({
  uid,
  email: `${uid}@example.com`,
  displayName: `User ${uid}`,
  accountId: 'acct-1',
  sealedTokens: 'sealed-blob',
  expiresAt: at + 3_600_000,
  scope: 'meeting:read',
  updatedAt: at,
});

const inbound = (n: number, trackingId: string | null = `track-${n}`): NewInboxEvent => ({
  event: 'meeting.ended',
  eventTs: 1_700_000_000_000 + n,
  trackingId,
  // Spacing, key order and an escaped NUL, kept byte for byte: the payload is an opaque verified document.
  payload: `{"z": ${n}, "a": "x\\u0000y"}`,
  receivedAt: 5_000 + n,
  eventKey: `meeting.ended:${n}`,
});

const meeting = (uuid: string, hostId: string | null): MeetingRecord => ({
  uuid,
  zoomId: '123456789',
  topic: 'Weekly',
  hostId,
  status: 'started',
  startedAt: 1_000,
  endedAt: null,
});

const delivery = (id: string, createdAt: number): DeliveryRecord => ({
  id,
  meetingUuid: 'mtg-1',
  kind: 'webhook',
  target: 'https://example.com/hook',
  status: 'pending',
  attempts: 0,
  lastError: null,
  createdAt,
  updatedAt: createdAt,
});

/** Zoom users, OAuth states, the webhook inbox and audit, meetings, deliveries and settings, on any store. */
export function describeRecordsContract(open: () => Promise<Store>): void {
  describe('records', () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('upserts Zoom users and replaces their tokens', async () => {
      await store.zoomUsers.upsert(user('U1'));
      await store.zoomUsers.upsert({ ...user('U1', 2_000), email: null });
      expect(await store.zoomUsers.get('U1')).toEqual({ ...user('U1', 2_000), email: null });
      await store.zoomUsers.setTokens('U1', null, 0, 3_000);
      expect(await store.zoomUsers.get('U1')).toMatchObject({ sealedTokens: null, expiresAt: 0, updatedAt: 3_000 });
      expect(await store.zoomUsers.get('U2')).toBeUndefined();
    });

    it('hands out an OAuth state once and purges expired ones', async () => {
      const state = {
        state: 's1',
        purpose: 'in-client' as const,
        voterId: 'u:U1',
        sealedVerifier: 'sealed',
        expiresAt: 10_000,
      };
      await store.oauthStates.put(state);
      await store.oauthStates.put({ ...state, state: 's2', purpose: 'install', voterId: null, expiresAt: 1_000 });
      await store.oauthStates.put({ ...state, state: 's3', expiresAt: 2_000 });
      expect(await store.oauthStates.take('s1')).toEqual(state);
      expect(await store.oauthStates.take('s1')).toBeUndefined();
      expect(await store.oauthStates.purgeExpired(2_000)).toBe(2);
      expect(await store.oauthStates.take('s2')).toBeUndefined();
    });

    it('keeps one pending in-client state per voter: a new one replaces the old', async () => {
      const state = {
        state: 's1',
        purpose: 'in-client' as const,
        voterId: 'u:U1',
        sealedVerifier: 'sealed',
        expiresAt: 10_000,
      };
      await store.oauthStates.replace(state);
      await store.oauthStates.replace({ ...state, state: 's2' });
      await store.oauthStates.replace({ ...state, state: 's3', voterId: 'u:U2' });
      expect(await store.oauthStates.count()).toBe(2);
      expect(await store.oauthStates.take('s1')).toBeUndefined();
      expect(await store.oauthStates.take('s2')).toEqual({ ...state, state: 's2' });
    });

    it('erases a user: profile, pending states, identity in attendance and meetings', async () => {
      await store.zoomUsers.upsert(user('U1'));
      await store.oauthStates.put({
        state: 's1',
        purpose: 'in-client',
        voterId: 'u:U1',
        sealedVerifier: 'v',
        expiresAt: 10_000,
      });
      await store.meetings.save(meeting('mtg-1', 'U1'));
      await store.meetings.addAttendance({
        meetingUuid: 'mtg-1',
        participantKey: 'pk-1',
        userId: 'U1',
        name: 'Ann',
        kind: 'joined',
        at: 1_000,
      });
      await store.zoomUsers.erase('U1', 'anon-1');
      expect(await store.zoomUsers.get('U1')).toBeUndefined();
      expect(await store.oauthStates.take('s1')).toBeUndefined();
      expect(await store.meetings.get('mtg-1')).toMatchObject({ hostId: null });
      const [row] = await store.meetings.listAttendance('mtg-1');
      expect(row).toMatchObject({ userId: null, name: null, kind: 'joined', at: 1_000 });
      expect(row?.participantKey).toMatch(/^erased:/);
    });

    it('erases a user from report deliveries and stored webhook payloads, keeping the rest of each event', async () => {
      await store.zoomUsers.upsert(user('U1'));
      await store.deliveries.insert({
        ...delivery('d1', 1_000),
        kind: 'email',
        target: 'U1@example.com',
        lastError: 'mailbox U1@example.com full',
      });
      await store.deliveries.insert(delivery('d2', 2_000));
      const joined = JSON.stringify({
        object: {
          uuid: 'mtg-1',
          topic: 'Weekly',
          participant: { id: 'U1', user_name: 'Ann', email: 'U1@example.com', join_time: 't' },
        },
      });
      const other = JSON.stringify({ object: { uuid: 'mtg-1', participant: { id: 'U2', user_name: 'Bob' } } });
      const first = await store.webhooks.enqueue({ ...inbound(1), payload: joined });
      const second = await store.webhooks.enqueue({ ...inbound(2), payload: other });
      await store.zoomUsers.erase('U1', 'x:anon');
      expect((await store.deliveries.listByMeeting('mtg-1')).map((d) => [d.id, d.target, d.lastError])).toEqual([
        ['d1', 'erased', null],
        ['d2', 'https://example.com/hook', null],
      ]);
      const scrubbed = JSON.parse((await store.webhooks.get(first!))!.payload) as {
        object: { uuid: string; topic: string; participant: Record<string, unknown> };
      };
      expect(scrubbed.object).toMatchObject({
        uuid: 'mtg-1',
        topic: 'Weekly',
        participant: { id: null, user_name: null, email: null, join_time: 't' },
      });
      expect((await store.webhooks.get(second!))!.payload).toBe(other);
    });

    it('revokes sessions by subject: the latest line wins, old lines are purged', async () => {
      await store.sessionRevocations.revoke('s1', 2_000);
      await store.sessionRevocations.revoke('s1', 1_000);
      await store.sessionRevocations.revoke('s2', 5_000);
      expect((await store.sessionRevocations.listSince(0)).sort((a, b) => a.subject.localeCompare(b.subject))).toEqual([
        { subject: 's1', revokedAt: 2_000 },
        { subject: 's2', revokedAt: 5_000 },
      ]);
      expect(await store.sessionRevocations.listSince(3_000)).toEqual([{ subject: 's2', revokedAt: 5_000 }]);
      expect(await store.sessionRevocations.purgeBefore(3_000)).toBe(1);
      expect(await store.sessionRevocations.listSince(0)).toEqual([{ subject: 's2', revokedAt: 5_000 }]);
    });

    it('keeps webhook events once, in order, with their payload byte for byte', async () => {
      const first = await store.webhooks.enqueue(inbound(1));
      const second = await store.webhooks.enqueue(inbound(2, null));
      expect(await store.webhooks.enqueue(inbound(3, null))).toEqual(expect.any(Number));
      expect(await store.webhooks.enqueue({ ...inbound(9), trackingId: 'track-1' })).toBeUndefined();
      expect(await store.webhooks.enqueue({ ...inbound(2, null), eventKey: inbound(2).eventKey })).toBeUndefined();
      expect(await store.webhooks.get(first!)).toEqual({
        ...inbound(1),
        eventKey: undefined,
        id: first,
        status: 'pending',
        attempts: 0,
        lastError: null,
      });
      await store.webhooks.markProcessed(first!, 6_000);
      await store.webhooks.markAttemptFailed(second!, 'boom', false);
      expect((await store.webhooks.pending(10)).map((e) => [e.eventTs, e.attempts, e.lastError])).toEqual([
        [inbound(2).eventTs, 1, 'boom'],
        [inbound(3).eventTs, 0, null],
      ]);
      await store.webhooks.markAttemptFailed(second!, 'gave up', true);
      expect(await store.webhooks.get(second!)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'gave up' });
      expect(await store.webhooks.pending(1)).toHaveLength(1);
      expect(await store.webhooks.get(999_999)).toBeUndefined();
    });

    it('lists the webhook audit newest first', async () => {
      for (const n of [1, 2, 3]) {
        await store.webhooks.audit({
          receivedAt: n,
          event: n === 2 ? null : 'e',
          trackingId: null,
          outcome: 'accepted',
          reason: null,
          sourceIp: '10.0.0.1',
        });
      }
      expect((await store.webhooks.listAudit(2)).map((a) => [a.receivedAt, a.event])).toEqual([
        [3, 'e'],
        [2, null],
      ]);
    });

    it('saves meetings over themselves and lists attendance oldest first', async () => {
      await store.meetings.save(meeting('mtg-1', 'U1'));
      await store.meetings.save({ ...meeting('mtg-1', 'U1'), status: 'ended', endedAt: 9_000 });
      expect(await store.meetings.get('mtg-1')).toEqual({ ...meeting('mtg-1', 'U1'), status: 'ended', endedAt: 9_000 });
      expect(await store.meetings.get('nope')).toBeUndefined();
      for (const [key, at] of [
        ['late', 3_000],
        ['early', 1_000],
        ['tie-a', 2_000],
        ['tie-b', 2_000],
      ] as const) {
        await store.meetings.addAttendance({
          meetingUuid: 'mtg-1',
          participantKey: key,
          userId: null,
          name: null,
          kind: 'joined',
          at,
        });
      }
      expect((await store.meetings.listAttendance('mtg-1')).map((a) => a.participantKey)).toEqual([
        'early',
        'tie-a',
        'tie-b',
        'late',
      ]);
    });

    it('records deliveries and their progress, oldest first', async () => {
      for (const d of [delivery('d2', 2_000), delivery('d1', 1_000), delivery('d3', 2_000)])
        await store.deliveries.insert(d);
      await store.deliveries.update('d1', { status: 'delivered', attempts: 1, lastError: null, updatedAt: 4_000 });
      const listed = await store.deliveries.listByMeeting('mtg-1');
      expect(listed.map((d) => d.id)).toEqual(['d1', 'd2', 'd3']);
      expect(listed[0]).toEqual({ ...delivery('d1', 1_000), status: 'delivered', attempts: 1, updatedAt: 4_000 });
      expect(await store.deliveries.listByMeeting('mtg-2')).toEqual([]);
    });

    it('stores meeting settings per meeting', async () => {
      expect(await store.meetingSettings.get('m1')).toBeUndefined();
      await store.meetingSettings.put('m1', { coHostsMayRun: false }, 1_000);
      await store.meetingSettings.put('m1', { coHostsMayRun: true }, 2_000);
      await store.meetingSettings.put('m2', { coHostsMayRun: false }, 2_000);
      expect(await store.meetingSettings.get('m1')).toEqual({ coHostsMayRun: true });
      expect(await store.meetingSettings.get('m2')).toEqual({ coHostsMayRun: false });
    });
  });
}
