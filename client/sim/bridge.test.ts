// @vitest-environment jsdom
import type ZoomSdk from '@zoom/appssdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLookup } from './bridge';
import { readSimOptions } from './sim-options';
import { createSimulator, type Simulator } from './simulator';

// Drives the unmodified @zoom/appssdk against the simulator's bridge inside one jsdom window: the SDK
// is made to believe it is framed, and its "parent" hands each request to the bridge as a message
// event from this window, which the frame lookup maps to Hana's meeting pane.
const HANA = 'p1:inMeeting';

let sdk: typeof ZoomSdk;
let sim: Simulator;
const sealedBodies: object[] = [];

// The dev server's fake Zoom cloud: mint answers with a code, everything else with an empty object.
// Kept in a plain array: vitest clears a mock's call history between tests.
const posted: { path: string; body: { state?: string } }[] = [];
const cloudFetch = async (url: RequestInfo | URL, init?: RequestInit) => {
  const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { state?: string }) : {};
  posted.push({ path: String(url), body });
  const answer = String(url).endsWith('/oauth/mint')
    ? { code: `minted-${cloudCalls('/sim/zoom/oauth/mint').length}`, state: body.state ?? null }
    : {};
  return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
};
/** The JSON bodies the simulator posted to one fake-cloud path, oldest first. */
const cloudCalls = (path: string): unknown[] => posted.filter((p) => p.path === path).map((p) => p.body);

function pretendToBeFramed(): void {
  // Without ImageData every SDK call fails with "Failed to serialize NativeApiRequest".
  Object.assign(window, { ImageData: class ImageData {} });
  const nativeSide = {
    postMessage(data: unknown) {
      window.dispatchEvent(new MessageEvent('message', { data, source: window }));
    },
  };
  Object.defineProperty(window, 'top', { configurable: true, get: () => nativeSide });
  Object.defineProperty(window, 'parent', { configurable: true, get: () => nativeSide });
}

const frames: FrameLookup = {
  keyFor: (source) => (source === window ? HANA : undefined),
  windowFor: (key) => (key === HANA ? window : undefined),
};

const CAPABILITIES = [
  'getRunningContext',
  'getUserContext',
  'getAppContext',
  'showNotification',
  'getMeetingParticipants',
  'sendAppInvitation',
  'onMyUserContextChange',
  'onParticipantChange',
  'authorize',
  'onAuthorized',
];

// The browser build (package.json "module"), as Vite serves it to the real app. The package's "main" is a
// CommonJS build that vitest would load outside its transform pipeline, where the SDK's catch-all Proxy
// answers `then` and the import never settles.
const SDK_ESM = '@zoom/appssdk/dist/sdk.es.js';

beforeAll(async () => {
  pretendToBeFramed();
  // Held in an object: awaiting the Proxy itself would call its fake `then`.
  sdk = ((await import(/* @vite-ignore */ SDK_ESM)) as { default: typeof ZoomSdk }).default;
  sim = createSimulator({
    host: window,
    frames,
    options: readSimOptions('?toastMs=0', 'http://localhost:3000'),
    fetchContext: async (body) => {
      sealedBodies.push(body);
      return 'sealed-context';
    },
    cloudFetch,
  });
});

afterAll(() => sim.bridge.dispose());

const state = () => sim.meeting.state();
const person = (id: string) => state().persons.find((p) => p.id === id)!;

