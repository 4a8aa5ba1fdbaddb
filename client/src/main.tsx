import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Boot } from './boot';
import { createAnnouncer } from './components/announcer';
import { browserStorage, DraftLibrary } from './features/library/draft-library';
import { I18nProvider } from './i18n';
import { createSocketLink } from './realtime/socket-link';
import { pageGrant } from './session/page-grant';
import { createSessionClient } from './session/session-client';
import { createSdkAdapter } from './zoom/sdk-adapter';
// Design tokens first: every other sheet uses only their custom properties.
import './styles/tokens.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/results.css';
import './styles/rooms.css';
import './styles/states.css';
import './styles/layout.css';
import './styles/present.css';
import './styles/navigation.css';
import './styles/qa.css';

// The composition root: the real Zoom SDK, an in-memory session token (from the Home page, else POST /api/session),
// and socket.io on this origin. Everything below takes these through interfaces.
const zoom = createSdkAdapter();
const granted = pageGrant(document);
const library = new DraftLibrary(browserStorage());
const announcer = createAnnouncer();
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <Boot
        zoom={zoom}
        library={library}
        announcer={announcer}
        createSession={(port) => createSessionClient(() => port.getAppContext(), undefined, granted)}
        openLink={(session) =>
          createSocketLink({
            getToken: session.token,
            renewSession: session.renew,
            participantUUID: () => zoom.getUserContext().then((me) => me.participantUUID),
          })
        }
      />
    </I18nProvider>
  </StrictMode>,
);
