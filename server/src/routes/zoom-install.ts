import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config';
import { INSTALL_STATE_TTL_MS } from '../services/install-state-cookie';
import { OAuthError } from '../zoom/oauth-client';
import { plainPage } from './home';

/** Options for {@link zoomInstallRoutes}. */
export interface ZoomInstallRoutesOptions {
  config: Config;
}

/** Cookie that ties the install callback to the browser that started it (login-CSRF defence) and holds its sealed state. */
export const INSTALL_COOKIE = 'quorum_install';

const callbackQuerySchema = z.object({
  code: z.string().min(1).max(2048).optional(),
  state: z.string().min(1).max(256).optional(),
  error: z.string().max(200).optional(),
});

// What the deep link opens: the app's Home page, as in Zoom's samples.
const DEEPLINK_ACTION = { url: '/', role_name: 'Owner', verified: 1, role_id: 0 };

const page = (reply: FastifyReply, status: number, title: string, message: string) =>
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(plainPage(title, message));

/**
 * Marketplace install from the web: `GET /api/zoom/install` sends the browser to Zoom's consent page
 * with S256 PKCE; `GET /api/zoom/install/callback` redeems the code, stores the tokens, asks Zoom
 * for a deep link and sends the browser there, which opens Quorum in the Zoom client.
 */
export const zoomInstallRoutes: FastifyPluginAsync<ZoomInstallRoutesOptions> = async (app, { config }) => {
  const redirectUri = `${config.publicUrl}/api/zoom/install/callback`;
  const cookieOptions = {
    signed: true,
    httpOnly: true,
    secure: true,
    sameSite: 'lax' as const,
    path: '/api/zoom/install',
  };

  app.get('/api/zoom/install', async (_req, reply) => {
    // The web flow is a regular browser redirect, where S256 is documented and supported. Nothing is
    // written server-side: the state and verifier travel sealed in the cookie (a GET must not write).
    const { started, cookie } = app.zoom.installStates.start();
    reply.setCookie(INSTALL_COOKIE, cookie, { ...cookieOptions, maxAge: INSTALL_STATE_TTL_MS / 1000 });
    const url = app.zoom.oauth.authorizeUrl({
      redirectUri,
      codeChallenge: started.codeChallenge,
      method: 'S256',
      state: started.state,
    });
    return reply.header('cache-control', 'no-store').redirect(url, 302);
  });

  app.get('/api/zoom/install/callback', async (req, reply) => {
    const query = callbackQuerySchema.safeParse(req.query);
    if (!query.success || query.data.error || !query.data.code || !query.data.state) {
      return page(
        reply,
        400,
        'Quorum was not installed',
        'Zoom did not approve the installation. Start again from the Marketplace.',
      );
    }
    const cookie = req.cookies[INSTALL_COOKIE];
    const unsigned = cookie ? app.unsignCookie(cookie) : undefined;
    reply.clearCookie(INSTALL_COOKIE, cookieOptions);
    // A replayed callback gets past here only with the same browser's cookie, and then Zoom refuses
    // the spent code: codes are single-use.
    const state = app.zoom.installStates.finish(
      unsigned?.valid ? (unsigned.value ?? undefined) : undefined,
      query.data.state,
    );
    if (!state.ok) {
      const why =
        state.reason === 'started in another browser'
          ? 'it was started in another browser'
          : `its state is ${state.reason}`;
      return page(
        reply,
        400,
        'Quorum was not installed',
        `This installation link cannot be used: ${why}. Start again.`,
      );
    }
    try {
      const tokens = await app.zoom.oauth.exchangeCode({
        code: query.data.code,
        redirectUri,
        codeVerifier: state.verifier,
      });
      await app.zoom.accounts.link(tokens);
      const deeplink = await app.zoom.rest.createDeeplink(tokens.accessToken, DEEPLINK_ACTION);
      return await reply.header('cache-control', 'no-store').redirect(deeplink, 302);
    } catch (error) {
      if (error instanceof OAuthError && error.needsReauthorization) {
        return page(
          reply,
          400,
          'Quorum was not installed',
          'Zoom refused the authorization code (expired or already used). Start again.',
        );
      }
      req.log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'install failed');
      return page(reply, 502, 'Quorum was not installed', 'Zoom did not answer as expected. Try again in a moment.');
    }
  });
};
