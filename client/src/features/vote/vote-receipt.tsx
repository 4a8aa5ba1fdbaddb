import type { Ref } from 'react';
import type { Receipt } from '@quorum/shared';
import { FormattedMessage } from 'react-intl';

/** The visible confirmation that the server committed my ballot (it exists only after the ack). */
export function VoteReceipt({ receipts, ref }: { receipts: Record<string, Receipt>; ref?: Ref<HTMLParagraphElement> }) {
  const castAt = Math.max(...Object.values(receipts).map((r) => r.castAt));
  return (
    <p className="receipt" data-testid="vote-receipt" ref={ref} tabIndex={-1}>
      <span aria-hidden="true">✓ </span>
      <FormattedMessage id="ballot.receivedAt" values={{ at: castAt }} />
    </p>
  );
}
