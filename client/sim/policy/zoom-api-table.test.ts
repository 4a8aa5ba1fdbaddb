import { describe, expect, it } from 'vitest';
import { readInstalledTable } from '../../scripts/installed-sdk';
import { policyError, ZOOM_API_TABLE } from '../api-policy';
import type { MeetingInfo, Person, SdkRole, SimRunningContext, UserStatus } from '../sim-types';
import { parseApiDoc, parseSdkTypings } from './sdk-doc-table';

const person = (role: SdkRole, status: UserStatus = 'authorized'): Person => ({
  id: 'p1',
  screenName: 'X',
  role,
  participantUUID: 'u',
  participantId: '1',
  userId: 'z',
  status,
  dnd: false,
});
const MEETING: Pick<MeetingInfo, 'kind'> = { kind: 'meeting' };
const WEBINAR: Pick<MeetingInfo, 'kind'> = { kind: 'webinar' };
const allowed = (api: string, who: Person, ctx: SimRunningContext = 'inMeeting', meeting = MEETING) =>
  policyError(api, who, ctx, meeting);

describe('the simulator policy is Zoom’s table, read from @zoom/appssdk’s typings', () => {
  it('is checked in exactly as the installed sdk.d.ts gives it (rebuild with `npm run zoom:api-table`)', () => {
    expect(ZOOM_API_TABLE).toEqual(readInstalledTable());
  });

  it('reads roles, guest mode, running contexts and the desktop version from a doc comment', () => {
    const doc = parseApiDoc(`
     * @zoomDesktopClientVersion 5.11.3
     * *Running context*: inMail, inMeeting, inMainClient, inWebinar, and inPhone
     *  *Supported roles*: Host, Co-Host, Participant,  Panelist
     *  *Supports Guest Mode*: No`);
    expect(doc).toEqual({
      desktopVersion: '5.11.3',
      contexts: ['inMail', 'inMainClient', 'inMeeting', 'inPhone', 'inWebinar'],
      roles: ['Host', 'Co-Host', 'Participant', 'Panelist'],
      guestMode: false,
      meetingsOnly: false,
    });
    expect(parseApiDoc('* *Running context*: all\n* *Supports Guest Mode*: Yes')).toMatchObject({
      contexts: 'all',
      guestMode: true,
      roles: null,
    });
  });

  it('finds every method of ZoomSdk, and nothing outside the class', () => {
    const table = parseSdkTypings(
      'declare type X = 1;\n/** a */\n    notMe(): void;\ndeclare class ZoomSdk {\n    /**\n     * *Supported roles*: Host\n     */\n    getThing(): Promise<void>;\n}',
      'x',
    );
    expect(Object.keys(table.apis)).toEqual(['getThing']);
    expect(Object.keys(ZOOM_API_TABLE.apis).length).toBeGreaterThan(150);
  });

  // The two mismatches the hand-written policy had (issue 12).
  it('lets guests list breakout rooms and keeps onMeeting from them, as the typings say', () => {
    expect(allowed('getBreakoutRoomList', person('attendee', 'unauthenticated'))).toBeUndefined();
    expect(allowed('onMeeting', person('attendee', 'unauthenticated'))).toBe('GUEST_MODE');
    expect(allowed('onMeeting', person('attendee'))).toBeUndefined();
  });

  it('treats a signed-in user who has not added the app as a guest too', () => {
    expect(allowed('authorize', person('attendee', 'authenticated'))).toBe('GUEST_MODE');
    expect(allowed('promptAuthorize', person('attendee', 'authenticated'))).toBeUndefined();
  });

  it('gives webinar attendees the guest APIs only, and only the host the invitation to all attendees', () => {
    const attendee = person('attendee');
    expect(allowed('getUserContext', attendee, 'inWebinar', WEBINAR)).toBeUndefined();
    expect(allowed('getMeetingUUID', attendee, 'inWebinar', WEBINAR)).toBeUndefined();
    expect(allowed('connect', attendee, 'inWebinar', WEBINAR)).toBe('ROLE_NOT_ALLOWED');
    expect(allowed('getMeetingParticipants', attendee, 'inWebinar', WEBINAR)).toBe('GUEST_MODE');
    expect(allowed('sendAppInvitationToAllParticipants', person('host'), 'inWebinar', WEBINAR)).toBeUndefined();
    expect(allowed('sendAppInvitationToAllParticipants', person('coHost'), 'inWebinar', WEBINAR)).toBe(
      'INVITE_NO_PRIVILEGE',
    );
    expect(allowed('getBreakoutRoomList', person('panelist'), 'inWebinar', WEBINAR)).toBe('ROLE_NOT_ALLOWED');
  });

  it('keeps meeting APIs out of the main client and honours listed running contexts', () => {
    expect(allowed('getMeetingParticipants', person('host'), 'inMainClient')).toBe('WRONG_CONTEXT');
    expect(allowed('getMeetingUUID', person('host'), 'inMainClient')).toBe('WRONG_CONTEXT');
    expect(allowed('getMeetingUUID', person('host'), 'inCollaborate')).toBeUndefined();
    expect(allowed('onMessage', person('host'), 'inImmersive')).toBe('WRONG_CONTEXT');
    expect(allowed('getAppContext', person('attendee'), 'inCamera')).toBeUndefined();
  });
});
