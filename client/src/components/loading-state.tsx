import { useT } from '../i18n';

/**
 * A skeleton of what is coming (a title and a card) instead of bare "Loading…" text; the label is what
 * screen readers hear, and `aria-busy` tells them the region is still filling in.
 */
export function LoadingState({ label }: { label?: string | undefined }) {
  const t = useT();
  return (
    <div className="skeleton" role="status" aria-busy="true" data-testid="loading-state">
      <span className="visually-hidden">{label ?? t('common.loading')}</span>
      <span className="skeleton-line medium" aria-hidden="true" />
      <span className="skeleton-block" aria-hidden="true" />
      <span className="skeleton-line" aria-hidden="true" />
      <span className="skeleton-line short" aria-hidden="true" />
    </div>
  );
}
