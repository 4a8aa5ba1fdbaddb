import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useZoom } from '../../app-context';
import { supportsApi } from '../../zoom/zoom-port';
import { presentedPollId, withPresent } from './present-url';
import { enterStage, leaveStage, type StageDeps } from './stage';

/** Present mode as the views use it: which poll is on stage, and how to open and leave it. */
export interface PresentControls {
  pollId: string | null;
  /** Call from a click: fullscreen needs the user's gesture. */
  open(pollId: string): void;
  close(): void;
}

const PresentContext = createContext<PresentControls | null>(null);

/** Present mode controls, or null outside a meeting (the report and library have no stage). */
export const usePresent = (): PresentControls | null => useContext(PresentContext);

/** The button that opened a poll's presentation gets focus back when it ends. */
function refocus(pollId: string) {
  // After React has put the panel back.
  setTimeout(
    () =>
      [...document.querySelectorAll<HTMLElement>('[data-testid=present-poll], [data-testid=present-qa]')]
        .find((b) => b.dataset.pollId === pollId)
        ?.focus(),
    0,
  );
}

/** Holds which poll is presented, mirrored in `?present=` so a reload (or a link) lands on the same view. */
export function PresentProvider({ children }: { children: ReactNode }) {
  const { zoom, config } = useZoom();
  const [pollId, setPollId] = useState(() => presentedPollId(window.location.search));
  const stage = useMemo<StageDeps>(
    () => ({
      doc: document,
      expand: supportsApi(config, 'expandApp') ? (action) => zoom.expandApp(action) : undefined,
    }),
    [zoom, config],
  );

  const show = useCallback((id: string | null) => {
    setPollId(id);
    window.history.replaceState(window.history.state, '', withPresent(window.location.href, id));
  }, []);
  const open = useCallback(
    (id: string) => {
      show(id);
      void enterStage(stage);
    },
    [show, stage],
  );
  const close = useCallback(() => {
    if (pollId === null) return;
    show(null);
    void leaveStage(stage);
    refocus(pollId);
  }, [pollId, show, stage]);

  const controls = useMemo(() => ({ pollId, open, close }), [pollId, open, close]);
  return <PresentContext.Provider value={controls}>{children}</PresentContext.Provider>;
}
