import type { PaneState } from './sim-types';
import { useSim } from './use-sim';

/** The Zoom notifications shown over one pane (showNotification). */
export function ToastStack({ pane }: { pane: PaneState }) {
  const { meeting } = useSim();
  if (pane.toasts.length === 0) return null;
  return (
    <ul className="toasts" aria-label="Zoom notifications">
      {pane.toasts.map((t) => (
        <li key={t.id} className={`toast toast-${t.type}`} role="status" data-testid="toast" data-type={t.type}>
          <strong>{t.title}</strong>
          <span>{t.message}</span>
          <button
            type="button"
            aria-label="Dismiss notification"
            data-testid="toast-dismiss"
            onClick={() => meeting.dismissToast(pane.key, t.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
