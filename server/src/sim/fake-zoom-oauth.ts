import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { plainPage } from '../routes/home';
import type { FakeZoomState, TokenOutcome } from './fake-zoom-state';

/** Options of {@link fakeZoomOAuthRoutes}: the one app the fake cloud knows. */
export interface FakeOAuthOptions {
  state: FakeZoomState;
  clientId: string;
  clientSecret: string;
}

const pkceMethod = z.enum(['plain', 'S256']).default('plain');

const authorizeQuerySchema = z.object({
  response_type: z.literal('code'),
  client_id: z.string().min(1),
  redirect_uri: z.url(),
  code_challenge: z.string().min(1).max(256),
  code_challenge_method: pkceMethod,
  state: z.string().max(512).default(''),
  uid: z.string().min(1).max(100).optional(),
});

/** `POST /sim/zoom/oauth/mint`: a code for a person without a browser (simulator, tests). */
export const mintRequestSchema = z.strictObject({
  uid: z.string().min(1).max(100),
  redirectUri: z.url(),
  codeChallenge: z.string().min(1).max(256),
  method: pkceMethod,
  state: z.string().max(512).optional(),
});

const tokenParamsSchema = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('authorization_code'),
    code: z.string().min(1),
    redirect_uri: z.string().min(1),
    code_verifier: z.string().default(''),
  }),
  z.object({ grant_type: z.literal('refresh_token'), refresh_token: z.string().min(1) }),
]);

const complianceSchema = z.object({
  client_id: z.string().min(1),
  user_id: z.string().min(1),
  account_id: z.string(),
  deauthorization_event_received: z.record(z.string(), z.unknown()),
  compliance_completed: z.boolean(),
});

const escapeAttr = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The consent page: every authorize parameter travels on as a hidden field; no script, so the CSP holds. */
function consentPage(query: z.infer<typeof authorizeQuerySchema>): string {
  const hidden = Object.entries(query)
    .filter(([k]) => k !== 'uid')
    .map(([k, v]) => `<input type="hidden" name="${escapeAttr(k)}" value="${escapeAttr(String(v))}">`)
    .join('');
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Zoom: authorize Quorum</title></head><body><main>' +
    '<h1>Authorize Quorum</h1><p>Quorum asks to read your profile and your meetings (fake Zoom cloud, development only).</p>' +
    `<form method="post" action="authorize">${hidden}<label>Zoom user id <input name="uid" required value="${escapeAttr(query.uid ?? 'sim-host')}"></label> ` +
    '<button type="submit">Approve</button></form></main></body></html>'
  );
}

const sendToken = (reply: FastifyReply, outcome: TokenOutcome) =>
  reply
    .code(outcome.ok ? 200 : outcome.status)
    .header('cache-control', 'no-store')
    .send(outcome.body);

/** Fake `zoom.us/oauth/*`: consent page, token endpoint (Basic auth, PKCE, rotation), mint and revoke. */
export const fakeZoomOAuthRoutes: FastifyPluginAsync<FakeOAuthOptions> = async (
  app,
  { state, clientId, clientSecret },
) => {
  const expectedBasic = Buffer.from(`Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`);
  const clientOk = (header: string | undefined) => {
    const given = Buffer.from(header ?? '');
    return given.length === expectedBasic.length && timingSafeEqual(given, expectedBasic);
  };

  app.get('/oauth/authorize', async (req, reply) => {
    const query = authorizeQuerySchema.safeParse(req.query);
    if (!query.success || query.data.client_id !== clientId) {
      return reply
        .code(400)
        .type('text/html; charset=utf-8')
        .send(plainPage('Invalid authorization request', 'Check client_id, redirect_uri and code_challenge.'));
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(consentPage(query.data));
  });

  app.post('/oauth/authorize', async (req, reply) => {
    const form = authorizeQuerySchema.extend({ uid: z.string().min(1).max(100) }).safeParse(req.body);
    if (!form.success || form.data.client_id !== clientId)
      return reply.code(400).send({ reason: 'Invalid request', error: 'invalid_request' });
    const f = form.data;
    const code = state.mintCode({
      uid: f.uid,
      redirectUri: f.redirect_uri,
      codeChallenge: f.code_challenge,
      method: f.code_challenge_method,
    });
    const target = new URL(f.redirect_uri);
    target.searchParams.set('code', code);
    if (f.state) target.searchParams.set('state', f.state);
    return reply.redirect(target.toString(), 302);
  });

  app.post('/oauth/mint', async (req, reply) => {
    const input = mintRequestSchema.safeParse(req.body);
    if (!input.success)
      return reply.code(400).send({ error: { code: 'INVALID', message: input.error.issues[0]?.message ?? 'invalid' } });
    const code = state.mintCode(input.data);
    return { code, state: input.data.state ?? null };
  });

  app.post('/oauth/token', async (req, reply) => {
    if (!clientOk(req.headers.authorization))
      return reply.code(401).send({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    // Zoom's own sample sends these as query parameters, Rivet as a form body: accept both.
    const params = tokenParamsSchema.safeParse({
      ...(req.query as object),
      ...((req.body as object | undefined) ?? {}),
    });
    if (!params.success)
      return reply.code(400).send({ reason: 'Unsupported grant type or missing parameter', error: 'invalid_request' });
    const p = params.data;
    return sendToken(
      reply,
      p.grant_type === 'authorization_code'
        ? state.redeemCode(p.code, p.redirect_uri, p.code_verifier)
        : state.rotate(p.refresh_token),
    );
  });

  // Zoom's Data Compliance API, as its reference describes it: the app says it deleted a deauthorized
  // user's data. Recorded so a test (or the simulator) can see whether, and what, the app reported.
  app.post('/oauth/data/compliance', async (req, reply) => {
    if (!clientOk(req.headers.authorization))
      return reply.code(401).send({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    const body = complianceSchema.safeParse(req.body);
    if (!body.success)
      return reply.code(400).send({ code: 300, message: body.error.issues[0]?.message ?? 'invalid request' });
    state.complianceReports.push({ ...body.data, at: Date.now() });
    return reply.code(204).send();
  });

  // Test and simulator controls: what Zoom would do when a user removes the app, or when time passes.
  app.post<{ Params: { uid: string } }>('/users/:uid/revoke', async (req) => {
    state.revoke(req.params.uid);
    return { revoked: true };
  });
  app.post<{ Params: { uid: string } }>('/users/:uid/expire-access', async (req) => {
    state.expireAccess(req.params.uid);
    return { expired: true };
  });
};
