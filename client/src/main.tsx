import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Boot } from './boot';
import { createAnnouncer } from './components/announcer';
import { browserStorage, DraftLibrary } from './features/library/draft-library';
import { createSocketLink } from './realtime/socket-link';
import { createSessionClient } from './session/session-client';
import { createSdkAdapter } from './zoom/sdk-adapter';
import './styles.css';

// The composition root: the real Zoom SDK, an in-memory session token from POST /api/session,
// and socket.io on this origin. Everything below takes these through interfaces.
const zoom = createSdkAdapter();
const library = new DraftLibrary(browserStorage());
const announcer = createAnnouncer();
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <Boot
      zoom={zoom}
      library={library}
      announcer={announcer}
      createSession={(port) => createSessionClient(() => port.getAppContext())}
      openLink={(session) =>
        createSocketLink({
          getToken: session.token,
          renewSession: session.renew,
          participantUUID: () => zoom.getUserContext().then((me) => me.participantUUID),
        })
      }
    />
  </StrictMode>,
);
