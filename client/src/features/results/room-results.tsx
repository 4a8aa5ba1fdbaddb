import { useContext, useEffect, useState, type ReactNode } from 'react';
import {
  isSuppressedRoom,
  roomNumbers,
  type PollTally,
  type RoomKey,
  type RoomTally,
  type ShownRoomTally,
  type SuppressedRoomTally,
} from '@quorum/shared';
import { ZoomContext } from '../../app-context';
import { useT, type Translate } from '../../i18n';
import { supportsApi } from '../../zoom/zoom-port';

// Breakout rooms in the results. A poll launched in the main room runs in every room: hosts get each
// room's share beside the whole (`tally.rooms`), participants their own room's (`tally.room`). An
// anonymous poll's server withholds a small room's share (shared domain/room-privacy.ts): such a room
// shows only why, in place of its turnout and results.
//
// Test ids:
//   own-room-results   a participant's own room (data-room-id, data-room-label)
//   room-breakdown     the hosts' per-room list; each room is a room-results (data-room-id, data-room-label)
//   room-turnout       a room's "N voted" (data-voted)
//   room-suppressed    a withheld room's note (data-reason: few-voters | would-reveal)
//   all-rooms-heading  the label over the combined results once rooms are in use

/** The names Zoom gives the breakout rooms (getBreakoutRoomList), by room UUID; empty where unavailable. */
export function useRoomNames(tally: PollTally | undefined): Record<string, string> {
  const zoom = useContext(ZoomContext);
  const [names, setNames] = useState<Record<string, string>>({});
  const ids = [...(tally?.rooms ?? []), ...(tally?.room ? [tally.room] : [])].map((r) => r.roomId ?? '').join('|');
  const usable = zoom !== null && ids !== '' && supportsApi(zoom.config, 'getBreakoutRoomList');
  useEffect(() => {
    if (!usable) return;
    let alive = true;
    // Asked again whenever a room appears: rooms may have been created or renamed meanwhile.
    zoom.zoom.getBreakoutRoomList().then(
      (rooms) => alive && setNames(Object.fromEntries(rooms.map((r) => [r.id, r.name]))),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [usable, zoom, ids]);
  return names;
}

/** A room's label: "Main room", Zoom's name for it, or "Room n" by order of first ballot. */
export function roomTitle(
  t: Translate,
  key: RoomKey,
  numbers: ReadonlyMap<string, number>,
  names: Readonly<Record<string, string>>,
): string {
  if (key === null) return t('rooms.main');
  return names[key] ?? t('rooms.numbered', { number: numbers.get(key) ?? numbers.size + 1 });
}

function RoomTurnout({ room }: { room: ShownRoomTally }) {
  const t = useT();
  return (
    <p className="turnout" data-testid="room-turnout" data-voted={room.turnout}>
      {t('results.voted', { voted: room.turnout })}
    </p>
  );
}

/** Why a room's share is withheld, where its turnout and results would be. */
function SuppressedNote({ room }: { room: SuppressedRoomTally }) {
  const t = useT();
  const text =
    room.suppressed === 'few-voters' ? t('rooms.fewVoters', { min: room.minVoters }) : t('rooms.wouldReveal');
  return (
    <p className="note" data-testid="room-suppressed" data-reason={room.suppressed}>
      {text}
    </p>
  );
}

/** A room's turnout and results (`content`), or the note of a withheld room. */
function RoomBody({ room, content }: { room: RoomTally; content: (room: ShownRoomTally) => ReactNode }) {
  if (isSuppressedRoom(room)) return <SuppressedNote room={room} />;
  return (
    <>
      <RoomTurnout room={room} />
      {content(room)}
    </>
  );
}

/** A participant's own room first: its share of the results, under the room's name. */
export function OwnRoomResults({ room, label, children }: { room: RoomTally; label: string; children: ReactNode }) {
  const t = useT();
  return (
    <div
      role="group"
      className="room-results own-room"
      data-testid="own-room-results"
      data-room-id={room.roomId ?? ''}
      data-room-label={label}
      aria-label={t('rooms.yours', { room: label })}
    >
      <h3>{t('rooms.yours', { room: label })}</h3>
      <RoomBody room={room} content={() => children} />
    </div>
  );
}

/** "All rooms": the label over the combined results once the meeting uses breakout rooms. */
export function AllRoomsHeading() {
  const t = useT();
  return <h3 data-testid="all-rooms-heading">{t('rooms.all')}</h3>;
}

/** The hosts' breakdown: every room that voted, in order of its first ballot, with its results. */
export function RoomBreakdown({
  rooms,
  names,
  render,
}: {
  rooms: RoomTally[];
  names: Record<string, string>;
  render: (room: ShownRoomTally) => ReactNode;
}) {
  const t = useT();
  const numbers = roomNumbers(rooms.map((r) => r.roomId));
  return (
    <div role="group" className="room-breakdown" data-testid="room-breakdown" aria-label={t('rooms.breakdown')}>
      <h3>{t('rooms.breakdown')}</h3>
      {rooms.map((room) => {
        const label = roomTitle(t, room.roomId, numbers, names);
        return (
          <div
            role="group"
            key={room.roomId ?? ''}
            className="room-results"
            data-testid="room-results"
            data-room-id={room.roomId ?? ''}
            data-room-label={label}
            aria-label={label}
          >
            <h4>{label}</h4>
            <RoomBody room={room} content={render} />
          </div>
        );
      })}
    </div>
  );
}
