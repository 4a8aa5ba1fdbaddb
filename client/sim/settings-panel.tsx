import { SWITCHABLE_APIS } from './api-handlers';
import { useSim, useSimState } from './use-sim';

/** Switch APIs off (as a client that lacks them, or an app without them enabled in the Marketplace). */
export function SettingsPanel() {
  const { meeting } = useSim();
  const { disabledApis, enforceCapabilities, pkceMethod } = useSimState();
  return (
    <details className="settings" data-testid="sim-settings">
      <summary>Client settings ({disabledApis.length} switched off)</summary>
      <label>
        <input
          type="checkbox"
          data-testid="enforce-capabilities"
          checked={enforceCapabilities}
          onChange={(e) => meeting.setEnforceCapabilities(e.target.checked)}
        />
        Reject calls and drop events missing from config's capabilities (as Zoom does)
      </label>
      <label className="setting">
        PKCE method of authorize's codes (match the server's ZOOM_PKCE_METHOD){' '}
        <select
          data-testid="pkce-method"
          value={pkceMethod}
          onChange={(e) => meeting.setPkceMethod(e.target.value === 'S256' ? 'S256' : 'plain')}
        >
          <option value="plain">plain (Quorum's default)</option>
          <option value="S256">S256</option>
        </select>
      </label>
      <fieldset>
        <legend>APIs and events this client supports (changes apply at the app's next config call)</legend>
        {SWITCHABLE_APIS.map((api) => (
          <label key={api} className="api-toggle">
            <input
              type="checkbox"
              data-testid="api-toggle"
              data-api={api}
              checked={!disabledApis.includes(api)}
              onChange={(e) => meeting.setApiDisabled(api, !e.target.checked)}
            />
            {api}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
