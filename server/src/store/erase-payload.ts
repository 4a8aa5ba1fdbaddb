/** Fields that name or reach a person, removed from any object of a payload that carries the erased user's id. */
const PERSONAL_FIELDS = new Set([
  'id',
  'user_id',
  'host_id',
  'participant_user_id',
  'participant_uuid',
  'registrant_id',
  'customer_key',
  'user_name',
  'name',
  'display_name',
  'first_name',
  'last_name',
  'email',
  'user_email',
  'host_email',
  'phone_number',
]);

/**
 * A stored webhook payload with the erased user taken out: every object holding `uid` as a value (the
 * participant, the meeting whose host they are, the deauthorization itself) loses its personal fields
 * (ids, name, email, phone), and any other string equal to `uid` or `email` becomes null. The rest of
 * the event (times, meeting UUID, topic) stays, so an event still pending can be processed. Returns
 * undefined when the payload does not mention them.
 */
export function erasedPayload(json: string, uid: string, email: string | null): string | undefined {
  if (!json.includes(uid) && !(email && json.toLowerCase().includes(email.toLowerCase()))) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return '{}';
  }
  const isTheirs = (v: unknown) =>
    typeof v === 'string' && (v === uid || (email !== null && v.toLowerCase() === email.toLowerCase()));
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return isTheirs(node) ? null : node;
    const entries = Object.entries(node as Record<string, unknown>);
    const theirs = entries.some(([, v]) => isTheirs(v));
    return Object.fromEntries(entries.map(([k, v]) => [k, theirs && PERSONAL_FIELDS.has(k) ? null : walk(v)]));
  };
  return JSON.stringify(walk(value));
}