describe('the simulator bridge, driven by the real @zoom/appssdk', () => {
  it('answers config with what the SDK requires and records the capabilities', async () => {
    const config = await sdk.config({ version: '0.16', capabilities: CAPABILITIES as never });
    expect(config).toMatchObject({
      clientVersion: '6.3.0',
      runningContext: 'inMeeting',
      unsupportedApis: [],
      product: 'desktop',
    });
    expect(config.auth).toEqual({ status: 'authorized', upgradable: false });
    expect(state().panes[HANA]?.capabilities).toEqual(CAPABILITIES);
  });

  it('keeps the popout size the app asks for (the SDK sends it as `size`), and pops the pane out and back', async () => {
    await sdk.config({ version: '0.16', capabilities: CAPABILITIES as never, popoutSize: { width: 960, height: 640 } });
    expect(state().panes[HANA]).toMatchObject({ popoutSize: { width: 960, height: 640 }, poppedOut: false });
    sim.meeting.togglePopout(HANA);
    expect(state().panes[HANA]?.poppedOut).toBe(true);
    sim.meeting.togglePopout(HANA);
    expect(state().panes[HANA]?.poppedOut).toBe(false);
    await sdk.config({ version: '0.16', capabilities: CAPABILITIES as never });
    expect(state().panes[HANA]?.popoutSize).toBeNull();
  });

  it('answers getRunningContext with a bare string, which the SDK wraps', async () => {
    expect(await sdk.getRunningContext()).toEqual({ context: 'inMeeting' });
  });

  it('answers getUserContext in SDK casing', async () => {
    const me = await sdk.getUserContext();
    expect(me).toMatchObject({
      screenName: 'Hana',
      role: 'host',
      status: 'authorized',
      participantUUID: person('p1').participantUUID,
    });
    expect(me.participantUUID).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it('seals getAppContext for this person and meeting', async () => {
    expect(await sdk.getAppContext()).toEqual({ context: 'sealed-context' });
    expect(sealedBodies.at(-1)).toEqual({
      mid: state().meeting.uuid,
      uid: person('p1').userId,
      role: 'host',
      typ: 'meeting',
    });
  });

  it('registers the meeting and its people with the fake cloud, which sends meeting.started and the joins', async () => {
    await sim.cloud.idle();
    const hana = person('p1');
    expect(cloudCalls('/sim/zoom/meetings')).toEqual([
      { uuid: state().meeting.uuid, topic: 'Team sync', hostId: hana.userId },
    ]);
    expect(cloudCalls('/sim/zoom/users')).toContainEqual({ uid: hana.userId, name: 'Hana' });
    const events = cloudCalls('/sim/zoom/events') as { event: string; participant?: { name: string } }[];
    expect(events[0]).toEqual({
      event: 'meeting.started',
      meetingUuid: state().meeting.uuid,
      topic: 'Team sync',
      hostId: hana.userId,
    });
    expect(events.slice(1).map((e) => [e.event, e.participant?.name])).toEqual(
      ['Hana', 'Ines', 'Omar', 'Paul'].map((name) => ['meeting.participant_joined', name]),
    );
  });

  it('answers authorize, mints a real code with the fake cloud and raises onAuthorized with it', async () => {
    const authorized = new Promise((resolve) => sdk.onAuthorized(resolve));
    await expect(sdk.authorize({ codeChallenge: 'challenge-1', state: 'state-1' })).resolves.toEqual({
      message: 'Success',
    });
    await expect(authorized).resolves.toMatchObject({
      code: 'minted-1',
      redirectUri: 'http://localhost:3000/',
      result: true,
      state: 'state-1',
    });
    expect(cloudCalls('/sim/zoom/oauth/mint')).toEqual([
      {
        uid: person('p1').userId,
        redirectUri: 'http://localhost:3000/',
        codeChallenge: 'challenge-1',
        method: 'plain',
        state: 'state-1',
      },
    ]);
  });

  it('mints with the PKCE method chosen in the settings', async () => {
    sim.meeting.setPkceMethod('S256');
    const authorized = new Promise((resolve) => sdk.onAuthorized(resolve));
    await sdk.authorize({ codeChallenge: 'challenge-2', state: 'state-2' });
    await expect(authorized).resolves.toMatchObject({ code: 'minted-2', state: 'state-2' });
    expect(cloudCalls('/sim/zoom/oauth/mint').at(-1)).toMatchObject({ codeChallenge: 'challenge-2', method: 'S256' });
  });

  it('shows a notification as a toast in the caller pane', async () => {
    await expect(
      sdk.showNotification({ type: 'info', title: 'Poll open', message: 'Vote now' } as never),
    ).resolves.toEqual({ message: 'Success' });
    expect(state().panes[HANA]?.toasts).toMatchObject([{ type: 'info', title: 'Poll open', message: 'Vote now' }]);
  });

  it('delivers sendAppInvitation, which arrives as user_UUID_list', async () => {
    const { invitationUUID } = await sdk.sendAppInvitation({ participantUUIDs: [person('p2').participantUUID] });
    expect(invitationUUID).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(state().invitations.p2).toEqual([{ invitationUUID, fromName: 'Hana' }]);
    expect(state().log.find((e) => e.api === 'sendAppInvitation')?.args).toEqual({
      user_UUID_list: [person('p2').participantUUID],
    });
  });

  it('carries sendAppInvitation’s messageText to the invitation', async () => {
    const uuid = person('p3').participantUUID;
    const { invitationUUID } = await sdk.sendAppInvitation({
      participantUUIDs: [uuid],
      messageText: 'Vote in “Lunch”',
    });
    expect(state().invitations.p3).toEqual([{ invitationUUID, fromName: 'Hana', messageText: 'Vote in “Lunch”' }]);
  });

  it('rejects with a ZoomApiError carrying Zoom’s code', async () => {
    sim.meeting.setDnd('p1', true);
    await expect(sdk.showNotification({ type: 'info', title: 'x', message: 'y' } as never)).rejects.toMatchObject({
      code: '10042',
      message: 'Not allowed to show notification for do-not-disturb-mode.',
    });
    await expect(sdk.getMeetingContext()).rejects.toMatchObject({ code: '80002' });
  });

  it('pushes onMyUserContextChange on a role change, after which host-only calls fail', async () => {
    const seen = new Promise((resolve) => sdk.onMyUserContextChange(resolve));
    sim.meeting.setRole('p1', 'attendee');
    await expect(seen).resolves.toMatchObject({ role: 'attendee', screenName: 'Hana', status: 'authorized' });
    await expect(sdk.getMeetingParticipants()).rejects.toMatchObject({ code: '80012' });
  });

  it('lists switched-off and role-gated APIs in unsupportedApis, and refuses them', async () => {
    sim.meeting.setApiDisabled('getUserContext', true);
    const config = await sdk.config({ version: '0.16', capabilities: CAPABILITIES as never });
    expect(config.unsupportedApis).toEqual(
      expect.arrayContaining(['getUserContext', 'getMeetingParticipants', 'onParticipantChange']),
    );
    await expect(sdk.getUserContext()).rejects.toMatchObject({ code: '80004' });
  });

  it('drops events the instance did not ask for, and says so in the log', () => {
    sim.meeting.endMeeting();
    const toHana = state().log.filter((e) => e.paneKey === HANA && e.api === 'onMeeting');
    expect(toHana).toMatchObject([{ kind: 'event', args: { action: 'ended' }, note: 'dropped: not in capabilities' }]);
  });

  it('tells the fake cloud the meeting ended, so it sends meeting.ended', async () => {
    await sim.cloud.idle();
    expect(cloudCalls('/sim/zoom/events').at(-1)).toMatchObject({
      event: 'meeting.ended',
      meetingUuid: state().meeting.uuid,
      topic: 'Team sync',
    });
  });
});
