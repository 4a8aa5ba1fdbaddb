import { DEFAULT_QA_SETTINGS } from '@quorum/shared';
import { describe, expect, it, vi } from 'vitest';
import { errorText, translator } from '../i18n';
import { createFakeLink } from '../test/fakes';
import { makePoll, makeSession, makeSnapshot } from '../test/fixtures';
import { createMeetingController } from './meeting-controller';
import { qaQuestions } from './qa-state';
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

describe('live changes a participant is told of', () => {
  it('notifies a participant when a poll opens, closes and shares its results, never a host, never from a snapshot', async () => {
    const told = async (role: 'participant' | 'host') => {
      const { link, emit } = createFakeLink();
      const notify = vi.fn();
      createMeetingController({ link, notify, announce: vi.fn() });
      const session = makeSession({ role, isHost: role === 'host' });
      emit('meeting:snapshot', makeSnapshot({ session, polls: [makePoll({ status: 'closed' })] }));
      emit('poll:updated', makePoll({ status: 'open', run: 2 }), 0);
      emit('poll:updated', makePoll({ status: 'closed', run: 2 }), 0);
      emit('poll:updated', makePoll({ status: 'closed', run: 2, resultsShared: true }), 0);
      // The same poll again (a re-sent update) tells nobody anything new.
      emit('poll:updated', makePoll({ status: 'closed', run: 2, resultsShared: true }), 0);
      return notify.mock.calls.map((call) => {
        const n = call[0] as { title: string; message: string };
        return `${n.title}: ${n.message}`;
      });
    };
    expect(await told('participant')).toEqual(['New poll: Lunch?', 'Poll closed: Lunch?', 'Results shared: Lunch?']);
    expect(await told('host')).toEqual([]);
  });
});

describe('audience Q&A in the meeting state', () => {
  it('keeps the lists the server sends, and shows my own question and upvote from their acks at once', async () => {
    const { link, emit, requests } = createFakeLink();
    const controller = createMeetingController({ link, notify: vi.fn(), announce: vi.fn() });
    const base = { meetingId: 'm1', settings: { ...DEFAULT_QA_SETTINGS, enabled: true } };
    const live = {
      text: 'Lunch?',
      status: 'live' as const,
      pinned: false,
      reply: null,
      anonymous: false,
      editedAt: null,
    };
    emit('meeting:snapshot', makeSnapshot({ qa: { ...base, version: 1, questions: [] } }));
    emit('qa:update', { ...base, version: 2, questions: [{ ...live, id: 'q1', createdAt: 1, upvotes: 3 }] });
    const asking = controller.request('qa:ask', { text: 'Mine?', clientId: 'client-ask-1' });
    requests[0]!.resolve({
      ok: true,
      data: { question: { ...live, id: 'q2', text: 'Mine?', status: 'waiting', createdAt: 2 } },
    });
    await asking;
    const voting = controller.request('qa:upvote', { questionId: 'q1', up: true, clientId: 'client-up-1' });
    requests[1]!.resolve({ ok: true, data: { questionId: 'q1', up: true } });
    await voting;
    expect(qaQuestions(controller.store.getState().qa, 'top')).toMatchObject([
      { id: 'q1', upvotes: 3, upvoted: true },
      { id: 'q2', status: 'waiting', mine: true },
    ]);
  });
});
