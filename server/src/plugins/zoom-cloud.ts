import fp from 'fastify-plugin';
import type { Config } from '../config';
import { InstallStateCookie } from '../services/install-state-cookie';
import { OAuthStates } from '../services/oauth-states';
import { ZoomAccounts } from '../services/zoom-accounts';
import type { Store } from '../store/types';
import { ZoomOAuthClient } from '../zoom/oauth-client';
import { ZoomRestClient } from '../zoom/rest-client';

/** The Zoom cloud clients and per-user token service, shared by the OAuth, install and webhook code. */
export interface ZoomCloud {
  oauth: ZoomOAuthClient;
  rest: ZoomRestClient;
  accounts: ZoomAccounts;
  states: OAuthStates;
  installStates: InstallStateCookie;
}

declare module 'fastify' {
  interface FastifyInstance {
    zoom: ZoomCloud;
  }
}

/** Options for {@link zoomCloudPlugin}. */
export interface ZoomCloudOptions {
  config: Config;
  store: Store;
}

/** Decorates `app.zoom` with clients built from the config (base URLs point at the fake cloud in dev). */
export const zoomCloudPlugin = fp<ZoomCloudOptions>(
  async (app, { config, store }) => {
    const oauth = new ZoomOAuthClient({
      baseUrl: config.zoomOauthBaseUrl,
      clientId: config.zoomClientId,
      clientSecret: config.zoomClientSecret,
    });
    const rest = new ZoomRestClient({ baseUrl: config.zoomApiBaseUrl });
    const accounts = new ZoomAccounts({ store, oauth, rest, tokenKey: config.tokenEncryptionKey });
    const states = new OAuthStates(store, config.tokenEncryptionKey, { maxPending: config.zoomOauthPendingMax });
    const installStates = new InstallStateCookie(config.tokenEncryptionKey);
    app.decorate('zoom', { oauth, rest, accounts, states, installStates });
  },
  { name: 'zoom-cloud', fastify: '5.x' },
);
