import { useEffect, useState } from 'react';
import type { QaSettings } from '@quorum/shared';
import { useT } from '../../i18n';
import { useHostRequest } from '../host/host-requests';

type Switch = 'enabled' | 'anonymousAllowed' | 'reviewFirst' | 'upvotesShown' | 'closed';

const SWITCHES = [
  ['enabled', 'qa.settings.enabled'],
  ['anonymousAllowed', 'qa.settings.anonymousAllowed'],
  ['reviewFirst', 'qa.settings.reviewFirst'],
  ['upvotesShown', 'qa.settings.upvotesShown'],
  ['closed', 'qa.settings.closed'],
] as const satisfies readonly (readonly [Switch, string])[];

/**
 * The meeting's Q&A switches, open while Q&A is off. A ticked box shows its new state at once and keeps it until the server's
 * broadcast says the same (the ack comes first), or goes back when the server refuses.
 */
export function QaHostSettings({ settings }: { settings: QaSettings | null }) {
  const t = useT();
  const send = useHostRequest();
  // Folded away once Q&A is on: the questions are what the host came for.
  const [open, setOpen] = useState(!settings?.enabled);
  const [pending, setPending] = useState<Partial<Pick<QaSettings, Switch>>>({});
  useEffect(() => {
    setPending((was) => {
      const left = Object.entries(was).filter(([key, value]) => settings?.[key as Switch] !== value);
      return left.length === Object.keys(was).length ? was : Object.fromEntries(left);
    });
  }, [settings]);
  const change = async (key: Switch, value: boolean) => {
    setPending((was) => ({ ...was, [key]: value }));
    const outcome = await send('qa:settings', { [key]: value }, t('qa.settings.saved'));
    if ('error' in outcome) setPending(({ [key]: _dropped, ...rest }) => rest);
  };
  const shown = (key: Switch) => pending[key] ?? settings?.[key] ?? false;
  return (
    <details className="panel" data-testid="qa-settings" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('qa.settings.legend')}</summary>
      <fieldset className="qa-settings">
        <legend className="visually-hidden">{t('qa.settings.legend')}</legend>
        {SWITCHES.map(([key, label]) => (
          <label key={key} className="choice">
            <input
              type="checkbox"
              data-testid={`qa-setting-${key}`}
              checked={shown(key)}
              disabled={key !== 'enabled' && !shown('enabled')}
              onChange={(e) => void change(key, e.currentTarget.checked)}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
