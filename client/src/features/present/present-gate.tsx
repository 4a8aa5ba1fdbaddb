import type { ReactNode } from 'react';
import { PresentProvider, usePresent } from './present-context';
import { QA_PRESENT_ID, QaPresentView } from '../qa/qa-present';
import { PresentView } from './present-view';

interface GateProps {
  children: ReactNode;
  /** The connection banner: a presentation must not show stale results without saying so. */
  banner?: ReactNode;
}

function Stage({ children, banner }: GateProps) {
  const present = usePresent();
  if (present?.pollId === QA_PRESENT_ID) return <QaPresentView onExit={present.close} banner={banner} />;
  if (present?.pollId) return <PresentView pollId={present.pollId} onExit={present.close} banner={banner} />;
  return children;
}

/** The meeting app, or the presentation of one poll in its place while present mode is on. */
export function PresentGate({ children, banner }: GateProps) {
  return (
    <PresentProvider>
      <Stage banner={banner}>{children}</Stage>
    </PresentProvider>
  );
}
