import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** One tab: its id (kept in storage), its label, and the panel it shows. */
export interface TabEntry<Id extends string> {
  id: Id;
  label: string;
  /** The panel's content; `hidden` panels that keep their state (a half-written poll) stay mounted. */
  panel: ReactNode;
  keepMounted?: boolean;
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
  return (
    <>
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
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
            </button>
          ))}
        </div>
        {aside}
      </div>
      {tabs.map((tab, i) =>
        i === current || tab.keepMounted ? (
          <div
            key={tab.id}
            role="tabpanel"
            className="tab-panel"
            id={`${base}-panel-${tab.id}`}
            aria-labelledby={`${base}-tab-${tab.id}`}
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
