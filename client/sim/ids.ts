// Identifier formats copied from what Zoom returns, so apps that parse or log them see realistic values.

const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/** A meeting or invitation UUID: 16 random bytes in base64, 24 characters ending in '=='. */
export const newZoomUuid = (): string => base64(randomBytes(16));

/** A participantUUID: upper-case 8-4-4-4-12 hex (built by hand: randomUUID needs a secure context). */
export function newParticipantUuid(): string {
  const hex = Array.from(randomBytes(16), (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A Zoom user id: 16 bytes in base64url without padding (22 characters). */
export const newUserId = (): string =>
  base64(randomBytes(16)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The deprecated participantId: Zoom hands out numbers around 16778240 in steps of 1024. */
export const participantIdFor = (ordinal: number): string => String(16778240 + ordinal * 1024);

/** An 11-digit meeting number. */
export const newMeetingNumber = (): string => String((randomBytes(4).reduce((n, b) => n * 256 + b, 0) % 9e10) + 1e10);
