/**
 * Every error the simulator answers with. Codes and messages are Zoom's own where sdk.d.ts documents
 * them; the 800xx "No Permission" family follows the messages Zoom clients print (devforum reports);
 * SIM_* rows are the simulator's and say so.
 */
export const ZOOM_ERRORS = {
  GENERIC: { code: '10001', message: 'The Zoom client encountered an error while processing the request' },
  NOT_IN_CAPABILITIES: {
    code: '80002',
    message: 'No Permission for this API. [code:80002, reason:not_in_config_capabilities]',
  },
  API_DISABLED: { code: '80004', message: 'No Permission for this API. [code:80004, reason:app_not_support]' },
  ROLE_NOT_ALLOWED: { code: '80012', message: 'No Permission for this API. [code:80012, reason:require_meeting_role]' },
  GUEST_MODE: { code: '10284', message: 'API is not support in guest mode.' },
  WRONG_CONTEXT: { code: '10116', message: 'This running context is currently unsupported.' },
  MEETING_NOT_READY: { code: '10150', message: 'Meeting not ready, can’t call this api.' },
  INVITE_FAILED: { code: '10026', message: 'Failed to send the app invitation.' },
  INVITE_NO_PRIVILEGE: { code: '10027', message: 'You do not have privilege to send app invitation!' },
  INVITE_TOO_MANY: {
    code: '10028',
    message: 'A maximum of 10 individual invites can be sent at a time. Consider sending to everyone instead!',
  },
  DIALOG_HEADING_TOO_LONG: { code: '10257', message: 'DialogHeading is more than 40 characters.' },
  DIALOG_MESSAGE_TOO_LONG: { code: '10258', message: 'MessageText is more than 90 characters.' },
  DO_NOT_DISTURB: { code: '10042', message: 'Not allowed to show notification for do-not-disturb-mode.' },
  POST_FAILED: { code: '10038', message: 'Failed to post message to connect app.' },
  CONNECT_FAILED: { code: '10039', message: 'Failed to connect with the app in main client.' },
  NOT_CONNECTED: { code: '10041', message: 'Failed to do this action because app instances aren’t connected.' },
  APP_CONTEXT_FAILED: { code: '10118', message: 'Failed to get app context' },
  ONLY_AFTER_END: { code: '10053', message: 'This API can only be used after meeting ends.' },
  MESSAGE_TOO_LARGE: { code: '10229', message: 'Message payload too large - exceeds 1Kb' },
  ROOMS_NOT_OPEN: { code: '10092', message: 'Breakout Rooms are not open.' },
  SIM_NOT_IMPLEMENTED: {
    code: '10001',
    message: 'The Zoom client encountered an error while processing the request [simulator: API not implemented]',
  },
} as const;

/** A row of {@link ZOOM_ERRORS}. */
export type ZoomErrorKey = keyof typeof ZOOM_ERRORS;

/** Thrown by API handlers; the bridge turns it into `{errorCode, errorMessage}`. */
export class ZoomError extends Error {
  override readonly name = 'ZoomError';
  readonly code: string;

  constructor(
    readonly key: ZoomErrorKey,
    detail?: string,
  ) {
    super(detail ? `${ZOOM_ERRORS[key].message} (${detail})` : ZOOM_ERRORS[key].message);
    this.code = ZOOM_ERRORS[key].code;
  }
}
