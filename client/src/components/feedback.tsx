import { useState, type ReactNode } from 'react';
import { AnnouncerContext, type Announcer } from './announcer';
import { StatusRegion } from './status-region';
import { ToastStackView } from './toast-stack';
import { createToastStack, ToastContext, type ToastStack } from './toasts';

/** The app's feedback channels around `children`: the polite live region and the visible toast stack. */
export function Feedback({
  announcer,
  toasts,
  children,
}: {
  announcer: Announcer;
  /** One is made for the app's life unless a test hands its own. */
  toasts?: ToastStack;
  children: ReactNode;
}) {
  const [stack] = useState(() => toasts ?? createToastStack());
  return (
    <AnnouncerContext.Provider value={announcer}>
      <ToastContext.Provider value={stack}>
        {children}
        <ToastStackView stack={stack} />
        <StatusRegion announcer={announcer} />
      </ToastContext.Provider>
    </AnnouncerContext.Provider>
  );
}
