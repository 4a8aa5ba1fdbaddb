import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../i18n';

export type PanelId = 'polls' | 'qa';

/** A tab's badge: the number shown, and the words a screen reader hears instead. */
export interface TabBadge {
  count: number;
  words: string;
}

interface PanelSwitchProps {
  polls: ReactNode;
  qa: ReactNode;
  badges: Partial<Record<PanelId, TabBadge>>;
  /** The panel the person chose (the owner keeps it: it outlives present mode, which unmounts the panel). */
  chosen: PanelId;
  onShow: (panel: PanelId) => void;
  /** Without Q&A (off for participants) only the polls show, in the same place: nothing is remounted. */
  withQa?: boolean;
}

const ORDER: readonly PanelId[] = ['polls', 'qa'];
const LABELS = { polls: 'qa.switch.polls', qa: 'qa.tab' } as const;

/**
 * Polls | Q&A as tabs (arrow keys move between them). Both panels stay mounted, so a half-written
 * question or ballot survives a look at the other, and a running poll and Q&A live side by side.
 */
export function PanelSwitch({ polls, qa, badges, chosen, onShow, withQa = true }: PanelSwitchProps) {
  const t = useT();
  const base = useId();
  const shown = withQa ? chosen : 'polls';
  const tabs = useRef<Partial<Record<PanelId, HTMLButtonElement | null>>>({});
  const show = (panel: PanelId, focus = false) => {
    onShow(panel);
    if (focus) tabs.current[panel]?.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    const at = ORDER.indexOf(shown);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: ORDER.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    show(ORDER[(to + ORDER.length) % ORDER.length]!, true);
  };
  return (
    <>
      {withQa && (
        <div className="segmented panel-switch" role="tablist" aria-label={t('qa.switch.label')} onKeyDown={onKey}>
          {ORDER.map((id) => {
            const badge = badges[id];
            return (
              <button
                key={id}
                ref={(el) => {
                  tabs.current[id] = el;
                }}
                type="button"
                role="tab"
                id={`${base}-${id}-tab`}
                aria-selected={shown === id}
                aria-controls={`${base}-${id}`}
                tabIndex={shown === id ? 0 : -1}
                data-testid={`switch-${id}`}
                onClick={() => show(id)}
              >
                {t(LABELS[id])}
                {badge && badge.count > 0 && (
                  <span className="tab-badge" data-testid={`switch-${id}-badge`} data-count={badge.count}>
                    <span aria-hidden="true">{badge.count}</span>
                    <span className="visually-hidden">{`, ${badge.words}`}</span>
                  </span>
                )}
              </button>
            );
          })}
        </div>
      )}
      {ORDER.map((id) => (
        <div
          key={id}
          role={withQa ? 'tabpanel' : undefined}
          id={`${base}-${id}`}
          aria-labelledby={withQa ? `${base}-${id}-tab` : undefined}
          hidden={shown !== id}
          className="switch-panel"
        >
          {id === 'polls' ? polls : withQa && qa}
        </div>
      ))}
    </>
  );
}
