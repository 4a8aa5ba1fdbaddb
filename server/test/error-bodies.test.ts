import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useTestServer } from './support/harness';

const ctx = useTestServer();

const get = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(`${ctx.server.url}${path}`, init);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
};

/** A WebSocket upgrade engine.io refuses: node's client gets it as an ordinary response. */
function refusedUpgrade(path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${ctx.server.url}${path}`, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    req.on('upgrade', () => reject(new Error('upgraded')));
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('error bodies the app does not write itself', () => {
  it('engine.io polling refusals are { error: { code, message } }', async () => {
    const unknownTransport = await get('/socket.io/?EIO=4&transport=bogus');
    expect(unknownTransport.status).toBe(400);
    expect(JSON.parse(unknownTransport.body)).toEqual({ error: { code: 'INVALID', message: 'Transport unknown' } });
    const unknownSid = await get('/socket.io/?EIO=4&transport=polling&sid=nope');
    expect(JSON.parse(unknownSid.body)).toEqual({ error: { code: 'INVALID', message: 'Session ID unknown' } });
  });

  it('a refused WebSocket upgrade is JSON in the same shape', async () => {
    const refused = await refusedUpgrade('/socket.io/?EIO=4&transport=websocket&sid=nope');
    expect(refused.status).toBe(400);
    expect(refused.type).toBe('application/json');
    expect(JSON.parse(refused.body)).toEqual({ error: { code: 'INVALID', message: expect.any(String) } });
  });

  it('Fastify’s own refusals (bad URL, unknown route, body too large) are the same shape and name the limit', async () => {
    const badUrl = await get('/api/polls/%E0%A4%A');
    expect(badUrl.status).toBe(400);
    expect(JSON.parse(badUrl.body)).toEqual({ error: { code: 'INVALID', message: expect.any(String) } });
    const unknown = await get('/api/nothing-here');
    expect(JSON.parse(unknown.body)).toEqual({
      error: { code: 'NOT_FOUND', message: expect.stringContaining('/api/nothing-here') },
    });
    const tooLarge = await get('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ context: 'x'.repeat(70_000) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toEqual({
      error: { code: 'INVALID', message: expect.stringContaining('65536') },
    });
  });
});
