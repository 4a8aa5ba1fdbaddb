import type { ReactNode } from 'react';

interface NoticePageProps {
  title: string;
  children: ReactNode;
  testId?: string;
  action?: { label: string; onClick: () => void };
}

/** A full-panel message (loading, errors, "open from Zoom") in place of the app. */
export function NoticePage({ title, children, testId, action }: NoticePageProps) {
  return (
    <main className="notice" data-testid={testId}>
      <h1>{title}</h1>
      {children}
      {action && (
        <button type="button" className="primary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </main>
  );
}

/** Shown when no Zoom client (or simulator) hosts the page, instead of a blank screen. */
export function NotInZoomPage() {
  const simUrl = `${window.location.origin}/sim`;
  return (
    <NoticePage title="Open Quorum from Zoom" testId="not-in-zoom">
      <p>Quorum runs inside a Zoom meeting. This page was opened outside Zoom, so it cannot reach the meeting.</p>
      <h2>In Zoom</h2>
      <ol>
        <li>Start or join a meeting in the Zoom desktop client.</li>
        <li>Click <strong>Apps</strong> in the meeting toolbar.</li>
        <li>Choose <strong>Quorum</strong>.</li>
      </ol>
      <h2>For local development</h2>
      <p>
        Run <code>npm start</code>, then open the Zoom simulator at <a href={simUrl}>{simUrl}</a>.
      </p>
    </NoticePage>
  );
}
