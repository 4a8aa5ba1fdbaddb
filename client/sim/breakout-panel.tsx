import { useState, type FormEvent } from 'react';
import { MAX_ROOMS } from './breakout-controller';
import { personLabel } from './person-label';
import { useSim, useSimState } from './use-sim';

// The host's breakout-room controls, as far as an app can notice them.
//
// Test ids:
//   breakout-panel   the panel (data-open: whether rooms are open)
//   breakout-count   how many rooms to open
//   breakout-open    opens the rooms and splits everyone but the host between them
//   breakout-close   closes the rooms: everyone back to the main room
//   breakout-room    one open room (data-room-uuid, data-room-name), listing its people
//   breakout-move    a person's room select (data-person-id); '' is the main room

/** Opens N breakout rooms, moves people between rooms and back, and shows who is where. */
export function BreakoutPanel() {
  const { meeting } = useSim();
  const { meeting: info, persons } = useSimState();
  const [count, setCount] = useState(2);
  const open = info.rooms.length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    meeting.openBreakoutRooms(count);
  };
  return (
    <section className="breakout" data-testid="breakout-panel" data-open={open} aria-labelledby="breakout-heading">
      <h2 id="breakout-heading">Breakout rooms</h2>
      {open ? (
        <button type="button" data-testid="breakout-close" onClick={meeting.closeBreakoutRooms}>
          Close all rooms
        </button>
      ) : (
        <form onSubmit={submit}>
          <label>
            Rooms{' '}
            <input
              type="number"
              min={1}
              max={MAX_ROOMS}
              data-testid="breakout-count"
              value={count}
              onChange={(e) => setCount(Number(e.target.value))}
            />
          </label>{' '}
          <button type="submit" data-testid="breakout-open">
            Open rooms and split people
          </button>
        </form>
      )}
      {info.rooms.map((room) => (
        <p key={room.uuid} data-testid="breakout-room" data-room-uuid={room.uuid} data-room-name={room.name}>
          <strong>{room.name}</strong>:{' '}
          {persons
            .filter((p) => p.roomId === room.uuid)
            .map((p) => p.screenName)
            .join(', ') || 'empty'}
        </p>
      ))}
      {open && (
        <ul className="breakout-moves">
          {persons.map((p) => (
            <li key={p.id}>
              <label>
                {personLabel(p)}{' '}
                <select
                  data-testid="breakout-move"
                  data-person-id={p.id}
                  value={p.roomId ?? ''}
                  onChange={(e) => meeting.moveToRoom(p.id, e.target.value || undefined)}
                >
                  <option value="">Main room</option>
                  {info.rooms.map((r) => (
                    <option key={r.uuid} value={r.uuid}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
