import { describe, expect, it, vi } from 'vitest';
import { errorText, translator } from '../i18n';
import { createFakeLink } from '../test/fakes';
import { createMeetingController } from './meeting-controller';
import { TransportError } from './realtime-link';

describe('the meeting controller while offline', () => {
  it('answers a host action that got no ack with UNAVAILABLE: “you are offline”, not “something went wrong on our side”', async () => {
    const { link, requests } = createFakeLink();
    const controller = createMeetingController({ link, notify: vi.fn(), announce: vi.fn() });
    const closing = controller.request('poll:close', { pollId: 'p1' });
    requests[0]!.reject(new TransportError('Not connected to Quorum.'));
    const result = await closing;
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    if (result.ok) return;
    const t = translator('en');
    expect(t('host.requestFailed', { reason: errorText(t, result.error) })).toBe(
      'Could not do that: you are offline; try again once reconnected',
    );
    expect(errorText(translator('de'), result.error)).toContain('offline');
  });

  it('reconnects now through the link when asked (the banner’s button)', () => {
    const { link } = createFakeLink();
    createMeetingController({ link, notify: vi.fn(), announce: vi.fn() }).reconnectNow();
    expect(link.reconnect).toHaveBeenCalledTimes(1);
  });
});
