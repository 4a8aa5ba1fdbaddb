import { useState } from 'react';
import { useMeeting, useMeetingState } from '../../app-context';
import { useT } from '../../i18n';
import { useHostRequest } from './host-requests';

/** The host's switch: may co-hosts create, launch, close and moderate polls? (Only the host sees it.) */
export function CoHostToggle() {
  const { controller } = useMeeting();
  const { meetingSettings } = useMeetingState();
  const send = useHostRequest();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = async (coHostsMayRun: boolean) => {
    setBusy(true);
    const outcome = await send(
      'meeting:settings',
      { coHostsMayRun },
      t(coHostsMayRun ? 'host.cohostsMayRun.on' : 'host.cohostsMayRun.off'),
    );
    setBusy(false);
    setError('error' in outcome ? outcome.error : null);
    // The broadcast says the same; the ack makes the switch follow at once.
    if ('data' in outcome) controller.store.dispatch({ type: 'meeting:settings', settings: outcome.data.settings });
  };
  return (
    <div className="cohost-toggle">
      <label className="choice">
        <input
          type="checkbox"
          data-testid="cohosts-may-run"
          checked={meetingSettings.coHostsMayRun}
          disabled={busy}
          onChange={(e) => void change(e.currentTarget.checked)}
        />{' '}
        {t('host.cohostsMayRun')}
      </label>
      {error && <p className="error">{error}</p>}
    </div>
  );
}
