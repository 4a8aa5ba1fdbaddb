import type { MouseEvent } from 'react';
import type { Poll, RunDownloads } from '@quorum/shared';
import { useMeeting } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { downloadWithSession, fileNameOf } from '../../session/download';

/** The exports of one run: ballots as CSV, the per-question summary as CSV, everything as JSON. */
const FORMATS = [
  { key: 'csv', file: 'export.csv', suffix: '.csv', label: 'CSV', what: 'ballots as CSV' },
  { key: 'summaryCsv', file: 'summary.csv', suffix: '-summary.csv', label: 'Summary CSV', what: 'per-question summary as CSV' },
  { key: 'json', file: 'export.json', suffix: '.json', label: 'JSON', what: 'results as JSON' },
] as const;

type Format = (typeof FORMATS)[number];

/** Where the server serves one run's export. */
export const exportUrl = (pollId: string, run: number, file: Format['file'] = 'export.csv'): string => `/api/polls/${encodeURIComponent(pollId)}/runs/${run}/${file}`;

/** Saves one export; null leaves the click to the browser (the session cookie then authenticates it). */
export type ExportDownloader = ((path: string, fileName: string) => Promise<void>) | null;

interface RunExportLinksProps {
  poll: Poll;
  run: number;
  /** Where each export is served: the URLs the server sent, else the known routes. */
  urls?: RunDownloads;
  download: ExportDownloader;
  caption?: string;
}

/** Download links for one run's exports, saved through `download` (with the in-memory token, as Zoom's frame may block the cookie). */
export function RunExportLinks({ poll, run, urls, download, caption = `Export run ${run}:` }: RunExportLinksProps) {
  const announce = useAnnounce();
  const hrefOf = (format: Format) => urls?.[format.key] ?? exportUrl(poll.id, run, format.file);

  const save = (event: MouseEvent<HTMLAnchorElement>, format: Format, name: string) => {
    if (!download) return;
    event.preventDefault();
    download(hrefOf(format), name).catch((error: unknown) =>
      announce(`The ${format.label} could not be downloaded (${error instanceof Error ? error.message : 'network error'}).`),
    );
  };

  return (
    <p className="exports" data-testid="export-links" data-run={run}>
      {caption}{' '}
      {FORMATS.map((format) => {
        const name = fileNameOf(poll.title, `-run-${run}${format.suffix}`);
        return (
          <a key={format.key} href={hrefOf(format)} download={name} onClick={(e) => save(e, format, name)} title={`The ${format.what}`} aria-label={`Download ${format.label} of ${poll.title}, run ${run}`}>
            {format.label}
          </a>
        );
      })}
    </p>
  );
}

/** Download links for one run's exports in the meeting, with the meeting's session. */
export function ExportLinks({ poll, run }: { poll: Poll; run: number }) {
  const { session } = useMeeting();
  if (run < 1) return null;
  const download: ExportDownloader = (path, name) => downloadWithSession(session, path, name);
  // Without a token the cookie is the only credential, and the browser's own download sends it.
  return <RunExportLinks poll={poll} run={run} download={session.token() ? download : null} />;
}
