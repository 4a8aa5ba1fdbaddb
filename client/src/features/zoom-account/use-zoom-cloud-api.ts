import { useMemo } from 'react';
import { useMeeting } from '../../app-context';
import { createZoomCloudApi, type ZoomCloudApi } from './zoom-cloud-api';

/** The Zoom cloud API of this meeting's session (one per session client). */
export function useZoomCloudApi(): ZoomCloudApi {
  const { session } = useMeeting();
  return useMemo(() => createZoomCloudApi(session), [session]);
}
