import type { MouseEvent } from 'react';
import type { Poll, RunDownloads } from '@quorum/shared';
import { useMeeting } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { useNotify } from '../../components/toasts';
import { useT, type MessageId } from '../../i18n';
import { downloadWithSession, fileNameOf } from '../../session/download';

/** The exports of one run: ballots as CSV, the per-question summary as CSV, everything as JSON. */
const FORMATS = [
  { key: 'csv', file: 'export.csv', suffix: '.csv', label: 'export.csv', what: 'export.csv.what' },
  {
    key: 'summaryCsv',
    file: 'summary.csv',
    suffix: '-summary.csv',
    label: 'export.summaryCsv',
    what: 'export.summaryCsv.what',
  },
  { key: 'json', file: 'export.json', suffix: '.json', label: 'export.json', what: 'export.json.what' },
] as const satisfies readonly { key: string; file: string; suffix: string; label: MessageId; what: MessageId }[];

type Format = (typeof FORMATS)[number];

/** Where the server serves one run's export. */
export const exportUrl = (pollId: string, run: number, file: Format['file'] = 'export.csv'): string =>
  `/api/polls/${encodeURIComponent(pollId)}/runs/${run}/${file}`;

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
export function RunExportLinks({ poll, run, urls, download, caption }: RunExportLinksProps) {
  const announce = useAnnounce();
  const notify = useNotify();
  const t = useT();
  const hrefOf = (format: Format) => urls?.[format.key] ?? exportUrl(poll.id, run, format.file);

  const save = (event: MouseEvent<HTMLAnchorElement>, format: Format, name: string) => {
    const started = t('export.started', { format: t(format.label), title: poll.title });
    // Without a downloader the browser's own download runs; it has started once the link is followed.
    if (!download) return notify(started);
    event.preventDefault();
    download(hrefOf(format), name).then(
      () => notify(started),
      (error: unknown) =>
        announce(
          t('export.failed', {
            format: t(format.label),
            reason: error instanceof Error ? error.message : t('common.networkError'),
          }),
        ),
    );
  };

  return (
    <p className="exports" data-testid="export-links" data-run={run}>
      {caption ?? t('export.caption', { run })}{' '}
      {FORMATS.map((format) => {
        const name = fileNameOf(poll.title, `-run-${run}${format.suffix}`);
        return (
          <a
            key={format.key}
            href={hrefOf(format)}
            download={name}
            onClick={(e) => save(e, format, name)}
            title={t(format.what)}
            aria-label={t('export.download', { format: t(format.label), title: poll.title, run })}
          >
            {t(format.label)}
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
