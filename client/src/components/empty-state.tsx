import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children: ReactNode;
  /** A decorative glyph above the title. */
  icon?: ReactNode;
  /** The one thing to do next, as a primary button. */
  action?: { label: string; onClick: () => void; testId?: string } | undefined;
  testId?: string;
}

/** A designed "nothing here yet": what this place is for and, when there is one, the next step. */
export function EmptyState({ title, children, icon, action, testId }: EmptyStateProps) {
  return (
    <section className="state state-empty" data-testid={testId}>
      {icon && (
        <div className="state-icon" aria-hidden="true">
          {icon}
        </div>
      )}
      <h2 className="state-title">{title}</h2>
      {children}
      {action && (
        <button type="button" className="primary" data-testid={action.testId} onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </section>
  );
}

/** Three breathing dots: "someone else will act next" (still when reduced motion is asked for). */
export function WaitingDots() {
  return (
    <span className="waiting-dots" aria-hidden="true">
      <span />
      <span />
      <span />
    </span>
  );
}
