import type { MouseEvent } from 'react';
import type { Poll } from '@quorum/shared';
import { useMeeting } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { authHeaders } from '../../session/session-client';

/** Where the server serves one run's ballots as CSV. */
export const exportUrl = (pollId: string, run: number): string => `/api/polls/${encodeURIComponent(pollId)}/runs/${run}/export.csv`;

const fileName = (poll: Poll, run: number) => `${poll.title.replace(/[^\w-]+/g, '-').slice(0, 40) || 'poll'}-run-${run}.csv`;

/** CSV download links, one per run. */
export function ExportLinks({ poll }: { poll: Poll }) {
  const { session } = useMeeting();
  const announce = useAnnounce();
  if (poll.run < 1) return null;

  // Inside Zoom's frame the session cookie may be blocked, so fetch with the in-memory token and save the blob.
  const download = async (event: MouseEvent<HTMLAnchorElement>, run: number) => {
    if (!session.token()) return;
    event.preventDefault();
    try {
      const response = await fetch(exportUrl(poll.id, run), { credentials: 'include', headers: authHeaders(session) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const a = Object.assign(document.createElement('a'), { href: url, download: fileName(poll, run) });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      announce(`The CSV could not be downloaded (${error instanceof Error ? error.message : 'network error'}).`);
    }
  };

  const runs = Array.from({ length: poll.run }, (_, i) => i + 1);
  return (
    <p className="exports">
      Export:{' '}
      {runs.map((run) => (
        <a key={run} href={exportUrl(poll.id, run)} download={fileName(poll, run)} onClick={(e) => void download(e, run)} aria-label={`Download CSV of ${poll.title}, run ${run}`}>
          CSV run {run}
        </a>
      ))}
    </p>
  );
}
