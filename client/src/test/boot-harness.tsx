import type { SessionView } from '@quorum/shared';
import { Boot } from '../boot';
import { createAnnouncer } from '../components/announcer';
import { DraftLibrary } from '../features/library/draft-library';
import { createFakeLink, createFakeZoom, fakeSession } from './fakes';
import { render } from './render';

/** The whole app booted on fakes: a Zoom port and a realtime link the test drives, a session that starts at once. */
export async function renderBoot(session: SessionView, zoom = createFakeZoom(), link = createFakeLink()) {
  const view = await render(
    <Boot
      zoom={zoom.zoom}
      library={new DraftLibrary(null)}
      announcer={createAnnouncer()}
      createSession={() => fakeSession(session)}
      openLink={() => link.link}
    />,
  );
  return { ...view, ...link, zoom: zoom.zoom, zoomState: zoom.state };
}
