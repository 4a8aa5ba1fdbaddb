import { fail, ok, type Result } from '../protocol/errors';
import type { QaModerate, QaSettings, QaSettingsPatch, QaStatus } from '../schemas/qa';
import type { QaQuestion } from './question';

type BulkAction = Extract<QaModerate, { questionIds: string[] }>['action'];

/** Where each bulk action leads, and from which statuses. Already there is a no-op, not an error. */
const TRANSITIONS: Record<BulkAction, { to: QaStatus; from: ReadonlySet<QaStatus>; done: string }> = {
  // Approving a dismissed question restores it: a dismissal by mistake is undone the same way.
  approve: { to: 'live', from: new Set(['waiting', 'dismissed']), done: 'approved' },
  dismiss: { to: 'dismissed', from: new Set(['waiting', 'live']), done: 'dismissed' },
  answer: { to: 'answered', from: new Set(['waiting', 'live']), done: 'marked answered' },
  archive: { to: 'archived', from: new Set(['waiting', 'live', 'answered', 'dismissed']), done: 'archived' },
};

/** Only a live or answered question can be highlighted: it is what Present mode shows everyone. */
const PINNABLE: ReadonlySet<QaStatus> = new Set(['live', 'answered']);

const locked = (q: QaQuestion, what: string) =>
  fail('QUESTION_LOCKED', `question ${q.id} is ${q.status} and cannot be ${what}`, 'questionId');

/** Leaves the pin only where the new status may still be highlighted. */
const withStatus = (q: QaQuestion, status: QaStatus): QaQuestion => ({
  ...q,
  status,
  pinned: q.pinned && PINNABLE.has(status),
});

function bulk(action: BulkAction, targets: readonly QaQuestion[]): Result<QaQuestion[]> {
  const { to, from, done } = TRANSITIONS[action];
  const changed: QaQuestion[] = [];
  for (const q of targets) {
    if (q.status === to) continue;
    if (!from.has(q.status)) return locked(q, done);
    changed.push(withStatus(q, to));
  }
  return ok(changed);
}

/** Pins one question and unpins whichever was pinned: one highlight at a time. */
function pin(all: readonly QaQuestion[], target: QaQuestion, pinned: boolean): Result<QaQuestion[]> {
  if (pinned && !PINNABLE.has(target.status)) return locked(target, 'highlighted');
  const changed = all
    .filter((q) => (q.id === target.id ? q.pinned !== pinned : pinned && q.pinned))
    .map((q) => ({ ...q, pinned: q.id === target.id && pinned }));
  return ok(changed);
}

/**
 * A host's moderation, all or nothing: the questions it changes (none when everything already is as
 * asked), or why not. `all` is the meeting's questions; every id must be one of them (NOT_FOUND otherwise).
 */
export function moderate(all: readonly QaQuestion[], request: QaModerate): Result<QaQuestion[]> {
  const byId = new Map(all.map((q) => [q.id, q]));
  const ids = 'questionIds' in request ? [...new Set(request.questionIds)] : [request.questionId];
  const targets = ids.map((id) => byId.get(id));
  if (targets.some((q) => q === undefined)) return fail('NOT_FOUND', 'no such question in this meeting', 'questionId');
  const found = targets as QaQuestion[];
  if (request.action === 'pin') return pin(all, found[0]!, request.pinned);
  if (request.action === 'reply') {
    const q = found[0]!;
    if (q.status === 'dismissed' || q.status === 'archived') return locked(q, 'replied to');
    const reply = request.reply === null || request.reply === '' ? null : request.reply;
    return ok(q.reply === reply ? [] : [{ ...q, reply }]);
  }
  return bulk(request.action, found);
}

/** The settings after a host's patch. */
export const patchQaSettings = (settings: QaSettings, patch: QaSettingsPatch): QaSettings => ({
  ...settings,
  ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
});
