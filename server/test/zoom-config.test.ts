import { describe, expect, it } from 'vitest';
import { DEV_OUTGOING_WEBHOOK_SECRET, loadConfig } from '../src/config';

const PRODUCTION = {
  NODE_ENV: 'production',
  ZOOM_CLIENT_ID: 'id',
  ZOOM_CLIENT_SECRET: 'secret',
  ZOOM_WEBHOOK_SECRET_TOKEN: 'whsec',
  SESSION_SECRET: 's'.repeat(32),
  TOKEN_ENCRYPTION_KEY: 'a'.repeat(64),
  PUBLIC_URL: 'https://quorum.example.com',
};

describe('Zoom cloud configuration', () => {
  it('points npm start at the fake cloud and its receivers when nothing is set', () => {
    const config = loadConfig({ NODE_ENV: 'development', PORT: '4000' });
    expect(config).toMatchObject({
      zoomOauthBaseUrl: 'http://localhost:4000/sim/zoom',
      zoomApiBaseUrl: 'http://localhost:4000/sim/zoom/v2',
      outgoingWebhookUrls: ['http://localhost:4000/sim/zoom/hooks/dev'],
      outgoingWebhookSecret: DEV_OUTGOING_WEBHOOK_SECRET,
      zoomPkceMethod: 'plain',
      zoomWebhookMaxAgeSec: 300,
      zoomWebhookAllowedCidrs: [],
      deliveryRetryDelaysMs: [2000, 30000, 300000],
    });
    expect(config.smtpUrl).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'test' }).outgoingWebhookUrls).toEqual([]);
  });

  it('uses the real Zoom in production and needs a secret for outgoing webhooks', () => {
    expect(loadConfig(PRODUCTION)).toMatchObject({
      zoomOauthBaseUrl: 'https://zoom.us',
      zoomApiBaseUrl: 'https://api.zoom.us/v2',
      outgoingWebhookUrls: [],
    });
    expect(() => loadConfig({ ...PRODUCTION, OUTGOING_WEBHOOK_URLS: 'https://crm.example.com/hook' })).toThrow(
      /OUTGOING_WEBHOOK_SECRET is required/,
    );
  });

  it('reads lists, methods and URLs, and names every bad value', () => {
    const config = loadConfig({
      ...PRODUCTION,
      ZOOM_PKCE_METHOD: 'S256',
      ZOOM_WEBHOOK_ALLOWED_CIDRS: '3.7.35.0/25, 2001:db8::/32,10.1.2.3',
      OUTGOING_WEBHOOK_URLS: 'https://a.example.com/h/, https://b.example.com/h',
      OUTGOING_WEBHOOK_SECRET: 'x'.repeat(16),
      SMTP_URL: 'smtps://user:pass@mail.example.com:465',
      DELIVERY_RETRY_DELAYS_MS: '100,200',
      ZOOM_VERIFICATION_TOKEN: 'legacy',
    });
    expect(config).toMatchObject({
      zoomPkceMethod: 'S256',
      zoomWebhookAllowedCidrs: ['3.7.35.0/25', '2001:db8::/32', '10.1.2.3'],
      outgoingWebhookUrls: ['https://a.example.com/h', 'https://b.example.com/h'],
      smtpUrl: 'smtps://user:pass@mail.example.com:465',
      deliveryRetryDelaysMs: [100, 200],
      zoomVerificationToken: 'legacy',
      mailFrom: 'Quorum <quorum@quorum.example.com>',
    });
    const bad = () =>
      loadConfig({
        ZOOM_WEBHOOK_ALLOWED_CIDRS: '10.0.0.0/8,10.0.0.0/33',
        ZOOM_PKCE_METHOD: 'sha256',
        SMTP_URL: 'http://x',
      });
    expect(bad).toThrow("ZOOM_PKCE_METHOD must be 'plain' or 'S256'");
    expect(bad).toThrow('ZOOM_WEBHOOK_ALLOWED_CIDRS.1 must be comma-separated CIDR ranges');
    expect(bad).toThrow('SMTP_URL must be an smtp:// or smtps:// URL');
    expect(() => loadConfig({ ZOOM_WEBHOOK_MAX_AGE_SEC: '5' })).toThrow(/ZOOM_WEBHOOK_MAX_AGE_SEC must be at least 10/);
  });
});
