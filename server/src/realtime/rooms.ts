/** socket.io room names: one per meeting, plus its hosts' room for host-only data. */
export const meetingRoom = (meetingId: string): string => `meeting:${meetingId}`;
export const hostsRoom = (meetingId: string): string => `meeting:${meetingId}:hosts`;
