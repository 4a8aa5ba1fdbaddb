import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';

/**
 * One warning line per legacy setting in use, logged once when the app is built. Names the setting,
 * never its value.
 */
export function warnAboutLegacySettings(log: FastifyBaseLogger, config: Config): void {
  if (config.zoomVerificationToken !== undefined) {
    // Zoom retired the verification token for the x-zm-signature scheme (its webhook docs mark the
    // header deprecated); the signature check already runs on every event.
    log.warn(
      { setting: 'ZOOM_VERIFICATION_TOKEN' },
      'ZOOM_VERIFICATION_TOKEN is legacy: Zoom signs webhooks with ZOOM_WEBHOOK_SECRET_TOKEN (x-zm-signature); unset it once Zoom no longer sends the authorization header',
    );
  }
}
