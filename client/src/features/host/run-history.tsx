import { useCallback, useEffect, useId, useState } from 'react';
import type { Poll, PollTally } from '@quorum/shared';
import { useMeeting } from '../../app-context';
import { useT } from '../../i18n';
import { PollResults } from '../results/poll-results';
import type { Moderate } from '../../kinds/text/text-results';
import { ExportLinks } from './export-links';
import { fetchRuns } from './run-history-api';

type Loaded = { runs: PollTally[] } | { error: string } | null;

/** Loads a poll's runs from the server, again whenever `key` changes (a new run, a close); null = not now. */
function useRuns(pollId: string, key: string | null) {
  const { session } = useMeeting();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const t = useT();
  const reload = useCallback(() => {
    fetchRuns(session, pollId).then(
      (runs) => setLoaded({ runs }),
      (error: unknown) =>
        setLoaded({
          error: t('runs.loadFailed', { reason: error instanceof Error ? error.message : t('common.networkError') }),
        }),
    );
  }, [session, pollId, t]);
  useEffect(() => {
    if (key !== null) reload();
  }, [reload, key]);
  return { loaded, reload };
}

interface RunHistoryProps {
  poll: Poll;
  /** Hide / Unhide for the chosen run; absent when this host may not moderate. */
  moderate?: ((run: number) => Moderate) | undefined;
}

/** Run history: pick any run of a relaunched poll to see its results and export them. */
export function RunHistory({ poll, moderate }: RunHistoryProps) {
  const pickId = useId();
  const t = useT();
  const [open, setOpen] = useState(false);
  const [run, setRun] = useState(Math.max(1, poll.run - 1));
  const { loaded, reload } = useRuns(poll.id, open ? `${poll.run}:${poll.status}` : null);
  const tally = loaded && 'runs' in loaded ? loaded.runs.find((t) => t.run === run) : undefined;
  // Moderating an earlier run changes no live tally: reload to show the result.
  const moderateAndReload =
    moderate &&
    ((r: number): Moderate =>
      async (id, hidden) => {
        const done = await moderate(r)(id, hidden);
        if (done) reload();
        return done;
      });
  const runs = Array.from({ length: poll.run }, (_, i) => poll.run - i);
  return (
    <details className="panel run-history" data-testid="run-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('runs.title', { count: poll.run })}</summary>
      {open && (
        <>
          <label className="stack" htmlFor={pickId}>
            {t('runs.show')}
          </label>
          <select
            id={pickId}
            value={run}
            data-testid="run-picker"
            onChange={(e) => setRun(Number(e.currentTarget.value))}
          >
            {runs.map((r) => (
              <option key={r} value={r}>
                {r === poll.run
                  ? t(poll.status === 'open' ? 'runs.runOpen' : 'runs.runLatest', { run: r })
                  : t('runs.run', { run: r })}
              </option>
            ))}
          </select>
          {loaded === null && <p className="note">{t('common.loading')}</p>}
          {loaded && 'error' in loaded && <p className="error">{loaded.error}</p>}
          {loaded && 'runs' in loaded && (
            <PollResults poll={poll} tally={tally} role="host" run={run} moderate={moderateAndReload} />
          )}
          <ExportLinks poll={poll} run={run} />
        </>
      )}
    </details>
  );
}
