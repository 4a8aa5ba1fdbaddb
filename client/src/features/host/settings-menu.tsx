import { useEffect, useId, useRef, useState, type FocusEvent, type ReactNode } from 'react';
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
    // On the document, not the popover: a control that disables itself while saving drops focus to the body.
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  // Tabbing out of the popover closes it (it would cover what focus moved to). Focus leaving the frame
  // altogether (Zoom's consent window during Connect) has no related target and keeps it open.
  const onBlur = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (open && to && !root.current?.contains(to)) setOpen(false);
  };
  return (
    <div className="settings" ref={root} onBlur={onBlur}>
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
