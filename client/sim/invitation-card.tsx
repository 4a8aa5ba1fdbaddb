import type { Invitation, Person } from './sim-types';
import { useSim } from './use-sim';

/** Zoom's "X invited you to use Quorum" card; Open loads the app, carrying the invitation id. */
export function InvitationCard({
  person,
  invitation,
  appOpen,
}: {
  person: Person;
  invitation: Invitation;
  appOpen: boolean;
}) {
  const { meeting } = useSim();
  const open = () =>
    appOpen
      ? meeting.dismissInvitation(person.id, invitation.invitationUUID)
      : meeting.openApp(person.id, 'inMeeting', invitation.invitationUUID);
  return (
    <div className="invitation" role="alert" data-testid="invitation" data-invitation-uuid={invitation.invitationUUID}>
      <p>
        <strong>{invitation.fromName}</strong> invited you to use <strong>Quorum</strong>.
      </p>
      {invitation.messageText && <p data-testid="invitation-message">{invitation.messageText}</p>}
      <button type="button" data-testid="invitation-open" onClick={open}>
        Open
      </button>
      <button
        type="button"
        data-testid="invitation-dismiss"
        onClick={() => meeting.dismissInvitation(person.id, invitation.invitationUUID)}
      >
        Dismiss
      </button>
    </div>
  );
}
