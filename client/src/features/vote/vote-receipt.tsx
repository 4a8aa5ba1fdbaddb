import type { Receipt } from '@quorum/shared';

/** The visible confirmation that the server committed my ballot (it exists only after the ack). */
export function VoteReceipt({ receipts }: { receipts: Record<string, Receipt> }) {
  const castAt = Math.max(...Object.values(receipts).map((r) => r.castAt));
  const time = new Date(castAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <p className="receipt" data-testid="vote-receipt">
      <span aria-hidden="true">✓ </span>Vote received at {time}
    </p>
  );
}
