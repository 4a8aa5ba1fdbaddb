import type { Poll } from '@quorum/shared';
import { useMeetingState } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { useT } from '../../i18n';
import { PresentView } from './present-view';

/** The poll a stage shows: the latest launched open poll, else the latest closed one. */
export function stagePoll(polls: readonly Poll[]): Poll | undefined {
  const latest = (status: Poll['status'], at: (p: Poll) => number | null) =>
    polls.filter((p) => p.status === status).sort((a, b) => (at(b) ?? 0) - (at(a) ?? 0))[0];
  return latest('open', (p) => p.openedAt) ?? latest('closed', (p) => p.closedAt);
}

/**
 * What an instance Zoom renders for the whole meeting (immersive view, camera mode) shows: the current
 * poll large, following the meeting live, with nothing to click — nobody can interact with it there.
 */
export function StageView() {
  const t = useT();
  const state = useMeetingState();
  const poll = stagePoll(Object.values(state.polls));
  if (!poll) {
    return (
      <main className="present" data-testid="stage-view">
        <header className="present-head">
          <h1>{t('app.name')}</h1>
        </header>
        <EmptyState title={t('stage.empty')}>{null}</EmptyState>
      </main>
    );
  }
  return <PresentView pollId={poll.id} />;
}
