import { afterEach, describe, expect, it, vi } from 'vitest';
import { Boot } from '../../boot';
import { createAnnouncer } from '../../components/announcer';
import { fakeQuorumApi } from '../../test/fake-quorum-api';
import { createFakeLink, createFakeZoom, fakeSession } from '../../test/fakes';
import { makePoll, makeSession, makeSnapshot, makeTally } from '../../test/fixtures';
import { render, settle } from '../../test/render';
import { DraftLibrary } from '../library/draft-library';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  vi.unstubAllGlobals();
});

describe('the host’s open poll', () => {
  it('offers to close once everyone but the hosts has voted, and closes in one click', async () => {
    vi.stubGlobal('fetch', fakeQuorumApi({}).fetchFn);
    const zoom = createFakeZoom();
    zoom.state.participants = [
      { participantUUID: 'h', screenName: 'Ann', role: 'host' },
      { participantUUID: 'p1', screenName: 'Bo', role: 'participant' },
      { participantUUID: 'p2', screenName: 'Cy', role: 'participant' },
    ];
    const link = createFakeLink();
    const session = makeSession({ role: 'host', isHost: true });
    const view = await render(
      <Boot
        zoom={zoom.zoom}
        library={new DraftLibrary(null)}
        announcer={createAnnouncer()}
        createSession={() => fakeSession(session)}
        openLink={() => link.link}
      />,
    );
    cleanups.push(view.unmount);
    await settle(() => link.emit('meeting:snapshot', makeSnapshot({ session, polls: [makePoll()] })));
    await settle(() => link.emit('poll:tally', makeTally({ turnout: 1, version: 1 })));
    expect(view.byTestId('all-voted')).toBeNull();

    await settle(() => link.emit('poll:tally', makeTally({ turnout: 2, version: 2 })));
    expect(view.byTestId('all-voted')?.textContent).toContain('Everyone has voted (2 of 2)');
    await settle(() => view.button('Close now')!.click());
    expect(link.requests.map((r) => [r.event, r.payload])).toContainEqual(['poll:close', { pollId: 'p1' }]);
  });
});
