import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { GearIcon } from '../../components/icons';
import { useT } from '../../i18n';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select, a[href], summary';

/**
 * One button that opens the rarely used controls (Zoom account, co-host rule, report deliveries) in a
 * popover. A disclosure rather than an ARIA menu: its content is form controls, not menu items. Focus moves
 * into it on open; Escape, the button again or a click outside closes it, and focus returns to the button.
 * The content stays mounted while closed, so an authorization under way keeps listening.
 */
export function SettingsMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const t = useT();
  useEffect(() => {
    if (!open) return;
    // Like a menu: focus lands on the first control inside, else on the popover itself.
    const first = panel.current?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? panel.current)?.focus();
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="settings" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        className="icon"
        ref={button}
        data-testid="settings-button"
        aria-label={t('settings.open')}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <GearIcon />
      </button>
      <div
        className="settings-popover"
        id={id}
        role="group"
        aria-label={t('settings.open')}
        data-testid="settings-menu"
        tabIndex={-1}
        ref={panel}
        hidden={!open}
      >
        {children}
      </div>
    </div>
  );
}
