import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '@quorum/shared';
import { Boot } from './boot';
import { createAnnouncer } from './components/announcer';
import { DraftLibrary } from './features/library/draft-library';
import { createFakeLink, createFakeZoom, fakeSession } from './test/fakes';
import { makePoll, makeReceipt, makeSession, makeSnapshot, makeTally } from './test/fixtures';
import { render, settle } from './test/render';
import { NotInZoomError, ZoomUnavailableError, type ZoomConfig } from './zoom/zoom-port';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function boot(role: 'host' | 'participant', config: Partial<ZoomConfig> = {}) {
  const fakes = { ...createFakeZoom(config), ...createFakeLink() };
  const session = makeSession({ role, isHost: role === 'host' });
  const view = await render(
    <Boot
      zoom={fakes.zoom}
      library={new DraftLibrary(null)}
      announcer={createAnnouncer()}
      createSession={() => fakeSession(session)}
      openLink={() => fakes.link}
    />,
  );
  cleanups.push(view.unmount);
  return { ...fakes, ...view, session };
}

describe('Boot', () => {
  it('explains how to open Quorum when no Zoom host answers', async () => {
    const { zoom } = createFakeZoom();
    zoom.config = async () => {
      throw new NotInZoomError('The Zoom Apps SDK is not supported by this browser');
    };
    const view = await render(
      <Boot
        zoom={zoom}
        library={new DraftLibrary(null)}
        announcer={createAnnouncer()}
        createSession={() => fakeSession(makeSession())}
        openLink={() => createFakeLink().link}
      />,
    );
    cleanups.push(view.unmount);
    expect(view.byTestId('not-in-zoom')?.textContent).toContain('Open Quorum from Zoom');
  });

  it('says what to check when Zoom never answers config, and tries again on request', async () => {
    const { zoom } = createFakeZoom();
    const config = zoom.config;
    zoom.config = vi.fn(async () => {
      throw new ZoomUnavailableError('config took longer than 10000ms to respond', 3);
    });
    const view = await render(
      <Boot
        zoom={zoom}
        library={new DraftLibrary(null)}
        announcer={createAnnouncer()}
        createSession={() => fakeSession(makeSession())}
        openLink={() => createFakeLink().link}
      />,
    );
    cleanups.push(view.unmount);
    const page = view.byTestId('zoom-unavailable');
    expect(page?.textContent).toContain('Zoom is not answering');
    expect(page?.textContent).toContain('3 times');
    expect(page?.textContent).toContain('5.11.3');
    zoom.config = config;
    await settle(() => view.button('Try again')!.click());
    expect(view.byTestId('zoom-unavailable')).toBeNull();
  });

  it('explains itself in a running context where polls cannot run', async () => {
    const view = await boot('participant', { runningContext: 'inChat' });
    expect(view.byTestId('unsupported-context')?.textContent).toContain('inChat');
    expect(view.link.connect).not.toHaveBeenCalled();
  });

  it('shows the current poll large and without controls where Zoom renders the app for everyone', async () => {
    const view = await boot('host', { runningContext: 'inCamera' });
    await settle(() =>
      view.emit(
        'meeting:snapshot',
        makeSnapshot({ session: view.session, polls: [makePoll({ title: 'Lunch?' })], tallies: [makeTally()] }),
      ),
    );
    const stage = view.byTestId('present-view');
    expect(stage?.textContent).toContain('Lunch?');
    expect(view.byTestId('present-exit')).toBeNull();
    expect(view.byTestId('compose-poll')).toBeNull();
  });

  it.each(['inWebinar', 'inCollaborate'])('runs the meeting app %s', async (runningContext) => {
    const view = await boot('participant', { runningContext });
    await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session: view.session })));
    expect(view.byTestId('poll-card')).not.toBeNull();
  });

  it('shows the draft library in the main client', async () => {
    const view = await boot('host', { runningContext: 'inMainClient' });
    expect(view.container.querySelector('h1')?.textContent).toBe('Poll library');
    expect(view.link.connect).not.toHaveBeenCalled();
  });
});

