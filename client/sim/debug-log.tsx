import { useState } from 'react';
import type { LogEntry, Person } from './sim-types';
import { useSim, useSimState } from './use-sim';

const MAX_SHOWN_CHARS = 240;

const show = (value: unknown): string => {
  if (value === undefined) return '';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_SHOWN_CHARS ? `${json.slice(0, MAX_SHOWN_CHARS)}…` : json;
};

const outcomeOf = (e: LogEntry): string =>
  e.note?.startsWith('dropped') ? 'dropped' : e.kind === 'event' ? 'event' : e.error ? 'error' : 'ok';

function paneName(persons: Person[], key: string): string {
  const [id, ctx] = key.split(':');
  const name = persons.find((p) => p.id === id)?.screenName ?? id;
  return ctx === 'inMainClient' ? `${name} (main client)` : `${name}`;
}

function LogRow({ entry, persons }: { entry: LogEntry; persons: Person[] }) {
  const outcome = outcomeOf(entry);
  const answer = entry.error ? `${entry.error.code} ${entry.error.message}` : show(entry.result);
  return (
    <tr
      className={`log-${outcome}`}
      data-testid="log-entry"
      data-pane={entry.paneKey}
      data-api={entry.api}
      data-kind={entry.kind}
      data-outcome={outcome}
    >
      <td>{new Date(entry.at).toLocaleTimeString()}</td>
      <td>{paneName(persons, entry.paneKey)}</td>
      <td>{entry.kind === 'event' ? `⇠ ${entry.api}` : `${entry.api} ⇢`}</td>
      <td title={JSON.stringify(entry.args)}>{show(entry.args)}</td>
      <td title={entry.error?.message ?? JSON.stringify(entry.result)}>{entry.note ?? answer}</td>
    </tr>
  );
}

/** The bridge traffic: every call with its answer and every pushed event, filterable by pane. */
export function DebugLog() {
  const { meeting } = useSim();
  const { log, persons, panes } = useSimState();
  const [filter, setFilter] = useState('');
  const keys = [...new Set([...Object.keys(panes), ...log.map((e) => e.paneKey)])];
  const shown = (filter ? log.filter((e) => e.paneKey === filter) : log).slice().reverse();
  return (
    <details className="debug-log" data-testid="debug-log" open>
      <summary>Bridge log ({log.length})</summary>
      <div className="log-tools">
        <select
          aria-label="Show traffic of"
          data-testid="log-filter"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        >
          <option value="">All panes</option>
          {keys.map((k) => (
            <option key={k} value={k}>
              {paneName(persons, k)}
            </option>
          ))}
        </select>
        <button type="button" data-testid="log-clear" onClick={meeting.clearLog}>
          Clear
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th>Time</th>
            <th>Pane</th>
            <th>API / event</th>
            <th>Args / data</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <LogRow key={e.seq} entry={e} persons={persons} />
          ))}
        </tbody>
      </table>
    </details>
  );
}
