import { canSeeResults, type Poll } from '@quorum/shared';
import { useMeetingState } from '../../app-context';
import { useT } from '../../i18n';
import { usePresent } from './present-context';

/** Four corners pointing out: "full screen", drawn inline so no icon font is needed. */
export function StageIcon() {
  return (
    <svg className="icon-svg" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/** "Present": puts a poll's live results on stage; only for those who may see them, and never for drafts. */
export function PresentButton({ poll }: { poll: Poll }) {
  const t = useT();
  const present = usePresent();
  const role = useMeetingState().session?.role ?? 'participant';
  if (!present || poll.status === 'draft' || !canSeeResults(poll, role)) return null;
  return (
    <button
      type="button"
      className="small present-button"
      data-testid="present-poll"
      data-poll-id={poll.id}
      aria-label={t('present.openLabel', { title: poll.title })}
      onClick={() => present.open(poll.id)}
    >
      <StageIcon />
      {t('present.open')}
    </button>
  );
}
