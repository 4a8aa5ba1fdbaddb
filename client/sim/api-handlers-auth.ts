import type { ApiHandler } from './call-router';
import { zoomTimestamp } from './payloads';
import type { UserStatus } from './sim-types';

// In-client OAuth: authorize answers at once and the code follows in onAuthorized, minted for real
// by the dev server's fake Zoom cloud, so the app's server can redeem it with its PKCE verifier.

// promptAuthorize walks a user one step: sign in, then add the app.
const NEXT_STATUS: Record<UserStatus, UserStatus> = {
  unauthenticated: 'authenticated',
  authenticated: 'authorized',
  authorized: 'authorized',
};

const text = (data: unknown, name: string): string | undefined => {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
};

const authorize: ApiHandler = ({ data, pane, person, meeting, options, cloud }) => {
  // The SDK itself refuses a call without codeChallenge, so one always arrives here.
  const codeChallenge = text(data, 'codeChallenge') ?? '';
  const state = text(data, 'state');
  const event = { redirectUri: options.redirectUri, ...(state === undefined ? {} : { state }) };
  setTimeout(() => {
    const request = {
      uid: person.userId,
      redirectUri: options.redirectUri,
      codeChallenge,
      method: meeting.state().pkceMethod,
      ...(state === undefined ? {} : { state }),
    };
    void cloud.mintCode(request).then(
      (code) => {
        // Approving the consent adds the app, as in Zoom.
        if (person.status !== 'authorized') meeting.setStatus(person.id, 'authorized');
        meeting.emit(pane.key, 'onAuthorized', { code, ...event, result: true, timestamp: zoomTimestamp(Date.now()) });
      },
      (error: unknown) => {
        // As if the user had declined: the app hears result false rather than waiting for ever.
        meeting.log({
          paneKey: pane.key,
          kind: 'call',
          api: 'fake cloud: mint code',
          error: { code: 'SIM', message: String(error) },
        });
        meeting.emit(pane.key, 'onAuthorized', {
          code: '',
          ...event,
          result: false,
          timestamp: zoomTimestamp(Date.now()),
        });
      },
    );
  }, options.authorizeDelayMs);
  return 'Success';
};

/** authorize (with a real code from the fake cloud) and promptAuthorize. */
export const AUTH_HANDLERS: Readonly<Record<string, ApiHandler>> = {
  authorize,
  promptAuthorize({ person, meeting }) {
    meeting.setStatus(person.id, NEXT_STATUS[person.status]);
    return 'Success';
  },
};
