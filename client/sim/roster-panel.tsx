import { useState, type FormEvent } from 'react';
import { paneKey } from './meeting-state';
import { personLabel } from './person-label';
import { ROLE_LABELS, SDK_ROLES } from './roles';
import type { Person, SdkRole, UserStatus } from './sim-types';
import { useSim, useSimState } from './use-sim';

const STATUSES: UserStatus[] = ['authorized', 'authenticated', 'unauthenticated'];
const STATUS_LABELS: Record<UserStatus, string> = {
  authorized: 'App added',
  authenticated: 'Signed in',
  unauthenticated: 'Guest',
};

function RoleSelect({
  value,
  onChange,
  testId,
  label,
}: {
  value: SdkRole;
  onChange(r: SdkRole): void;
  testId: string;
  label: string;
}) {
  return (
    <select aria-label={label} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as SdkRole)}>
      {SDK_ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </select>
  );
}

function RosterRow({ person }: { person: Person }) {
  const { meeting } = useSim();
  const mainClientOpen = useSimState().panes[paneKey(person.id, 'inMainClient')] !== undefined;
  const [name, setName] = useState(person.screenName);
  const label = personLabel(person);
  const commitName = () => (name.trim() ? meeting.rename(person.id, name) : setName(person.screenName));
  return (
    <li
      className="roster-row"
      data-testid="roster-row"
      data-person-id={person.id}
      data-person-name={person.screenName}
      data-role={person.role}
    >
      <span className="roster-label">{label}</span>
      <input
        aria-label={`Name of ${label}`}
        data-testid="name-input"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onBlur={commitName}
        onKeyDown={(e) => e.key === 'Enter' && commitName()}
      />
      <RoleSelect
        label={`Role of ${label}`}
        testId="role-select"
        value={person.role}
        onChange={(r) => meeting.setRole(person.id, r)}
      />
      <select
        aria-label={`Zoom account of ${label}`}
        data-testid="status-select"
        value={person.status}
        onChange={(e) => meeting.setStatus(person.id, e.target.value as UserStatus)}
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <label>
        <input
          type="checkbox"
          data-testid="dnd-toggle"
          checked={person.dnd}
          onChange={(e) => meeting.setDnd(person.id, e.target.checked)}
        />{' '}
        Do not disturb
      </label>
      <button
        type="button"
        data-testid="main-client-toggle"
        onClick={() =>
          mainClientOpen
            ? meeting.closeApp(paneKey(person.id, 'inMainClient'))
            : meeting.openApp(person.id, 'inMainClient')
        }
      >
        {mainClientOpen ? 'Close main client' : 'Open main client'}
      </button>
      <button type="button" data-testid="remove-person" onClick={() => meeting.removePerson(person.id)}>
        Leave
      </button>
    </li>
  );
}

function AddPersonForm() {
  const { meeting } = useSim();
  const [name, setName] = useState('');
  const [role, setRole] = useState<SdkRole>('attendee');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    meeting.addPerson(name, role);
    setName('');
  };
  return (
    <form className="add-person" onSubmit={submit}>
      <input
        aria-label="New person's name"
        placeholder="Name"
        data-testid="add-person-name"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <RoleSelect label="New person's role" testId="add-person-role" value={role} onChange={setRole} />
      <button type="submit" data-testid="add-person">
        Join meeting
      </button>
    </form>
  );
}

/** The participants list: rename, change role, account state, do-not-disturb, leave, and add people. */
export function RosterPanel() {
  const { persons } = useSimState();
  return (
    <section className="roster" aria-labelledby="roster-heading">
      <h2 id="roster-heading">Participants ({persons.length})</h2>
      <ul data-testid="roster">
        {persons.map((p) => (
          <RosterRow key={`${p.id}:${p.screenName}`} person={p} />
        ))}
      </ul>
      <AddPersonForm />
    </section>
  );
}
