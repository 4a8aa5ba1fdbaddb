// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_ZOOM_CLIENT_VERSION, ZOOM_CAPABILITIES } from '../../src/zoom/capabilities';
import { ZOOM_API_USES, type ZoomTableRole } from '../../src/zoom/zoom-usage';
import { policyError, ZOOM_API_TABLE } from '../api-policy';
import type { Person, SdkRole, SimRunningContext } from '../sim-types';

// The conformance check: what the app calls, held to Zoom's own table (sdk.d.ts, via the simulator's
// generated policy), and to what it declares in config's capabilities.
const adapterSource = readFileSync(join(process.cwd(), 'client/src/zoom/sdk-adapter.ts'), 'utf8');
const PLUMBING = new Set(['config', 'addEventListener', 'removeEventListener']);
const calledApis = [...new Set([...adapterSource.matchAll(/\bsdk\.(\w+)\(/g)].map((m) => m[1] ?? ''))].filter(
  (api) => !PLUMBING.has(api),
);
const listenedEvents = [
  ...new Set([...adapterSource.matchAll(/\blisten(?:<[^>]*>)?\(sdk, '(\w+)'/g)].map((m) => m[1] ?? '')),
];

const SIM_ROLE: Record<ZoomTableRole, { role: SdkRole; webinar: boolean }> = {
  Host: { role: 'host', webinar: false },
  'Co-Host': { role: 'coHost', webinar: false },
  Participant: { role: 'attendee', webinar: false },
  Panelist: { role: 'panelist', webinar: true },
  Attendee: { role: 'attendee', webinar: true },
};
const personFor = (role: ZoomTableRole, guest: boolean): Person => ({
  id: 'p',
  screenName: 'X',
  role: SIM_ROLE[role].role,
  participantUUID: 'u',
  participantId: '1',
  userId: 'z',
  status: guest ? 'unauthenticated' : 'authorized',
  dnd: false,
});
const versionParts = (v: string) => v.split('.').map(Number);
const newer = (a: string, b: string) => {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

describe('Zoom conformance: every SDK call the client makes', () => {
  it('finds the adapter’s calls and events (the source scan works)', () => {
    expect(calledApis).toEqual(expect.arrayContaining(['getAppContext', 'getMeetingParticipants', 'authorize']));
    expect(listenedEvents).toEqual(expect.arrayContaining(['onMeeting', 'onAuthorized', 'onMessage']));
  });

  it('is listed in config’s capabilities, and capabilities list nothing the app does not use', () => {
    const used = new Set([...calledApis, ...listenedEvents]);
    expect(calledApis.filter((api) => !(ZOOM_CAPABILITIES as readonly string[]).includes(api))).toEqual([]);
    expect(listenedEvents.filter((event) => !(ZOOM_CAPABILITIES as readonly string[]).includes(event))).toEqual([]);
    expect(ZOOM_CAPABILITIES.filter((api) => !used.has(api))).toEqual([]);
  });

  it('is declared in ZOOM_API_USES with the roles and contexts it is made in', () => {
    const declared = new Set(ZOOM_API_USES.map((use) => use.api));
    expect(calledApis.filter((api) => !declared.has(api as never))).toEqual([]);
    expect([...declared].filter((api) => !calledApis.includes(api))).toEqual([]);
  });

  it('is made only where Zoom’s table allows it (role × running context × guest mode)', () => {
    const refused: string[] = [];
    for (const use of ZOOM_API_USES) {
      for (const role of use.roles) {
        for (const ctx of use.contexts) {
          // Panelists and attendees exist only in webinars; Participants only outside them.
          if (SIM_ROLE[role].webinar !== (ctx === 'inWebinar') && ctx !== 'inMainClient') continue;
          for (const guest of use.guests ? [false, true] : [false]) {
            const why = policyError(use.api, personFor(role, guest), ctx as SimRunningContext, {
              kind: ctx === 'inWebinar' ? 'webinar' : 'meeting',
            });
            if (why) refused.push(`${use.api} by ${role}${guest ? ' (guest)' : ''} in ${ctx}: ${why}`);
          }
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it('needs no desktop client newer than MIN_ZOOM_CLIENT_VERSION', () => {
    const needed = ZOOM_CAPABILITIES.map((api) => ZOOM_API_TABLE.apis[api]?.desktopVersion ?? '0').reduce((a, b) =>
      newer(b, a) ? b : a,
    );
    expect(needed).toBe(MIN_ZOOM_CLIENT_VERSION);
  });
});
