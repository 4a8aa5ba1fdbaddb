import { policyError } from './api-policy';
import { breakoutActions } from './breakout-controller';
import { newZoomUuid } from './ids';
import {
  createPane,
  createPerson,
  openPanes,
  paneKey,
  peerKey,
  personOf,
  runningContextOf,
  withLog,
  withPane,
  withPerson,
  withoutPanes,
} from './meeting-state';
import { participantChange, userContextChange, zoomTimestamp } from './payloads';
import { isHostLike } from './roles';
import type { Store } from './sim-store';
import type {
  LogEntry,
  MeetingInfo,
  MeetingView,
  PaneCtx,
  PaneState,
  Person,
  PopoutSize,
  SdkRole,
  SimState,
  Toast,
  UserStatus,
} from './sim-types';

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

  // Zoom only delivers events the instance asked for in config's capabilities, and only to the roles,
  // guest mode and running contexts sdk.d.ts lists for the event. `exempt` is for the one documented
  // exception (the guest-mode guide's status change after promptAuthorize).
  const emit = (key: string, name: string, data: unknown, exempt = false) => {
    const pane = state().panes[key as PaneState['key']];
    if (!pane) return;
    const person = personOf(state(), pane);
    const refused =
      person && !exempt
        ? policyError(name, person, runningContextOf(state().meeting, pane), state().meeting)
        : undefined;
    if (refused) {
      log({ paneKey: key, kind: 'event', api: name, args: data, note: `not delivered: ${refused} (sdk.d.ts)` });
      return;
    }
    if (state().disabledApis.includes(name)) {
      log({ paneKey: key, kind: 'event', api: name, args: data, note: 'dropped: switched off in settings' });
      return;
    }
    const listed = pane.capabilities?.includes(name) ?? false;
    if (!listed && state().enforceCapabilities) {
      log({
        paneKey: key,
        kind: 'event',
        api: name,
        args: data,
        note: pane.capabilities ? 'dropped: not in capabilities' : 'dropped: config not called yet',
      });
      return;
    }
    const delivered = deps.post(key, name, data);
    log({
      paneKey: key,
      kind: 'event',
      api: name,
      args: data,
      ...(delivered ? {} : { note: 'dropped: frame not loaded' }),
    });
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

  // sdk.d.ts lists onMyUserContextChange for Host and Co-Host only. Read as "who is or was host": a role
  // change reaches the person when either role is listed. The guest-mode guide has a guest wait for it
  // after promptAuthorize ("call config again after onMyUserContextChange"), so a status change always does.
  const tellSelf = (id: string, change: { status?: true; roleBefore?: SdkRole } = {}) => {
    const person = state().persons.find((p) => p.id === id);
    if (!person) return;
    const key = paneKey(id, 'inMeeting');
    const pane = state().panes[key];
    const wasListed =
      change.roleBefore !== undefined &&
      pane !== undefined &&
      !policyError(
        'onMyUserContextChange',
        { ...person, role: change.roleBefore },
        runningContextOf(state().meeting, pane),
        state().meeting,
      );
    emit(
      key,
      'onMyUserContextChange',
      userContextChange(person, state().meeting, deps.now()),
      change.status === true || wasListed,
    );
  };

  // Zoom tells every instance whose running context changed, then the app calls config again.
  const changeMeeting = (change: Partial<Pick<MeetingInfo, 'kind' | 'view'>>) => {
    const before = new Map(meetingPanes().map((pane) => [pane.key, runningContextOf(state().meeting, pane)]));
    store.update((s) => ({ ...s, meeting: { ...s.meeting, ...change } }));
    for (const pane of meetingPanes()) {
      const runningContext = runningContextOf(state().meeting, pane);
      if (before.get(pane.key) !== runningContext)
        emit(pane.key, 'onRunningContextChange', { runningContext, timestamp: zoomTimestamp(deps.now()) });
    }
  };

  const disconnect = (key: string) => {
    const pane = state().panes[key as PaneState['key']];
    if (!pane) return;
    store.update((s) =>
      withPane(
        withPane(s, key, (p) => ({ ...p, connected: false })),
        peerKey(pane),
        (p) => ({ ...p, connected: false }),
      ),
    );
  };

  // A role change is seen by hosts as the person leaving and joining again (it can fire twice in Zoom).
  const changeRole = (id: string, role: SdkRole) => {
    const before = state().persons.find((p) => p.id === id);
    if (!before || before.role === role) return;
    store.update((s) => withPerson(s, id, (p) => ({ ...p, role })));
    const after = { ...before, role };
    announce(before, [participantChange(before, 'leave')]);
    announce(after, [participantChange(after, 'join')]);
    tellSelf(id, { roleBefore: before.role });
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
      store.update((s) => ({
        ...withoutPanes(s, (pane) => pane.personId === id),
        persons: s.persons.filter((p) => p.id !== id),
      }));
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
      tellSelf(id, { status: true });
    },
    /** A webinar: hosts and panelists as in a meeting, attendees always in guest mode; their apps reload. */
    setMeetingKind(kind: MeetingInfo['kind']) {
      if (state().meeting.kind === kind) return;
      changeMeeting({ kind });
      // A webinar attendee's context differs (guest, attendrole 'attendee'): Zoom opens the app anew.
      for (const pane of meetingPanes())
        store.update((s) =>
          withPane(s, pane.key, (p) => ({ ...p, generation: p.generation + 1, capabilities: null, connected: false })),
        );
    },
    /** Collaborate mode, or Zoom's immersive / camera views for the meeting side. */
    setMeetingView: (view: MeetingView) => changeMeeting({ view }),
    setDnd: (id: string, dnd: boolean) => store.update((s) => withPerson(s, id, (p) => ({ ...p, dnd }))),

    openApp(personId: string, ctx: PaneCtx, invitationUUID?: string) {
      store.update((s) => {
        if (s.panes[paneKey(personId, ctx)]) return s;
        const invitations = {
          ...s.invitations,
          [personId]: (s.invitations[personId] ?? []).filter((i) => i.invitationUUID !== invitationUUID),
        };
        return {
          ...s,
          invitations,
          panes: { ...s.panes, [paneKey(personId, ctx)]: createPane(personId, ctx, invitationUUID) },
        };
      });
    },
    closeApp(key: string) {
      disconnect(key);
      store.update((s) => withoutPanes(s, (pane) => pane.key === key));
    },
    /** A reload is a new instance: it must call config (and connect) again. */
    reloadPane(key: string) {
      disconnect(key);
      store.update((s) =>
        withPane(s, key, (p) => ({ ...p, generation: p.generation + 1, capabilities: null, toasts: [] })),
      );
    },
    setCapabilities: (key: string, capabilities: string[], popoutSize: PopoutSize | null = null) =>
      store.update((s) => withPane(s, key, (p) => ({ ...p, capabilities, popoutSize }))),
    /** Pops the instance out into its own window (at the size the app asked for) or docks it back. */
    togglePopout: (key: string) => store.update((s) => withPane(s, key, (p) => ({ ...p, poppedOut: !p.poppedOut }))),

    endMeeting() {
      if (state().meeting.ended) return;
      store.update((s) => ({ ...s, meeting: { ...s.meeting, ended: true } }));
      for (const pane of meetingPanes())
        emit(pane.key, 'onMeeting', { timestamp: zoomTimestamp(deps.now()), action: 'ended' });
      setTimeout(() => meetingPanes().forEach((pane) => disconnect(pane.key)), SYNC_CLOSE_AFTER_END_MS);
    },
    /** Same people, a new meeting instance: every open app reloads with the new UUID. */
    newMeeting() {
      store.update((s) => {
        const panes: SimState['panes'] = {};
        for (const p of openPanes(s))
          panes[p.key] = { ...p, generation: p.generation + 1, capabilities: null, connected: false, toasts: [] };
        const persons = s.persons.map(({ roomId: _room, ...p }) => p);
        return {
          ...s,
          panes,
          persons,
          invitations: {},
          meeting: { ...s.meeting, uuid: newZoomUuid(), ended: false, rooms: [] },
        };
      });
    },

    toast(key: string, toast: Omit<Toast, 'id'>) {
      const id = deps.now() + Math.random();
      store.update((s) => withPane(s, key, (p) => ({ ...p, toasts: [...p.toasts, { ...toast, id }] })));
      if (deps.toastMs > 0) setTimeout(() => dismissToast(key, id), deps.toastMs);
    },
    dismissToast,

    /** Delivers one invitation to each target's meeting pane (or their "not opened" placeholder). */
    invite(from: Person, targets: Person[], messageText?: string): string {
      const invitationUUID = newZoomUuid();
      const invitation = { invitationUUID, fromName: from.screenName, ...(messageText ? { messageText } : {}) };
      store.update((s) => {
        const invitations = { ...s.invitations };
        for (const t of targets) invitations[t.id] = [...(invitations[t.id] ?? []), invitation];
        return { ...s, invitations };
      });
      return invitationUUID;
    },
    dismissInvitation: (personId: string, invitationUUID: string) =>
      store.update((s) => ({
        ...s,
        invitations: {
          ...s.invitations,
          [personId]: (s.invitations[personId] ?? []).filter((i) => i.invitationUUID !== invitationUUID),
        },
      })),

    ...breakoutActions(store, emit, deps.now),
    setApiDisabled: (api: string, disabled: boolean) =>
      store.update((s) => ({
        ...s,
        disabledApis: disabled ? [...new Set([...s.disabledApis, api])] : s.disabledApis.filter((a) => a !== api),
      })),
    setEnforceCapabilities: (enforceCapabilities: boolean) => store.update((s) => ({ ...s, enforceCapabilities })),
    setPkceMethod: (pkceMethod: SimState['pkceMethod']) => store.update((s) => ({ ...s, pkceMethod })),
    clearLog: () => store.update((s) => ({ ...s, log: [] })),
  };
}
