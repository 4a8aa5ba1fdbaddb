import { describe, expect, it, vi } from 'vitest';
import type { PollTally, RoomTally } from '@quorum/shared';
import { ZoomContext } from '../../app-context';
import { createFakeZoom } from '../../test/fakes';
import { makePoll } from '../../test/fixtures';
import { render, settle, trackViews } from '../../test/render';
import { PollResults } from './poll-results';

const track = trackViews();

const share = (roomId: string | null, a: number, b: number): RoomTally => ({
  roomId,
  turnout: a + b,
  questions: { q1: { kind: 'choice', voters: a + b, counts: { a, b } } },
});
const whole = (rooms: Partial<PollTally>): PollTally => ({
  pollId: 'p1',
  run: 1,
  version: 4,
  turnout: 4,
  questions: { q1: { kind: 'choice', voters: 4, counts: { a: 3, b: 1 } } },
  ...rooms,
});
const counts = (root: Element | null) =>
  [...(root?.querySelectorAll<HTMLElement>('[data-testid=result-bar]') ?? [])].map((r) => Number(r.dataset.count));

async function show(tally: PollTally, role: 'host' | 'participant', zoom?: ReturnType<typeof createFakeZoom>) {
  const results = <PollResults poll={makePoll()} tally={tally} role={role} participants={9} />;
  const view = await render(
    zoom ? (
      <ZoomContext.Provider value={{ zoom: zoom.zoom, config: await zoom.zoom.config() }}>
        {results}
      </ZoomContext.Provider>
    ) : (
      results
    ),
  );
  track(view);
  await settle();
  return view;
}

describe('breakout rooms in the results', () => {
  it('shows hosts the whole meeting as "All rooms", then every room numbered by first ballot', async () => {
    const view = await show(whole({ rooms: [share('r2', 2, 0), share('r1', 1, 0), share(null, 0, 1)] }), 'host');
    expect(view.byTestId('all-rooms-heading')?.textContent).toBe('All rooms');
    // Zoom lists only the host's own room, so no "of N" while rooms are in use.
    expect(view.byTestId('turnout')?.textContent).toBe('4 voted');
    const rooms = [...view.container.querySelectorAll<HTMLElement>('[data-testid=room-results]')];
    expect(rooms.map((r) => r.dataset.roomLabel)).toEqual(['Room 1', 'Room 2', 'Main room']);
    expect(rooms.map((r) => counts(r))).toEqual([
      [2, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(rooms.map((r) => r.querySelector('[data-testid=room-turnout]')?.textContent)).toEqual([
      '2 voted',
      '1 voted',
      '1 voted',
    ]);
  });

  it('names rooms as Zoom does when getBreakoutRoomList answers', async () => {
    const zoom = createFakeZoom();
    zoom.state.rooms = [{ id: 'r1', name: 'Design' }];
    const view = await show(whole({ rooms: [share('r2', 2, 0), share('r1', 1, 0)] }), 'host', zoom);
    const labels = [...view.container.querySelectorAll<HTMLElement>('[data-testid=room-results]')].map(
      (r) => r.dataset.roomLabel,
    );
    expect(labels).toEqual(['Room 1', 'Design']);
    expect(zoom.zoom.getBreakoutRoomList).toHaveBeenCalled();
  });

  it('shows a participant their own room first and the whole meeting as "All rooms", without the breakdown', async () => {
    const zoom = createFakeZoom();
    zoom.zoom.getBreakoutRoomList = vi.fn(async () => [{ id: 'r1', name: 'Blue room' }]);
    const view = await show(whole({ room: share('r1', 1, 1) }), 'participant', zoom);
    const own = view.byTestId('own-room-results');
    expect(own?.dataset.roomLabel).toBe('Blue room');
    expect(own?.querySelector('h3')?.textContent).toBe('Your room: Blue room');
    expect(counts(own)).toEqual([1, 1]);
    expect(view.byTestId('all-rooms-heading')).not.toBeNull();
    expect(view.byTestId('room-breakdown')).toBeNull();
  });

  it('leaves out "Your room: Main room" once back in the main room with no ballot cast there', async () => {
    const back = await show(whole({ room: share(null, 0, 0) }), 'participant');
    expect(back.byTestId('own-room-results')).toBeNull();
    expect(back.byTestId('turnout')?.textContent).toBe('4 of 9 voted');
    // The main room's share does show once people voted there.
    const voted = await show(whole({ room: share(null, 1, 0) }), 'participant');
    expect(voted.byTestId('own-room-results')?.dataset.roomLabel).toBe('Main room');
  });

  it('shows nothing about rooms while the meeting does not use them', async () => {
    const view = await show(whole({}), 'host');
    expect(view.byTestId('all-rooms-heading')).toBeNull();
    expect(view.byTestId('turnout')?.textContent).toBe('4 of 9 voted');
  });
});
