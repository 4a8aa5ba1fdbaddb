import { useEffect, useState } from 'react';
import { useSupports, useZoom } from '../../app-context';
import type { ZoomParticipant } from '../../zoom/zoom-port';

export interface ParticipantsState {
  /** Null while unknown: not offered by this client, not yet loaded, or refused. */
  participants: ZoomParticipant[] | null;
  supported: boolean;
}

/** The meeting's participants (a host-only Zoom API), re-fetched whenever someone joins or leaves. */
export function useParticipants(): ParticipantsState {
  const { zoom } = useZoom();
  const supported = useSupports('getMeetingParticipants');
  const [participants, setParticipants] = useState<ZoomParticipant[] | null>(null);

  useEffect(() => {
    if (!supported) return;
    let live = true;
    const load = () => {
      zoom.getMeetingParticipants().then(
        (list) => live && setParticipants(list),
        // Refused (e.g. the role changed): fall back to turnout without a total.
        () => live && setParticipants(null),
      );
    };
    load();
    // The change event's own list is partial and can fire twice on a role change; a fresh fetch is exact.
    const off = zoom.onParticipantChange(load);
    return () => {
      live = false;
      off();
    };
  }, [zoom, supported]);

  return { participants, supported };
}
