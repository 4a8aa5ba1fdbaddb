import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../i18n';
import type { PollTally, RoomTally, SuppressedRoomTally } from '@quorum/shared';
import { makePoll } from '../../test/fixtures';
import { render, settle } from '../../test/render';
import { PollResults } from './poll-results';

// Anonymous polls: a room the server withheld (fewer than K voters, or it would give such a room away)
// shows why instead of its turnout and results; the combined results stay.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const shown = (roomId: string | null, a: number, b: number): RoomTally => ({
  roomId,
  turnout: a + b,
  questions: { q1: { kind: 'choice', voters: a + b, counts: { a, b } } },
});
const hidden = (
  roomId: string | null,
  suppressed: SuppressedRoomTally['suppressed'] = 'few-voters',
): SuppressedRoomTally => ({ roomId, suppressed, minVoters: 3 });
const whole = (rooms: Partial<PollTally>): PollTally => ({
  pollId: 'p1',
  run: 1,
  version: 4,
  turnout: 6,
  questions: { q1: { kind: 'choice', voters: 6, counts: { a: 4, b: 2 } } },
  ...rooms,
});
const counts = (root: Element | null | undefined) =>
  [...(root?.querySelectorAll<HTMLElement>('[data-testid=result-bar]') ?? [])].map((r) => Number(r.dataset.count));

async function show(tally: PollTally, role: 'host' | 'participant', locale: Locale = 'en') {
  const view = await render(
    <PollResults
      poll={makePoll({
        settings: { anonymous: true, resultsVisibility: 'live', allowAnswerChange: true, closeAfterSec: null },
      })}
      tally={tally}
      role={role}
      participants={9}
    />,
    { locale },
  );
  cleanups.push(view.unmount);
  await settle();
  return view;
}

describe('withheld breakout rooms in the results', () => {
  it('shows hosts why a room is hidden, in place of its turnout and results, beside the rooms that are shown', async () => {
    const view = await show(whole({ rooms: [hidden('r1'), shown('r2', 2, 1), hidden('r3', 'would-reveal')] }), 'host');
    const rooms = [...view.container.querySelectorAll<HTMLElement>('[data-testid=room-results]')];
    expect(rooms.map((r) => r.dataset.roomLabel)).toEqual(['Room 1', 'Room 2', 'Room 3']);
    const notes = rooms.map((r) => r.querySelector<HTMLElement>('[data-testid=room-suppressed]'));
    expect(notes[0]?.textContent).toBe('Fewer than 3 votes — hidden to keep this poll anonymous');
    expect(notes[0]?.dataset.reason).toBe('few-voters');
    expect(notes[1]).toBeNull();
    expect(notes[2]?.textContent).toBe('Hidden to keep this poll anonymous: it would reveal a smaller room');
    // A hidden room has no bars and no turnout; the shown one has both.
    expect(rooms.map((r) => counts(r))).toEqual([[], [2, 1], []]);
    expect(rooms.map((r) => r.querySelector('[data-testid=room-turnout]')?.textContent ?? null)).toEqual([
      null,
      '3 voted',
      null,
    ]);
    // "All rooms" is whole.
    expect(view.byTestId('turnout')?.textContent).toBe('6 voted');
  });

  it('shows a participant alone in their room the note there, and "All rooms" in full', async () => {
    const view = await show(whole({ room: hidden('r1') }), 'participant');
    const own = view.byTestId('own-room-results');
    expect(own?.querySelector('[data-testid=room-suppressed]')?.textContent).toBe(
      'Fewer than 3 votes — hidden to keep this poll anonymous',
    );
    expect(counts(own)).toEqual([]);
    expect(own?.querySelector('[data-testid=room-turnout]')).toBeNull();
    expect(view.byTestId('all-rooms-heading')).not.toBeNull();
    expect(counts(view.container)).toEqual([4, 2]);
  });

  it("says it in the reader's language", async () => {
    const view = await show(whole({ room: hidden('r1') }), 'participant', 'de');
    expect(view.byTestId('room-suppressed')?.textContent).toBe(
      'Weniger als 3 Stimmen – ausgeblendet, damit die Umfrage anonym bleibt',
    );
  });
});
