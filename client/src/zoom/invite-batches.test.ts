import { describe, expect, it, vi } from 'vitest';
import { chunk, inviteInBatches } from './invite-batches';

describe('invitation batching', () => {
  it('chunks by ten', () => {
    const ids = Array.from({ length: 23 }, (_, i) => `p${i}`);
    expect(chunk(ids, 10).map((c) => c.length)).toEqual([10, 10, 3]);
    expect(chunk([], 10)).toEqual([]);
  });

  it('sends sequential batches of at most ten, without duplicates', async () => {
    const send = vi.fn(async (_ids: string[]) => ({ invitationUUID: 'x' }));
    const ids = Array.from({ length: 21 }, (_, i) => `p${i}`);
    const batches = await inviteInBatches(send, [...ids, 'p0', 'p1']);
    expect(batches).toBe(3);
    expect(send.mock.calls.map(([b]) => b.length)).toEqual([10, 10, 1]);
    expect(send.mock.calls.flatMap(([b]) => b)).toEqual(ids);
  });

  it('stops at the first failing batch', async () => {
    const send = vi.fn().mockResolvedValueOnce({}).mockRejectedValueOnce(new Error('403'));
    await expect(
      inviteInBatches(
        send,
        Array.from({ length: 30 }, (_, i) => `p${i}`),
      ),
    ).rejects.toThrow('403');
    expect(send).toHaveBeenCalledTimes(2);
  });
});