describe('participant view', () => {
  it('tells a guest what they can do and offers to add Quorum through Zoom', async () => {
    const view = await boot('participant');
    await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session: view.session })));
    expect(view.byTestId('guest-note')?.textContent).toContain('you can vote');
    await settle(() => view.byTestId('guest-add-app')!.click());
    expect(view.zoom.promptAuthorize).toHaveBeenCalledTimes(1);
  });

  it('says nothing about guest mode to a participant Zoom knows', async () => {
    const fakes = { ...createFakeZoom(), ...createFakeLink() };
    const session = makeSession({ authorized: true });
    const view = await render(
      <Boot
        zoom={fakes.zoom}
        library={new DraftLibrary(null)}
        announcer={createAnnouncer()}
        createSession={() => fakeSession(session)}
        openLink={() => fakes.link}
      />,
    );
    cleanups.push(view.unmount);
    await settle(() => fakes.emit('meeting:snapshot', makeSnapshot({ session })));
    expect(view.byTestId('poll-card')).not.toBeNull();
    expect(view.byTestId('guest-note')).toBeNull();
  });

  it('votes, shows sending until the ack, then the receipt and a notification', async () => {
    const view = await boot('participant');
    await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session: view.session })));
    expect(view.byTestId('compose-poll')).toBeNull();
    expect(view.byTestId('poll-card')).not.toBeNull();
    await settle(() => view.container.querySelector<HTMLInputElement>('input[type=radio]')!.click());
    await settle(() => view.button('Submit vote')!.click());
    expect(view.container.textContent).toContain('Sending…');
    const request = view.requests.find((r) => r.event === 'ballot:submit')!;
    expect(request.payload).toMatchObject({
      pollId: 'p1',
      answers: [{ questionId: 'q1', answer: { kind: 'single', optionId: 'a' } }],
    });
    const { clientBallotId } = request.payload as { clientBallotId: string };
    await settle(() => request.resolve(ok({ receipts: [makeReceipt({ clientBallotId })] })));
    expect(view.byTestId('vote-receipt')?.textContent).toContain('Vote received');
    expect(view.zoom.showNotification).toHaveBeenCalledWith(expect.objectContaining({ title: 'Vote recorded' }));
  });

  it('notifies when a poll opens live, but not for a snapshot', async () => {
    const view = await boot('participant');
    await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session: view.session })));
    expect(view.zoom.showNotification).not.toHaveBeenCalled();
    await settle(() => view.emit('poll:updated', makePoll({ id: 'p2', title: 'Coffee?' })));
    expect(view.zoom.showNotification).toHaveBeenCalledWith({ type: 'info', title: 'New poll', message: 'Coffee?' });
  });

  it('shows turnout only when results are for the host', async () => {
    const view = await boot('participant');
    const poll = makePoll({
      settings: { anonymous: false, resultsVisibility: 'host_only', allowAnswerChange: false, closeAfterSec: null },
    });
    const { questions: _hidden, ...turnoutOnly } = makeTally({ turnout: 4 });
    await settle(() =>
      view.emit('meeting:snapshot', makeSnapshot({ session: view.session, polls: [poll], tallies: [turnoutOnly] })),
    );
    expect(view.byTestId('turnout')?.textContent).toBe('4 voted');
    expect(view.byTestId('result-bar')).toBeNull();
    expect(view.container.textContent).toContain('Results will be shown when the host shares them.');
  });
});

describe('host view', () => {
  it('offers composing and launching, and counts turnout against the participants', async () => {
    const view = await boot('host');
    // The host has no ballot, so only the three participants count towards turnout.
    const host = { participantUUID: 'u0', screenName: 'Host', role: 'host' as const };
    view.state.participants = [
      host,
      ...[1, 2, 3].map((i) => ({ participantUUID: `u${i}`, screenName: `P${i}`, role: 'participant' as const })),
    ];
    const draft = makePoll({ id: 'p2', status: 'draft', run: 0, title: 'Draft' });
    await settle(() =>
      view.emit(
        'meeting:snapshot',
        makeSnapshot({ session: view.session, polls: [makePoll(), draft], tallies: [makeTally({ turnout: 2 })] }),
      ),
    );
    await settle();
    expect(view.byTestId('compose-poll')).not.toBeNull();
    expect(view.byTestId('launch-poll')).not.toBeNull();
    expect(view.byTestId('close-poll')).not.toBeNull();
    expect(view.byTestId('invite-all')).not.toBeNull();
    expect(view.byTestId('turnout')?.textContent).toBe('2 of 3 voted');
    const bar = view.byTestId('result-bar')!;
    expect([bar.dataset.optionId, bar.dataset.count]).toEqual(['a', '1']);

    view.state.participants = view.state.participants.slice(0, 3);
    await settle(() => view.fire('participants'));
    expect(view.byTestId('turnout')?.textContent).toBe('2 of 2 voted');

    await settle(() => view.byTestId('launch-poll')!.click());
    expect(view.requests.at(-1)).toMatchObject({ event: 'poll:open', payload: { pollId: 'p2' } });
  });

  it('takes a fresh app context and reconnects once when Zoom moves me between breakout rooms', async () => {
    const fakes = { ...createFakeZoom(), ...createFakeLink() };
    const session = {
      ...fakeSession(makeSession({ role: 'participant', isHost: false })),
      renew: vi.fn(async () => true),
    };
    const view = await render(
      <Boot
        zoom={fakes.zoom}
        library={new DraftLibrary(null)}
        announcer={createAnnouncer()}
        createSession={() => session}
        openLink={() => fakes.link}
      />,
    );
    cleanups.push(view.unmount);
    // Zoom does not reload the app: a move from one room to another is a leave and a join.
    fakes.fire('breakout', { action: 'leave', roomId: 'room-a' });
    fakes.fire('breakout', { action: 'join', roomId: 'room-b' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(session.renew).toHaveBeenCalledTimes(1);
    expect(fakes.link.reconnect).toHaveBeenCalledTimes(1);
  });

  it('hides what this Zoom client does not support', async () => {
    const view = await boot('host', {
      unsupportedApis: ['sendAppInvitationToAllParticipants', 'getMeetingParticipants'],
    });
    await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session: view.session })));
    expect(view.byTestId('invite-all')).toBeNull();
    expect(view.byTestId('turnout')?.textContent).toBe('0 voted');
    expect(view.container.textContent).toContain('Inviting everyone is not available here');
  });
});
