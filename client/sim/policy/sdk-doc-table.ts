/**
 * Reads Zoom's own permission table out of `@zoom/appssdk`'s typings: for every ZoomSdk method, the doc
 * comment's *Running context*, *Supported roles* and *Supports Guest Mode* lines and the desktop client
 * version. Zoom is the authority on who may call what; the simulator's policy is built from this table
 * (zoom-api-table.json, rebuilt by `npm run zoom:api-table`), never from what the app expects.
 */

/** The roles as the typings' tables name them. In a meeting everyone else is a Participant; webinars have Panelists and Attendees. */
export const TABLE_ROLES = ['Host', 'Co-Host', 'Participant', 'Panelist', 'Attendee'] as const;
export type TableRole = (typeof TABLE_ROLES)[number];

export interface ApiDoc {
  /** Lowest desktop client that has it (`@zoomDesktopClientVersion`). */
  desktopVersion: string | null;
  /** The running contexts it is documented for; 'all', or null when the comment names none. */
  contexts: readonly string[] | 'all' | null;
  /** Supported roles; null when the comment names none. */
  roles: readonly TableRole[] | null;
  /** *Supports Guest Mode*; null when the comment does not say. */
  guestMode: boolean | null;
  /** The comment says "only available in meetings" without a running-context line. */
  meetingsOnly: boolean;
}

export interface ApiTable {
  /** The package and version the table was read from. */
  source: string;
  apis: Readonly<Record<string, ApiDoc>>;
}

const ROLE_SPELLINGS: Readonly<Record<string, TableRole>> = {
  host: 'Host',
  'co-host': 'Co-Host',
  cohost: 'Co-Host',
  participant: 'Participant',
  participants: 'Participant',
  panelist: 'Panelist',
  panelists: 'Panelist',
  attendee: 'Attendee',
  attendees: 'Attendee',
};

function parseRoles(line: string | undefined): TableRole[] | null {
  if (line === undefined) return null;
  const roles = line
    .split(/,|\band\b/)
    .map((word) => ROLE_SPELLINGS[word.trim().toLowerCase()])
    .filter((role): role is TableRole => role !== undefined);
  return roles.length > 0 ? TABLE_ROLES.filter((role) => roles.includes(role)) : null;
}

function parseContexts(line: string | undefined): ApiDoc['contexts'] {
  if (line === undefined) return null;
  if (/^\s*all\b/i.test(line)) return 'all';
  const contexts = line
    .split(/,|\band\b/)
    .map((word) => word.trim().replace(/[`.]/g, ''))
    .filter((word) => /^in[A-Z]\w*$/.test(word));
  return contexts.length > 0 ? [...new Set(contexts)].sort() : null;
}

const field = (doc: string, name: string): string | undefined =>
  new RegExp(`\\*${name}\\*:\\s*([^\\n]*)`, 'i').exec(doc)?.[1]?.trim();

/** One method's doc comment → its row. */
export function parseApiDoc(doc: string): ApiDoc {
  const guest = field(doc, 'Supports Guest Mode');
  return {
    desktopVersion: /@zoomDesktopClientVersion\s+([\d.]+)/.exec(doc)?.[1] ?? null,
    contexts: parseContexts(field(doc, 'Running context')),
    roles: parseRoles(field(doc, 'Supported roles')),
    guestMode: guest === undefined ? null : /^yes/i.test(guest),
    meetingsOnly: /only available in meetings/i.test(doc),
  };
}

/** Every documented method of `declare class ZoomSdk` in sdk.d.ts, sorted by name. */
export function parseSdkTypings(typings: string, source: string): ApiTable {
  const start = typings.indexOf('declare class ZoomSdk');
  if (start < 0) throw new Error('sdk.d.ts: no `declare class ZoomSdk` found');
  const body = typings.slice(start);
  const apis: Record<string, ApiDoc> = {};
  // A doc comment directly followed by a member declaration `    name(` or `    name<T>(`.
  for (const match of body.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n {4}(\w+)\s*[(<]/g)) {
    const [, doc = '', name = ''] = match;
    if (name === 'constructor' || apis[name]) continue;
    apis[name] = parseApiDoc(doc);
  }
  const sorted = Object.fromEntries(Object.entries(apis).sort(([a], [b]) => a.localeCompare(b)));
  return { source, apis: sorted };
}
