import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** A tab's badge: the number shown, and the words a screen reader hears instead. */
export interface TabBadge {
  count: number;
  words: string;
}

/** One tab: its id (kept in storage), its label, and the panel it shows. */
export interface TabEntry<Id extends string> {
  id: Id;
  label: string;
  /** The panel's content; `hidden` panels that keep their state (a half-written poll) stay mounted. */
  panel: ReactNode;
  keepMounted?: boolean;
  /** Shown beside the label while its count is above zero (new questions, a review queue, open polls). */
  badge?: TabBadge | undefined;
}

interface TabsProps<Id extends string> {
  /** Names the tab list for assistive tech ("Host panel sections"). */
  label: string;
  tabs: readonly TabEntry<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  /** Beside the tab list on the same row (the settings button). */
  aside?: ReactNode;
}

/** Which tab an arrow, Home or End key moves to from `index` (wrapping round), or null for other keys. */
export function nextTabIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * A segmented switch with the WAI-ARIA tabs pattern: one tab in the Tab order (roving tabindex), the arrow
 * keys, Home and End select and focus the next tab at once (automatic activation: panels render instantly).
 */
export function Tabs<Id extends string>({ label, tabs, selected, onSelect, aside }: TabsProps<Id>) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const current = Math.max(
    0,
    tabs.findIndex((t) => t.id === selected),
  );
  const onKeyDown = (e: KeyboardEvent) => {
    const next = nextTabIndex(e.key, current, tabs.length);
    if (next === null) return;
    e.preventDefault();
    onSelect(tabs[next]!.id);
    list.current?.querySelectorAll<HTMLElement>('[role=tab]')[next]?.focus();
  };
  // One section (a participant while Q&A is off) needs no switch; its panel stays where it was, so a
  // second tab appearing later remounts nothing (a half-filled ballot survives).
  const single = tabs.length === 1;
  return (
    <>
      {(!single || aside) && (
        <div className="tabs-row">
          <div className="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
            {tabs.map((tab, i) => (
              <button
                key={tab.id}
                type="button"
                role="tab"
                id={`${base}-tab-${tab.id}`}
                aria-controls={`${base}-panel-${tab.id}`}
                aria-selected={i === current}
                tabIndex={i === current ? 0 : -1}
                data-tab={tab.id}
                data-testid={`switch-${tab.id}`}
                onClick={() => onSelect(tab.id)}
              >
                {tab.label}
                {tab.badge && tab.badge.count > 0 && (
                  <span className="tab-badge" data-testid={`switch-${tab.id}-badge`} data-count={tab.badge.count}>
                    <span aria-hidden="true">{tab.badge.count}</span>
                    <span className="visually-hidden">{`, ${tab.badge.words}`}</span>
                  </span>
                )}
              </button>
            ))}
          </div>
          {aside}
        </div>
      )}
      {tabs.map((tab, i) =>
        i === current || tab.keepMounted ? (
          <div
            key={tab.id}
            role={single ? undefined : 'tabpanel'}
            className="tab-panel"
            id={`${base}-panel-${tab.id}`}
            aria-labelledby={single ? undefined : `${base}-tab-${tab.id}`}
            data-tab-panel={tab.id}
            hidden={i !== current}
          >
            {tab.panel}
          </div>
        ) : null,
      )}
    </>
  );
}
