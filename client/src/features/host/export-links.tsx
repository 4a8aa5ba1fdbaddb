import type { MouseEvent } from 'react';
import type { Poll } from '@quorum/shared';
import { useMeeting } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { downloadWithSession, fileNameOf } from '../../session/download';

/** The exports of one run: ballots as CSV, the per-question summary as CSV, everything as JSON. */
const FORMATS = [
  { file: 'export.csv', suffix: '.csv', label: 'CSV', what: 'ballots as CSV' },
  { file: 'summary.csv', suffix: '-summary.csv', label: 'Summary CSV', what: 'per-question summary as CSV' },
  { file: 'export.json', suffix: '.json', label: 'JSON', what: 'results as JSON' },
] as const;

type Format = (typeof FORMATS)[number];

/** Where the server serves one run's export. */
export const exportUrl = (pollId: string, run: number, file: Format['file'] = 'export.csv'): string => `/api/polls/${encodeURIComponent(pollId)}/runs/${run}/${file}`;

/** Download links for one run's exports. */
export function ExportLinks({ poll, run }: { poll: Poll; run: number }) {
  const { session } = useMeeting();
  const announce = useAnnounce();
  if (run < 1) return null;

  // Inside Zoom's frame the session cookie may be blocked, so fetch with the in-memory token and save the blob.
  const download = (event: MouseEvent<HTMLAnchorElement>, format: Format, name: string) => {
    if (!session.token()) return;
    event.preventDefault();
    downloadWithSession(session, exportUrl(poll.id, run, format.file), name).catch((error: unknown) =>
      announce(`The ${format.label} could not be downloaded (${error instanceof Error ? error.message : 'network error'}).`),
    );
  };

  return (
    <p className="exports" data-testid="export-links" data-run={run}>
      Export run {run}:{' '}
      {FORMATS.map((format) => {
        const name = fileNameOf(poll.title, `-run-${run}${format.suffix}`);
        return (
          <a key={format.file} href={exportUrl(poll.id, run, format.file)} download={name} onClick={(e) => download(e, format, name)} aria-label={`Download the ${format.what} of ${poll.title}, run ${run}`}>
            {format.label}
          </a>
        );
      })}
    </p>
  );
}
