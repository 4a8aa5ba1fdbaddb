import { useSyncExternalStore } from 'react';
import { useT } from '../i18n';
import type { ToastStack } from './toasts';

/**
 * The visible toasts, bottom of the panel. Never focused on arrival (that would pull a keyboard user away
 * from their place); each has a close button for whoever wants it gone sooner.
 */
export function ToastStackView({ stack }: { stack: ToastStack }) {
  const toasts = useSyncExternalStore(stack.subscribe, stack.getSnapshot, stack.getSnapshot);
  const t = useT();
  if (toasts.length === 0) return null;
  return (
    <section
      className="toasts"
      aria-label={t('toast.label')}
      data-testid="toasts"
      onPointerEnter={stack.pause}
      onPointerLeave={stack.resume}
      onFocus={stack.pause}
      onBlur={stack.resume}
    >
      {toasts.map((toast) => (
        <div className="toast" key={toast.id} data-testid="toast">
          <p>{toast.message}</p>
          <button
            type="button"
            className="icon small"
            aria-label={t('toast.close')}
            onClick={() => stack.dismiss(toast.id)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </section>
  );
}
