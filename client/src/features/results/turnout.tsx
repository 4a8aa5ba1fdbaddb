import { useT } from '../../i18n';

/** "N of M voted" (M when the participant count is known, e.g. for hosts). */
export function Turnout({ voted, total }: { voted: number; total?: number | undefined }) {
  const t = useT();
  const text = total === undefined ? t('results.voted', { voted }) : t('results.votedOf', { voted, total });
  return (
    <p className="turnout" data-testid="turnout" data-voted={voted}>
      {text}
    </p>
  );
}
