import type { ApiHandler, CallContext } from './call-router';
import { openPanes, peerKey, sameRoom } from './meeting-state';
import { zoomTimestamp } from './payloads';
import type { Person } from './sim-types';
import { ZoomError } from './zoom-errors';

// Notifications, invitations and instance-to-instance messaging. Results are in native wire shape:
// the SDK itself wraps 'Success' as {message} (zoom-platform.md §2).

const MAX_INVITEES = 10;
const POST_MESSAGE_LIMIT_BYTES = 512 * 1024;
const SEND_MESSAGE_LIMIT_BYTES = 1024;

const field = (data: unknown, name: string): unknown =>
  typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined;
const text = (data: unknown, name: string): string => String(field(data, name) ?? '');
const byteSize = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value) ?? '').length;

// Pushed events must reach the app after the reply to the call that caused them, as in Zoom.
const afterReply = (fn: () => void) => setTimeout(fn, 0);

// Invitations reach only the caller's room (the main room counts as one), as in Zoom.
const others = ({ meeting, person }: CallContext): Person[] =>
  meeting.state().persons.filter((p) => p.id !== person.id && sameRoom(p, person));

function inviteResult(call: CallContext, targets: Person[], messageText?: string) {
  if (targets.length === 0) throw new ZoomError('INVITE_FAILED', 'nobody to invite');
  return { invitationUUID: call.meeting.invite(call.person, targets, messageText) };
}

const sendAppInvitation: ApiHandler = (call) => {
  // The SDK renames participantUUIDs to user_UUID_list before sending.
  const uuids = field(call.data, 'user_UUID_list');
  if (!Array.isArray(uuids) || uuids.length === 0) throw new ZoomError('INVITE_FAILED', 'user_UUID_list is empty');
  if (uuids.length > MAX_INVITEES) throw new ZoomError('INVITE_TOO_MANY');
  const targets = others(call).filter((p) => uuids.includes(p.participantUUID));
  const unknown = uuids.filter(
    (id) => !others(call).some((p) => p.participantUUID === id) && id !== call.person.participantUUID,
  );
  if (unknown.length > 0) throw new ZoomError('INVITE_FAILED', `not in this meeting or room: ${unknown.join(', ')}`);
  return inviteResult(call, targets, text(call.data, 'messageText') || undefined);
};

const showAppInvitationDialog: ApiHandler = (call) => {
  if (text(call.data, 'dialogHeading').length > 40) throw new ZoomError('DIALOG_HEADING_TOO_LONG');
  if (text(call.data, 'messageText').length > 90) throw new ZoomError('DIALOG_MESSAGE_TOO_LONG');
  // Zoom's dialog lets the user pick people; the simulator's stand-in invites everyone else.
  inviteResult(call, others(call));
  call.meeting.toast(call.pane.key, {
    type: 'info',
    title: 'Invitation dialog (simulated)',
    message: 'Invited everyone in the meeting.',
  });
  return 'Success';
};

const connect: ApiHandler = ({ pane, meeting }) => {
  if (pane.ctx !== 'inMeeting') throw new ZoomError('CONNECT_FAILED', 'connect is called from the meeting instance');
  const peer = meeting.state().panes[peerKey(pane)];
  if (!peer) throw new ZoomError('CONNECT_FAILED', 'this person has no main-client instance open');
  meeting.update((s) => ({
    ...s,
    panes: { ...s.panes, [pane.key]: { ...pane, connected: true }, [peer.key]: { ...peer, connected: true } },
  }));
  afterReply(() => {
    const event = { timestamp: zoomTimestamp(Date.now()), action: 'success' };
    meeting.emit(pane.key, 'onConnect', event);
    meeting.emit(peer.key, 'onConnect', event);
  });
  return 'Success';
};

const postMessage: ApiHandler = ({ pane, meeting, data }) => {
  if (!meeting.state().panes[pane.key]?.connected) throw new ZoomError('NOT_CONNECTED');
  if (byteSize(data) >= POST_MESSAGE_LIMIT_BYTES) throw new ZoomError('POST_FAILED', 'payload must be under 512 KB');
  afterReply(() => meeting.emit(peerKey(pane), 'onMessage', { timestamp: zoomTimestamp(Date.now()), payload: data }));
  return 'Success';
};

const sendMessage: ApiHandler = (call) => {
  const payload = field(call.data, 'payload');
  if (byteSize(payload) > SEND_MESSAGE_LIMIT_BYTES) throw new ZoomError('MESSAGE_TOO_LARGE');
  const event = { timestamp: zoomTimestamp(Date.now()), payload, participantUUID: call.person.participantUUID };
  const targets = openPanes(call.meeting.state()).filter((p) => p.ctx === 'inMeeting' && p.personId !== call.person.id);
  afterReply(() => targets.forEach((p) => call.meeting.emit(p.key, 'onMessage', event)));
  return 'Success';
};

/** Handlers for notifications, invitations, connect/postMessage and sendMessage. */
export const MESSAGING_HANDLERS: Readonly<Record<string, ApiHandler>> = {
  showNotification(call) {
    if (call.person.dnd) throw new ZoomError('DO_NOT_DISTURB');
    call.meeting.toast(call.pane.key, {
      type: text(call.data, 'type') || 'info',
      title: text(call.data, 'title'),
      message: text(call.data, 'message'),
    });
    return 'Success';
  },
  sendAppInvitation,
  sendAppInvitationToAllParticipants: (call) => inviteResult(call, others(call)),
  sendAppInvitationToMeetingOwner: (call) =>
    inviteResult(
      call,
      others(call).filter((p) => p.role === 'host'),
    ),
  showAppInvitationDialog,
  connect,
  postMessage,
  endSyncData({ pane, meeting }) {
    if (!meeting.state().meeting.ended) throw new ZoomError('ONLY_AFTER_END');
    if (!meeting.state().panes[pane.key]?.connected) throw new ZoomError('NOT_CONNECTED');
    meeting.disconnect(pane.key);
    return undefined;
  },
  sendMessage,
};
