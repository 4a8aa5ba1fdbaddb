/** "N of M voted" (M when the participant count is known, e.g. for hosts). */
export function Turnout({ voted, total }: { voted: number; total?: number | undefined }) {
  const text = total === undefined ? `${voted} voted` : `${voted} of ${total} voted`;
  return (
    <p className="turnout" data-testid="turnout" data-voted={voted}>
      {text}
    </p>
  );
}
