import type { Role } from '../schemas/poll';

/**
 * Zoom spells roles differently in each API ('co-host' in the app context, 'coHost' from getUserContext,
 * 'cohost' in onParticipantChange). Everything inside Quorum uses one spelling.
 */
export function normalizeRole(raw: string | undefined | null): Role {
  switch ((raw ?? '').toLowerCase().replace(/[-_\s]/g, '')) {
    case 'host':
      return 'host';
    case 'cohost':
      return 'cohost';
    case 'panelist':
      return 'panelist';
    case 'attendee':
      return 'attendee';
    default:
      return 'participant';
  }
}

/** Hosts and co-hosts run polls; everyone else votes. */
export const isHostRole = (role: Role): boolean => role === 'host' || role === 'cohost';
