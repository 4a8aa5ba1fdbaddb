/** Zoom accepts at most this many participants per sendAppInvitation call. */
export const INVITE_BATCH_SIZE = 10;

/** Splits a list into consecutive chunks of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('chunk size must be at least 1');
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Sends invitations in batches of at most 10, one call after another (parallel calls would race the
 * client's invitation dialog). Duplicates are dropped; the first failing batch rejects.
 */
export async function inviteInBatches(
  send: (participantUUIDs: string[]) => Promise<unknown>,
  participantUUIDs: readonly string[],
  size = INVITE_BATCH_SIZE,
): Promise<number> {
  const batches = chunk([...new Set(participantUUIDs)], size);
  for (const batch of batches) await send(batch);
  return batches.length;
}
