import { describe, expect, it, vi } from 'vitest';
import { ZOOM_CAPABILITIES } from './capabilities';
import type { ConfigPolicy } from './config-lifecycle';
import { createSdkAdapter } from './sdk-adapter';
import { NotInZoomError } from './zoom-port';

type Sdk = NonNullable<Parameters<typeof createSdkAdapter>[0]>;

/** Just enough of the SDK's surface, with the event registry exposed for firing. */
function fakeSdk(policy?: ConfigPolicy) {
  const listeners = new Map<string, ((data: unknown) => void)[]>();
  const sdk = {
    config: vi.fn(async () => ({
      runningContext: 'inMeeting',
      unsupportedApis: ['sendAppInvitation'],
      clientVersion: '6.3.0',
    })),
    addEventListener: (name: string, h: (data: unknown) => void) =>
      listeners.set(name, [...(listeners.get(name) ?? []), h]),
    removeEventListener: (name: string, h: (data: unknown) => void) =>
      listeners.set(
        name,
        (listeners.get(name) ?? []).filter((x) => x !== h),
      ),
    showNotification: vi.fn(async () => ({ message: 'Success' })),
    sendAppInvitation: vi.fn(async () => ({ invitationUUID: 'i' })),
    authorize: vi.fn(async () => ({ message: 'Success' })),
    expandApp: vi.fn(async () => ({ message: 'Success' })),
  };
  const fire = (name: string, data: unknown) => listeners.get(name)?.forEach((h) => h(data));
  return { sdk, fire, adapter: createSdkAdapter(sdk as unknown as Sdk, policy ? { policy } : {}) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sdk adapter', () => {
  it('configures version 0.16 with exactly the capabilities used', async () => {
    const { sdk, adapter } = fakeSdk();
    const config = await adapter.config();
    expect(sdk.config).toHaveBeenCalledWith({
      version: '0.16',
      capabilities: [...ZOOM_CAPABILITIES],
      popoutSize: { width: 960, height: 640 },
    });
    expect(config.unsupportedApis).toEqual(['sendAppInvitation']);
  });

  it('re-configures after running-context and user-context changes', async () => {
    const { sdk, adapter, fire } = fakeSdk();
    await adapter.config();
    const onContext = vi.fn();
    const onUser = vi.fn();
    adapter.onRunningContextChange(onContext);
    adapter.onMyUserContextChange(onUser);
    fire('onRunningContextChange', { runningContext: 'inMeeting', timestamp: 1 });
    fire('onMyUserContextChange', { role: 'coHost', screenName: 'Ann', timestamp: 2 });
    await settle();
    expect(sdk.config).toHaveBeenCalledTimes(3);
    expect(onContext).toHaveBeenCalledTimes(1);
    expect(onUser).toHaveBeenCalledWith(
      { role: 'cohost', screenName: 'Ann' },
      expect.objectContaining({ runningContext: 'inMeeting' }),
    );
  });

  it('re-configures after the app changes its own URL: Zoom binds the config token to it', async () => {
    const { sdk, adapter } = fakeSdk();
    await adapter.config();
    window.history.replaceState(window.history.state, '', '/?present=p1');
    await settle();
    expect(sdk.config).toHaveBeenCalledTimes(2);
    window.history.replaceState(window.history.state, '', '/');
  });

  it('retries a first config that Zoom did not answer, then resolves', async () => {
    const { sdk, adapter } = fakeSdk({ attemptTimeoutMs: 20, retryDelaysMs: [1], renewEveryMs: 60_000 });
    sdk.config.mockImplementationOnce(() => new Promise(() => {}));
    const onRetry = vi.fn();
    await expect(adapter.config(onRetry)).resolves.toMatchObject({ runningContext: 'inMeeting' });
    expect(sdk.config).toHaveBeenCalledTimes(2);
    expect(onRetry).toHaveBeenCalledWith({ attempt: 2, of: 2 });
  });

  it('reports breakout-room moves and names the rooms, with no rooms while they are not open', async () => {
    const { sdk, adapter, fire } = fakeSdk();
    const moves = vi.fn();
    adapter.onBreakoutRoomChange(moves);
    fire('onBreakoutRoomChange', { action: 'join', breakoutRoomUUID: 'room-1', timestamp: 3 });
    expect(moves).toHaveBeenCalledWith({ action: 'join', roomId: 'room-1' });
    const list = vi.fn(async () => ({ rooms: [{ breakoutRoomId: 'room-1', name: 'Design' }], state: 'open' }));
    Object.assign(sdk, { getBreakoutRoomList: list });
    await expect(adapter.getBreakoutRoomList()).resolves.toEqual([{ id: 'room-1', name: 'Design' }]);
    list.mockRejectedValueOnce(Object.assign(new Error('Breakout Rooms are not open.'), { code: 10092 }));
    await expect(adapter.getBreakoutRoomList()).resolves.toEqual([]);
    list.mockRejectedValueOnce(Object.assign(new Error('No Permission'), { code: '80002' }));
    await expect(adapter.getBreakoutRoomList()).rejects.toThrow('No Permission');
  });

  it('swallows do-not-disturb but not other notification errors', async () => {
    const { sdk, adapter } = fakeSdk();
    sdk.showNotification.mockRejectedValueOnce(Object.assign(new Error('dnd'), { code: 10042 }));
    await expect(adapter.showNotification({ type: 'info', title: 't', message: 'm' })).resolves.toBeUndefined();
    sdk.showNotification.mockRejectedValueOnce(Object.assign(new Error('denied'), { code: 10001 }));
    await expect(adapter.showNotification({ type: 'info', title: 't', message: 'm' })).rejects.toThrow('denied');
  });

  it('invites in batches of ten', async () => {
    const { sdk, adapter } = fakeSdk();
    await adapter.sendAppInvitation({ participantUUIDs: Array.from({ length: 25 }, (_, i) => `u${i}`) });
    expect(
      sdk.sendAppInvitation.mock.calls.map(
        (c) => (c as unknown as [{ participantUUIDs: string[] }])[0].participantUUIDs.length,
      ),
    ).toEqual([10, 10, 5]);
  });

  it('hands the invitation text to every batch', async () => {
    const { sdk, adapter } = fakeSdk();
    await adapter.sendAppInvitation({ participantUUIDs: ['a', 'b'], messageText: 'Vote in “Lunch”' });
    expect(sdk.sendAppInvitation).toHaveBeenCalledWith({
      participantUUIDs: ['a', 'b'],
      messageText: 'Vote in “Lunch”',
    });
  });

  it('unwraps postMessage payloads and stops listening on unsubscribe', async () => {
    const { adapter, fire } = fakeSdk();
    const onMessage = vi.fn();
    const off = adapter.onMessage(onMessage);
    fire('onMessage', { timestamp: 1, payload: { type: 'x' } });
    off();
    fire('onMessage', { timestamp: 2, payload: { type: 'y' } });
    expect(onMessage.mock.calls).toEqual([[{ type: 'x' }]]);
  });

  it('forwards authorize and reports onAuthorized in the port’s shape', async () => {
    const { sdk, adapter, fire } = fakeSdk();
    await adapter.authorize({ codeChallenge: 'c', state: 's' });
    expect(sdk.authorize).toHaveBeenCalledWith({ codeChallenge: 'c', state: 's' });
    const onAuthorized = vi.fn();
    adapter.onAuthorized(onAuthorized);
    fire('onAuthorized', { code: 'k', redirectUri: 'http://x/', result: true, state: 's', timestamp: 1 });
    expect(onAuthorized).toHaveBeenCalledWith({ code: 'k', redirectUri: 'http://x/', result: true, state: 's' });
  });

  it('expands and collapses the panel with the options object the SDK takes', async () => {
    const { sdk, adapter } = fakeSdk();
    await adapter.expandApp('expand');
    await adapter.expandApp('collapse');
    expect(sdk.expandApp.mock.calls).toEqual([[{ action: 'expand' }], [{ action: 'collapse' }]]);
  });

  it('reports a page outside Zoom with the real SDK', async () => {
    await expect(createSdkAdapter().config()).rejects.toBeInstanceOf(NotInZoomError);
  });
});
