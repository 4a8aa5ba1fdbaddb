import { describe, expect, it } from 'vitest';
import { makePoll, makeReceipt, makeSnapshot, makeTally } from '../test/fixtures';
import {
  becameOpen,
  currentReceipts,
  currentTally,
  initialMeetingState,
  meetingReducer,
  sortedPolls,
  type MeetingAction,
} from './meeting-state';

const run = (...actions: MeetingAction[]) => actions.reduce(meetingReducer, initialMeetingState);
const snapshot = (s = makeSnapshot()): MeetingAction => ({ type: 'snapshot', snapshot: s, receivedAt: 400 });

describe('meeting state reducer', () => {
  it('takes everything from a snapshot', () => {
    const state = run(snapshot(makeSnapshot({ tallies: [makeTally()], myBallots: [makeReceipt()] })));
    expect(state.ready).toBe(true);
    expect(state.session?.role).toBe('participant');
    expect(state.clockOffsetMs).toBe(600);
    const poll = state.polls.p1!;
    expect(currentTally(state, poll)?.version).toBe(1);
    expect(currentReceipts(state, poll).q1?.ballotId).toBe('b1');
  });

  it('keeps only the highest tally version per poll and run', () => {
    const state = run(
      snapshot(),
      { type: 'poll:tally', tally: makeTally({ version: 3, turnout: 3 }) },
      { type: 'poll:tally', tally: makeTally({ version: 2, turnout: 2 }) },
      { type: 'poll:tally', tally: makeTally({ version: 3, turnout: 9 }) },
      { type: 'poll:tally', tally: makeTally({ run: 2, version: 1, turnout: 1 }) },
    );
    expect(state.tallies['p1:1']?.turnout).toBe(3);
    expect(state.tallies['p1:2']?.turnout).toBe(1);
  });

  it('lets results replace turnout-only at the same version (shared or closed), never the reverse', () => {
    const { questions: _q, ...turnoutOnly } = makeTally({ version: 4 });
    const revealed = run(
      snapshot(),
      { type: 'poll:tally', tally: turnoutOnly },
      { type: 'poll:tally', tally: makeTally({ version: 4 }) },
    );
    expect(revealed.tallies['p1:1']?.questions).toBeDefined();
    const kept = meetingReducer(revealed, { type: 'poll:tally', tally: turnoutOnly });
    expect(kept.tallies['p1:1']?.questions).toBeDefined();
  });

  it('lets a closed quiz’s standings replace the same version without them', () => {
    const board = { players: 1, top: [{ rank: 1, nickname: 'Brave Otter 42', points: 900, correct: 1 }] };
    const state = run(
      snapshot(),
      { type: 'poll:tally', tally: makeTally({ version: 4 }) },
      { type: 'poll:tally', tally: makeTally({ version: 4, leaderboard: board }) },
    );
    expect(state.tallies['p1:1']?.leaderboard).toEqual(board);
  });

  it('treats a snapshot after reconnect as authoritative, even over newer-looking tallies', () => {
    const state = run(
      snapshot(),
      { type: 'poll:tally', tally: makeTally({ version: 7, turnout: 7 }) },
      { type: 'poll:updated', poll: makePoll({ id: 'p2' }) },
      snapshot(makeSnapshot({ tallies: [makeTally({ version: 5, turnout: 4 })] })),
    );
    expect(state.tallies['p1:1']?.turnout).toBe(4);
    expect(state.polls.p2).toBeUndefined();
  });

  it('upserts and deletes polls with their tallies and receipts', () => {
    const state = run(
      snapshot(makeSnapshot({ tallies: [makeTally()], myBallots: [makeReceipt()] })),
      { type: 'poll:updated', poll: makePoll({ title: 'Dinner?' }) },
      { type: 'poll:updated', poll: makePoll({ id: 'p2', status: 'draft', createdAt: 9 }) },
    );
    expect(state.polls.p1?.title).toBe('Dinner?');
    expect(sortedPolls(state).map((p) => p.id)).toEqual(['p1', 'p2']);
    const after = meetingReducer(state, { type: 'poll:deleted', pollId: 'p1' });
    expect(Object.keys(after.polls)).toEqual(['p2']);
    expect(after.tallies).toEqual({});
    expect(after.receipts).toEqual({});
  });

  it('records receipts per run, so a relaunch starts without a vote', () => {
    const state = run(snapshot(), { type: 'receipts', receipts: [makeReceipt()] });
    expect(Object.keys(currentReceipts(state, makePoll()))).toEqual(['q1']);
    expect(currentReceipts(state, makePoll({ run: 2 }))).toEqual({});
  });

  it('spots launches and relaunches', () => {
    expect(becameOpen(makePoll({ status: 'draft', run: 0 }), makePoll())).toBe(true);
    expect(becameOpen(undefined, makePoll())).toBe(true);
    expect(becameOpen(makePoll(), makePoll({ title: 'edited' }))).toBe(false);
    expect(becameOpen(makePoll({ status: 'closed' }), makePoll({ run: 2 }))).toBe(true);
    expect(becameOpen(makePoll(), makePoll({ status: 'closed' }))).toBe(false);
  });
});
