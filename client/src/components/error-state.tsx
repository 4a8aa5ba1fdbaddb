import { useT } from '../i18n';
import { WarningIcon } from './icons';

interface ErrorStateProps {
  title: string;
  /** The error's own words (may be technical); shown smaller under the title. */
  detail?: string | undefined;
  onRetry?: (() => void) | undefined;
  testId?: string;
}

/** A failure said plainly, with its detail and a way to try again; an alert, so it is heard at once. */
export function ErrorState({ title, detail, onRetry, testId = 'error-state' }: ErrorStateProps) {
  const t = useT();
  return (
    <section className="state state-error" role="alert" data-testid={testId}>
      <div className="state-icon">
        <WarningIcon />
      </div>
      <h2 className="state-title">{title}</h2>
      {detail && <p className="state-detail">{detail}</p>}
      {onRetry && (
        <button type="button" className="primary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </section>
  );
}
