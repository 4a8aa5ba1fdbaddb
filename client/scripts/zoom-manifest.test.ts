// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZOOM_ROUTES, ZOOM_WEBHOOK_EVENTS } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { ZOOM_CAPABILITIES } from '../src/zoom/capabilities';
import { generatedBlock, README_PATH } from './readme-block';
import { buildZoomManifest, zoomApisMarkdown } from './zoom-manifest';

const manifest = buildZoomManifest('https://quorum.example.com') as {
  oauth_information: { oauth_allow_list: string[]; production_redirect_uri: string; scopes: { scope: string }[] };
  features: {
    production_home_uri: string;
    domain_allow_list: { domain: string }[];
    in_client_feature: { zoom_app_api: { zoom_app_apis: string[] }; guest_mode: { enable: boolean } };
    event_subscription: { events: { event_types: string[]; production_webhook_url: string }[] };
  };
};
const server = (path: string) => readFileSync(join(process.cwd(), 'server/src', path), 'utf8');

describe('the Zoom app manifest and the deploy guide, generated from the code', () => {
  it('lists exactly the APIs and events config asks for', () => {
    expect(manifest.features.in_client_feature.zoom_app_api.zoom_app_apis).toEqual([...ZOOM_CAPABILITIES]);
    expect(manifest.features.in_client_feature.guest_mode.enable).toBe(true);
  });

  it('points Zoom at the app’s own routes on the public origin', () => {
    expect(manifest.features.production_home_uri).toBe('https://quorum.example.com/');
    expect(manifest.oauth_information.production_redirect_uri).toBe(
      'https://quorum.example.com/api/zoom/install/callback',
    );
    expect(manifest.oauth_information.oauth_allow_list).toContain('https://quorum.example.com/');
    expect(manifest.features.domain_allow_list.map((d) => d.domain)).toEqual(['quorum.example.com', 'appssdk.zoom.us']);
    expect(manifest.features.event_subscription.events[0]).toMatchObject({
      event_types: [...ZOOM_WEBHOOK_EVENTS],
      production_webhook_url: 'https://quorum.example.com/api/zoom/webhooks',
    });
  });

  it('names routes the server really serves, and events it really handles', () => {
    const routes = ['routes/home.ts', 'routes/zoom-install.ts', 'routes/zoom-webhooks.ts'].map(server).join('\n');
    for (const path of [ZOOM_ROUTES.install, ZOOM_ROUTES.installCallback, ZOOM_ROUTES.webhooks])
      expect(routes).toContain(`'${path}'`);
    const handler = server('services/meeting-events.ts');
    for (const event of ZOOM_WEBHOOK_EVENTS) expect(handler).toContain(`'${event}'`);
  });

  it('is what the README’s deploy guide shows (rewrite it with `npm run manifest -- --readme`)', () => {
    expect(generatedBlock(readFileSync(README_PATH, 'utf8'))).toBe(zoomApisMarkdown());
  });
});
