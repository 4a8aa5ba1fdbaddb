import type { Poll } from '@quorum/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderBoot } from '../../test/boot-harness';
import { fakeQuorumApi } from '../../test/fake-quorum-api';
import { createFakeZoom } from '../../test/fakes';
import { makePoll, makeSession, makeSnapshot, makeTally } from '../../test/fixtures';
import { settle, trackViews } from '../../test/render';
import type { ZoomParticipant } from '../../zoom/zoom-port';

afterEach(() => vi.unstubAllGlobals());
const track = trackViews();

/** The app booted as the meeting's host, with these Zoom participants and polls. */
async function hostPanel(polls: Poll[], participants: ZoomParticipant[] = []) {
  vi.stubGlobal('fetch', fakeQuorumApi({}).fetchFn);
  const zoom = createFakeZoom();
  zoom.state.participants = participants;
  const session = makeSession({ role: 'host', isHost: true });
  const view = track(await renderBoot(session, zoom));
  await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session, polls })));
  return view;
}

describe('the host’s poll card', () => {
  it('offers to close once everyone but the hosts has voted, and closes in one click', async () => {
    const view = await hostPanel(
      [makePoll()],
      [
        { participantUUID: 'h', screenName: 'Ann', role: 'host' },
        { participantUUID: 'p1', screenName: 'Bo', role: 'participant' },
        { participantUUID: 'p2', screenName: 'Cy', role: 'participant' },
      ],
    );
    await settle(() => view.emit('poll:tally', makeTally({ turnout: 1, version: 1 })));
    expect(view.byTestId('all-voted')).toBeNull();

    await settle(() => view.emit('poll:tally', makeTally({ turnout: 2, version: 2 })));
    expect(view.byTestId('all-voted')?.textContent).toContain('Everyone has voted (2 of 2)');
    await settle(() => view.button('Close now')!.click());
    expect(view.requests.map((r) => [r.event, r.payload])).toContainEqual(['poll:close', { pollId: 'p1' }]);
  });

  it('duplicates a closed poll as a new draft with the same questions and settings', async () => {
    const closed = makePoll({
      status: 'closed',
      settings: { anonymous: true, resultsVisibility: 'after_close', allowAnswerChange: false, closeAfterSec: 30 },
    });
    const view = await hostPanel([closed]);
    await settle(() => view.byTestId('poll-fold')!.click());
    await settle(() => view.button('Duplicate')!.click());
    const create = view.requests.find((r) => r.event === 'poll:create');
    expect(create?.payload).toMatchObject({
      title: 'Lunch? (copy)',
      questions: [{ kind: 'single', prompt: 'Where?', options: [{ label: 'Pizza' }, { label: 'Sushi' }] }],
      settings: closed.settings,
    });
  });

  it('selects every non-voter of the open poll in one click and invites exactly them, naming the poll', async () => {
    const people = ['me', 'p1', 'p2', 'p3'].map((id) => ({
      participantUUID: id,
      screenName: id,
      role: 'participant' as const,
    }));
    const view = await hostPanel([makePoll()], people);
    const voters = view.requests.find((r) => r.event === 'poll:voters')!;
    await settle(() => voters.resolve({ ok: true, data: { anonymous: false, participantUUIDs: ['p2'] } }));
    await settle(() => view.byTestId('invite-select-all')!.click());
    await settle(() => view.button('Invite selected (2)')!.click());
    expect(view.zoom.sendAppInvitation).toHaveBeenCalledWith({
      participantUUIDs: ['p1', 'p3'],
      messageText: 'Please vote in “Lunch?” — open Quorum to answer.',
    });
    expect(document.querySelector('[data-testid=toast]')?.textContent).toBe('Invited 2 people.×');
  });
});
