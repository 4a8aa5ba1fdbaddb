import { createServer, type Server } from 'node:http';
import type { Frame, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/test/support/process';
import { startEnv, type E2eEnv } from './support/env';
import type { SimPage } from './support/sim-page';

let env: E2eEnv;
let foreign: Server;
let foreignOrigin: string;
beforeAll(async () => {
  env = await startEnv();
  const port = await freePort();
  foreign = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Another app</title>'),
  );
  await new Promise<void>((resolve) => foreign.listen(port, '127.0.0.1', resolve));
  // Another site: `localhost` is not the site of 127.0.0.1, where Quorum runs (an app or ad frame beside it in Zoom).
  foreignOrigin = `http://localhost:${port}`;
});
afterAll(async () => {
  foreign?.closeAllConnections();
  await new Promise((resolve) => foreign?.close(resolve));
  await env?.close();
});

/**
 * The simulator with the host's Quorum open, plus a frame from the other site under the same top-level page. In Zoom,
 * Quorum's frame is cross-site to the top-level page, so its partitioned cookie is kept in the partition that any
 * other cross-site frame there uses too; in the simulator Quorum is same-site with the top, so the test puts the
 * host's cookie into that partition, as Zoom's page would have it.
 */
async function foreignFrameBesideQuorum(): Promise<{ sim: SimPage; frame: Frame }> {
  const sim = await env.openSim({ open: 'host', bypassCsp: true });
  await sim.pane('p1').ready('host');
  const top = new URL(env.server.url).origin;
  const cookies = (await sim.context.cookies()).filter((c) => c.name === 'quorum_session');
  expect(cookies).toHaveLength(1);
  await sim.context.addCookies(
    cookies.map(({ name, value, domain, path, expires, httpOnly, secure, sameSite }) => ({
      name,
      value,
      domain,
      path,
      expires,
      httpOnly,
      secure,
      sameSite,
      partitionKey: top,
    })),
  );
  await sim.page.evaluate((src) => {
    const iframe = document.createElement('iframe');
    iframe.name = 'foreign';
    iframe.src = src;
    document.body.append(iframe);
    return new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  }, `${foreignOrigin}/`);
  const frame = sim.page.frame({ name: 'foreign' });
  if (frame?.url() !== `${foreignOrigin}/`) throw new Error(`the foreign frame did not load: ${frame?.url()}`);
  return { sim, frame };
}

/**
 * What Quorum answered a request the foreign frame made, read off the network: `no-cors`, as an attacker would
 * send it (no preflight, and the page never needs to read the answer for the request to have its effect).
 */
async function statusOf(sim: SimPage, frame: Frame, path: string, init: RequestInit): Promise<number> {
  const url = `${env.server.url}${path}`;
  const [response] = await Promise.all([
    sim.page.waitForResponse((r: Response) => r.url() === url && r.frame() === frame),
    frame.evaluate(
      ({ url, init }) =>
        fetch(url, { ...init, mode: 'no-cors' }).then(
          () => undefined,
          () => undefined,
        ),
      { url, init },
    ),
  ]);
  return response.status();
}

/** The cookie does reach Quorum from the foreign frame (a read it may make answers as the host): refusals are by Origin. */
async function expectCookieSent(sim: SimPage, frame: Frame): Promise<void> {
  expect(await statusOf(sim, frame, '/api/zoom/status', { credentials: 'include' })).toBe(200);
  expect(await statusOf(sim, frame, '/api/zoom/status', { credentials: 'omit' })).toBe(401);
}

/**
 * Opens a WebSocket to Quorum's socket.io from the frame (it carries whatever cookie the jar holds). The page learns
 * only that it closed; the browser's console says with which HTTP status the handshake was refused.
 */
async function websocketFrom(sim: SimPage, frame: Frame): Promise<{ outcome: string; refusedWith403: boolean }> {
  const seen = sim.problems.length;
  const outcome = await frame.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => resolve('open');
        socket.onclose = (event) => resolve(`closed ${event.code}`);
      }),
    `${env.server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`,
  );
  const refusedWith403 = sim.problems
    .slice(seen)
    .some((p) => /WebSocket connection to .* failed: .*Unexpected response code: 403/.test(p.text));
  return { outcome, refusedWith403 };
}

describe('a frame from another site under the same top-level page as Quorum', () => {
  it('cannot open a socket.io connection, with or without the cookie', async () => {
    const { sim, frame } = await foreignFrameBesideQuorum();
    await expectCookieSent(sim, frame);
    expect(await statusOf(sim, frame, '/socket.io/?EIO=4&transport=polling', { credentials: 'include' })).toBe(403);
    expect(await websocketFrom(sim, frame)).toEqual({ outcome: 'closed 1006', refusedWith403: true });
    await sim.context.clearCookies();
    expect(await websocketFrom(sim, frame)).toEqual({ outcome: 'closed 1006', refusedWith403: true });
  });

  it('cannot make a state-changing request with the session cookie', async () => {
    const { sim, frame } = await foreignFrameBesideQuorum();
    // A POST without a body needs no preflight; with the cookie alone it would start an OAuth state as the host.
    await expectCookieSent(sim, frame);
    expect(await statusOf(sim, frame, '/api/zoom/authorize', { method: 'POST', credentials: 'include' })).toBe(403);
    // Quorum's own frame, same session and cookie, still may (its Origin is the app's).
    const own = sim.pane('p1').liveFrame();
    expect(
      await own.evaluate(() =>
        fetch('/api/zoom/authorize', { method: 'POST', credentials: 'include' }).then((r) => r.status),
      ),
    ).toBe(200);
  });
});
