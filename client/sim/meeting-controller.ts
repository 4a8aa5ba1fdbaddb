import { breakoutActions } from './breakout-controller';
import { newZoomUuid } from './ids';
import { createPane, createPerson, openPanes, paneKey, peerKey, personOf, withLog, withPane, withPerson, withoutPanes } from './meeting-state';
import { participantChange, userContextChange, zoomTimestamp } from './payloads';
import { isHostLike } from './roles';
import type { Store } from './sim-store';
import type { LogEntry, PaneCtx, PaneState, Person, PopoutSize, SdkRole, SimState, Toast, UserStatus } from './sim-types';

/** How the controller reaches frames and the clock. */
export interface MeetingDeps {
  /** Posts an event to a pane's frame; false when it has none. */
  post(paneKey: string, name: string, data: unknown): boolean;
  now(): number;
  toastMs: number;
}

/** Zoom closes the connect channel this long after the meeting ends (sdk.d.ts endSyncData). */
const SYNC_CLOSE_AFTER_END_MS = 10_000;

/** Everything that changes the meeting; each change raises the events Zoom would raise. */
export type Meeting = ReturnType<typeof createMeeting>;

/** The simulator's single source of truth, wrapped in Zoom's behaviour. */
export function createMeeting(store: Store<SimState>, deps: MeetingDeps) {
  const state = store.get;
  const log = (entry: Omit<LogEntry, 'seq' | 'at'>) => store.update((s) => withLog(s, { ...entry, at: deps.now() }));

  // Zoom only delivers events the instance asked for in config's capabilities.
  const emit = (key: string, name: string, data: unknown) => {
    const pane = state().panes[key as PaneState['key']];
    if (!pane) return;
    if (state().disabledApis.includes(name)) {
      log({ paneKey: key, kind: 'event', api: name, args: data, note: 'dropped: switched off in settings' });
      return;
    }
    const listed = pane.capabilities?.includes(name) ?? false;
    if (!listed && state().enforceCapabilities) {
      log({ paneKey: key, kind: 'event', api: name, args: data, note: pane.capabilities ? 'dropped: not in capabilities' : 'dropped: config not called yet' });
      return;
    }
    const delivered = deps.post(key, name, data);
    log({ paneKey: key, kind: 'event', api: name, args: data, ...(delivered ? {} : { note: 'dropped: frame not loaded' }) });
  };

  const meetingPanes = () => openPanes(state()).filter((pane) => pane.ctx === 'inMeeting');

  // onParticipantChange goes to hosts and co-hosts only, never about themselves.
  const announce = (subject: Person, entries: ReturnType<typeof participantChange>[]) => {
    for (const pane of meetingPanes()) {
      const viewer = personOf(state(), pane);
      if (!viewer || viewer.id === subject.id || !isHostLike(viewer.role)) continue;
      emit(pane.key, 'onParticipantChange', { timestamp: zoomTimestamp(deps.now()), participants: entries });
    }
  };

  const tellSelf = (id: string) => {
    const person = state().persons.find((p) => p.id === id);
    if (person) emit(paneKey(id, 'inMeeting'), 'onMyUserContextChange', userContextChange(person, deps.now()));
  };

  const disconnect = (key: string) => {
    const pane = state().panes[key as PaneState['key']];
    if (!pane) return;
    store.update((s) => withPane(withPane(s, key, (p) => ({ ...p, connected: false })), peerKey(pane), (p) => ({ ...p, connected: false })));
  };

  // A role change is seen by hosts as the person leaving and joining again (it can fire twice in Zoom).
  const changeRole = (id: string, role: SdkRole) => {
    const before = state().persons.find((p) => p.id === id);
    if (!before || before.role === role) return;
    store.update((s) => withPerson(s, id, (p) => ({ ...p, role })));
    const after = { ...before, role };
    announce(before, [participantChange(before, 'leave')]);
    announce(after, [participantChange(after, 'join')]);
    tellSelf(id);
  };

  const dismissToast = (key: string, id: number) =>
    store.update((s) => withPane(s, key, (p) => ({ ...p, toasts: p.toasts.filter((t) => t.id !== id) })));

  return {
    store,
    state,
    log,
    emit,
    disconnect,
    update: store.update,

    addPerson(screenName: string, role: SdkRole = 'attendee'): Person {
      const person = createPerson(screenName.trim() || 'Guest', role);
      store.update((s) => ({ ...s, persons: [...s.persons, person] }));
      announce(person, [participantChange(person, 'join')]);
      return person;
    },
    removePerson(id: string) {
      const person = state().persons.find((p) => p.id === id);
      if (!person) return;
      store.update((s) => ({ ...withoutPanes(s, (pane) => pane.personId === id), persons: s.persons.filter((p) => p.id !== id) }));
      announce(person, [participantChange(person, 'leave')]);
    },
    rename(id: string, screenName: string) {
      const name = screenName.trim();
      if (!name || state().persons.find((p) => p.id === id)?.screenName === name) return;
      store.update((s) => withPerson(s, id, (p) => ({ ...p, screenName: name })));
      tellSelf(id);
    },
    /** Zoom has one host: making someone host hands the previous host's role over to them. */
    setRole(id: string, role: SdkRole) {
      const previousHost = state().persons.find((p) => p.role === 'host' && p.id !== id);
      if (role === 'host' && previousHost) changeRole(previousHost.id, 'attendee');
      changeRole(id, role);
    },
    setStatus(id: string, status: UserStatus) {
      store.update((s) => withPerson(s, id, (p) => ({ ...p, status })));
      tellSelf(id);
    },
    setDnd: (id: string, dnd: boolean) => store.update((s) => withPerson(s, id, (p) => ({ ...p, dnd }))),

    openApp(personId: string, ctx: PaneCtx, invitationUUID?: string) {
      store.update((s) => {
        if (s.panes[paneKey(personId, ctx)]) return s;
        const invitations = { ...s.invitations, [personId]: (s.invitations[personId] ?? []).filter((i) => i.invitationUUID !== invitationUUID) };
        return { ...s, invitations, panes: { ...s.panes, [paneKey(personId, ctx)]: createPane(personId, ctx, invitationUUID) } };
      });
    },
    closeApp(key: string) {
      disconnect(key);
      store.update((s) => withoutPanes(s, (pane) => pane.key === key));
    },
    /** A reload is a new instance: it must call config (and connect) again. */
    reloadPane(key: string) {
      disconnect(key);
      store.update((s) => withPane(s, key, (p) => ({ ...p, generation: p.generation + 1, capabilities: null, toasts: [] })));
    },
    setCapabilities: (key: string, capabilities: string[], popoutSize: PopoutSize | null = null) =>
      store.update((s) => withPane(s, key, (p) => ({ ...p, capabilities, popoutSize }))),
    /** Pops the instance out into its own window (at the size the app asked for) or docks it back. */
    togglePopout: (key: string) => store.update((s) => withPane(s, key, (p) => ({ ...p, poppedOut: !p.poppedOut }))),

    endMeeting() {
      if (state().meeting.ended) return;
      store.update((s) => ({ ...s, meeting: { ...s.meeting, ended: true } }));
      for (const pane of meetingPanes()) emit(pane.key, 'onMeeting', { timestamp: zoomTimestamp(deps.now()), action: 'ended' });
      setTimeout(() => meetingPanes().forEach((pane) => disconnect(pane.key)), SYNC_CLOSE_AFTER_END_MS);
    },
    /** Same people, a new meeting instance: every open app reloads with the new UUID. */
    newMeeting() {
      store.update((s) => {
        const panes: SimState['panes'] = {};
        for (const p of openPanes(s)) panes[p.key] = { ...p, generation: p.generation + 1, capabilities: null, connected: false, toasts: [] };
        const persons = s.persons.map(({ roomId: _room, ...p }) => p);
        return { ...s, panes, persons, invitations: {}, meeting: { ...s.meeting, uuid: newZoomUuid(), ended: false, rooms: [] } };
      });
    },

    toast(key: string, toast: Omit<Toast, 'id'>) {
      const id = deps.now() + Math.random();
      store.update((s) => withPane(s, key, (p) => ({ ...p, toasts: [...p.toasts, { ...toast, id }] })));
      if (deps.toastMs > 0) setTimeout(() => dismissToast(key, id), deps.toastMs);
    },
    dismissToast,

    /** Delivers one invitation to each target's meeting pane (or their "not opened" placeholder). */
    invite(from: Person, targets: Person[]): string {
      const invitationUUID = newZoomUuid();
      store.update((s) => {
        const invitations = { ...s.invitations };
        for (const t of targets) invitations[t.id] = [...(invitations[t.id] ?? []), { invitationUUID, fromName: from.screenName }];
        return { ...s, invitations };
      });
      return invitationUUID;
    },
    dismissInvitation: (personId: string, invitationUUID: string) =>
      store.update((s) => ({ ...s, invitations: { ...s.invitations, [personId]: (s.invitations[personId] ?? []).filter((i) => i.invitationUUID !== invitationUUID) } })),

    ...breakoutActions(store, emit, deps.now),
    setApiDisabled: (api: string, disabled: boolean) =>
      store.update((s) => ({ ...s, disabledApis: disabled ? [...new Set([...s.disabledApis, api])] : s.disabledApis.filter((a) => a !== api) })),
    setEnforceCapabilities: (enforceCapabilities: boolean) => store.update((s) => ({ ...s, enforceCapabilities })),
    setPkceMethod: (pkceMethod: SimState['pkceMethod']) => store.update((s) => ({ ...s, pkceMethod })),
    clearLog: () => store.update((s) => ({ ...s, log: [] })),
  };
}
