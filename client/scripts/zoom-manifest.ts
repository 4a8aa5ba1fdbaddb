import { ZOOM_ROUTES, ZOOM_SCOPES, ZOOM_WEBHOOK_EVENTS } from '@quorum/shared';
import { ZOOM_CAPABILITIES } from '../src/zoom/capabilities';

/** The Marketplace's own spelling of a host: no scheme, no path. */
const hostOf = (publicUrl: URL): string => publicUrl.host;

/**
 * Quorum's app manifest in the shape of Zoom's manifest schema (developers.zoom.us/docs/build-flow/
 * manifests/schema, an early-preview feature: it updates an existing general app's user-editable values).
 * Every value comes from the code: the APIs from config's capabilities, scopes, routes and events from
 * @quorum/shared's marketplace facts.
 */
export function buildZoomManifest(publicUrl: string): object {
  const base = new URL(publicUrl);
  const at = (path: string) => new URL(path, base).toString();
  return {
    display_information: {
      display_name: 'Quorum',
      description: 'Live polls inside Zoom meetings',
      long_description:
        'Prepare polls, launch them in the meeting and watch results move live: single and multiple choice, rating, rank, open text, numbers, quizzes and surveys.',
    },
    oauth_information: {
      usage: 'USER_OPERATION',
      development_redirect_uri: at(ZOOM_ROUTES.installCallback),
      production_redirect_uri: at(ZOOM_ROUTES.installCallback),
      // In-client authorize codes are bound to the Home URL, so it is on the allow list too.
      oauth_allow_list: [at(ZOOM_ROUTES.installCallback), at(ZOOM_ROUTES.home)],
      strict_mode: false,
      subdomain_strict_mode: true,
      scopes: ZOOM_SCOPES.map(({ scope, optional }) => ({ scope, optional: optional === true })),
      scope_description: ZOOM_SCOPES.map(({ scope, why }) => `${scope}: ${why}`).join('; '),
    },
    features: {
      products: ['ZOOM_MEETING', 'ZOOM_WEBINAR'],
      development_home_uri: at(ZOOM_ROUTES.home),
      production_home_uri: at(ZOOM_ROUTES.home),
      domain_allow_list: [
        { domain: hostOf(base), explanation: 'Quorum’s own pages, API and WebSocket' },
        { domain: 'appssdk.zoom.us', explanation: 'the Zoom Apps SDK' },
      ],
      in_client_feature: {
        zoom_app_api: { enable: true, zoom_app_apis: [...ZOOM_CAPABILITIES] },
        guest_mode: { enable: true, enable_test_guest_mode: true },
        in_client_oauth: { enable: true },
        collaborate_mode: { enable: false, enable_screen_sharing: false, enable_play_together: false },
      },
      event_subscription: {
        enable: true,
        events: [
          {
            subscription_name: 'quorum',
            event_types: [...ZOOM_WEBHOOK_EVENTS],
            development_webhook_url: at(ZOOM_ROUTES.webhooks),
            production_webhook_url: at(ZOOM_ROUTES.webhooks),
          },
        ],
      },
    },
  };
}

/** The Markdown the README's deploy guide shows between its `zoom-apis` markers. */
export function zoomApisMarkdown(): string {
  const apis = ZOOM_CAPABILITIES.filter((name) => !name.startsWith('on'));
  const events = ZOOM_CAPABILITIES.filter((name) => name.startsWith('on'));
  const code = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');
  return [
    `- **Zoom App SDK APIs** (${apis.length}, plus \`config\`): ${code(apis)}`,
    `- **SDK events** (${events.length}): ${code(events)}`,
    `- **Scopes:** ${ZOOM_SCOPES.map(({ scope, optional }) => `\`${scope}\`${optional ? ' (webinars only)' : ''}`).join(', ')}`,
    `- **Event subscriptions** at \`https://<your-host>${ZOOM_ROUTES.webhooks}\`: ${code(ZOOM_WEBHOOK_EVENTS)}`,
  ].join('\n');
}
