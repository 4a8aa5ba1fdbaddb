import { describe, expect, it } from 'vitest';
import { DEFAULT_QA_SETTINGS, type QaSettings } from '../schemas/qa';
import { moderate, patchQaSettings } from './moderation';
import { compareQuestions, orderQuestions } from './order';
import { qaViewFor } from './projection';
import { askQuestion, editQuestion, withdrawQuestion, type QaBoard, type QaQuestion } from './question';
import { applyUpvote, upvoteAllowed } from './upvote';

const on: QaSettings = { ...DEFAULT_QA_SETTINGS, enabled: true };
let seq = 0;
const ctx = (now = 1_000, held = 0) => ({ now, held, newId: () => `q${++seq}` });
const asker = (voterId: string, roomId?: string) => ({ voterId, meetingId: 'm1', ...(roomId ? { roomId } : {}) });

function ask(text: string, voterId = 'v1', settings = on, extra: { anonymous?: boolean; now?: number } = {}) {
  return askQuestion(
    settings,
    { text, anonymous: extra.anonymous ?? false, clientId: `c-${++seq}` },
    asker(voterId),
    ctx(extra.now),
  );
}

function asked(text: string, voterId = 'v1', extra: { anonymous?: boolean; now?: number } = {}): QaQuestion {
  const r = ask(text, voterId, on, extra);
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

const board = (questions: QaQuestion[], votes: Record<string, string[]> = {}, settings = on): QaBoard => ({
  meetingId: 'm1',
  settings,
  version: 3,
  questions,
  upvoters: new Map(Object.entries(votes).map(([id, v]) => [id, new Set(v)])),
});

describe('asking', () => {
  it('trims, masks profanity and publishes at once unless review comes first', () => {
    expect(ask('  Why merde on Mondays?  ')).toMatchObject({
      ok: true,
      data: { text: 'Why ••• on Mondays?', status: 'live' },
    });
    expect(ask('Queued?', 'v1', { ...on, reviewFirst: true })).toMatchObject({ ok: true, data: { status: 'waiting' } });
  });

  it('refuses empty, too long, anonymous when not allowed, off and closed with their codes', () => {
    expect(ask('   ')).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'text' } });
    expect(ask('x'.repeat(301))).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'text' } });
    expect(ask('😀'.repeat(300)).ok).toBe(true); // code points, as people count them
    expect(ask('x'.repeat(41), 'v1', { ...on, maxLength: 40 })).toMatchObject({ ok: false, error: { field: 'text' } });
    expect(ask('Me?', 'v1', { ...on, anonymousAllowed: false }, { anonymous: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'anonymous' },
    });
    expect(ask('Off?', 'v1', DEFAULT_QA_SETTINGS)).toMatchObject({ ok: false, error: { code: 'QA_OFF' } });
    expect(ask('Closed?', 'v1', { ...on, closed: true })).toMatchObject({ ok: false, error: { code: 'QA_CLOSED' } });
  });

  it('caps the questions of one meeting', () => {
    const input = { text: 'One more?', anonymous: false, clientId: 'c-cap' };
    expect(askQuestion(on, input, asker('v1'), ctx(1, 499)).ok).toBe(true);
    expect(askQuestion(on, input, asker('v1'), ctx(1, 500))).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  it('keeps the breakout room it came from', () => {
    const r = askQuestion(on, { text: 'From room 2', anonymous: false, clientId: 'c-room' }, asker('v1', 'r2'), ctx());
    expect(r).toMatchObject({ ok: true, data: { roomId: 'r2' } });
  });
});

describe('editing and withdrawing', () => {
  it('lets the asker edit until answered, and sends an edited question back to review when review is on', () => {
    const q = asked('First');
    expect(editQuestion(on, q, 'v1', ' Second ', 2_000)).toMatchObject({
      ok: true,
      data: { text: 'Second', status: 'live', editedAt: 2_000 },
    });
    expect(editQuestion({ ...on, reviewFirst: true }, q, 'v1', 'Third', 2_000)).toMatchObject({
      ok: true,
      data: { status: 'waiting' },
    });
    expect(editQuestion(on, q, 'v2', 'Hijack', 2_000)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const answered = { ...q, status: 'answered' as const };
    expect(editQuestion(on, answered, 'v1', 'Late', 2_000)).toMatchObject({
      ok: false,
      error: { code: 'QUESTION_LOCKED' },
    });
    expect(withdrawQuestion(on, answered, 'v1')).toMatchObject({ ok: false, error: { code: 'QUESTION_LOCKED' } });
    expect(withdrawQuestion(on, q, 'v1').ok).toBe(true);
    expect(withdrawQuestion(on, q, 'v2')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('upvotes', () => {
  it('is a set: the same wanted state twice is the same set', () => {
    const once = applyUpvote(new Set(), 'v1', true);
    expect(applyUpvote(once, 'v1', true)).toBe(once);
    expect([...applyUpvote(once, 'v1', false)]).toEqual([]);
  });

  it('refuses another meeting’s, unseen, dismissed and archived questions', () => {
    const q = asked('Live one');
    const b = board([q]);
    expect(upvoteAllowed(b, q, 'v2').ok).toBe(true);
    expect(upvoteAllowed(b, { ...q, meetingId: 'm2' }, 'v2')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(upvoteAllowed(b, undefined, 'v2')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(upvoteAllowed(b, { ...q, status: 'dismissed' }, 'v2')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(upvoteAllowed(b, { ...q, status: 'waiting' }, 'v1')).toMatchObject({ error: { code: 'QUESTION_LOCKED' } });
    expect(upvoteAllowed(b, { ...q, status: 'archived' }, 'v1')).toMatchObject({ error: { code: 'QUESTION_LOCKED' } });
    expect(upvoteAllowed(board([q], {}, { ...on, closed: true }), q, 'v2')).toMatchObject({
      error: { code: 'QA_CLOSED' },
    });
  });
});

describe('moderation', () => {
  const queue = () => [asked('A'), asked('B'), { ...asked('C'), status: 'waiting' as const }];

  it('approves and dismisses in bulk, all or nothing, skipping those already there', () => {
    const [a, b, c] = queue();
    expect(moderate([a!, b!, c!], { action: 'approve', questionIds: [a!.id, c!.id] })).toEqual({
      ok: true,
      data: [{ ...c, status: 'live' }],
    });
    const archived = { ...b!, status: 'archived' as const };
    expect(moderate([a!, archived], { action: 'dismiss', questionIds: [a!.id, b!.id] })).toMatchObject({
      ok: false,
      error: { code: 'QUESTION_LOCKED' },
    });
    expect(moderate([a!], { action: 'answer', questionIds: [a!.id, 'elsewhere'] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('pins one question at a time and drops the pin when the question leaves the list', () => {
    const [a, b] = queue();
    const pinnedA = { ...a!, pinned: true };
    const r = moderate([pinnedA, b!], { action: 'pin', questionId: b!.id, pinned: true });
    expect(r).toEqual({
      ok: true,
      data: [
        { ...a, pinned: false },
        { ...b, pinned: true },
      ],
    });
    expect(moderate([pinnedA], { action: 'dismiss', questionIds: [a!.id] })).toMatchObject({
      ok: true,
      data: [{ status: 'dismissed', pinned: false }],
    });
    expect(moderate([pinnedA], { action: 'answer', questionIds: [a!.id] })).toMatchObject({
      data: [{ status: 'answered', pinned: true }],
    });
    const waiting = queue()[2]!;
    expect(moderate([waiting], { action: 'pin', questionId: waiting.id, pinned: true })).toMatchObject({
      error: { code: 'QUESTION_LOCKED' },
    });
  });

  it('replies, clears a reply, and refuses replies to set-aside questions', () => {
    const [a] = queue();
    expect(moderate([a!], { action: 'reply', questionId: a!.id, reply: 'Next week' })).toMatchObject({
      data: [{ reply: 'Next week' }],
    });
    expect(moderate([{ ...a!, reply: 'x' }], { action: 'reply', questionId: a!.id, reply: '' })).toMatchObject({
      data: [{ reply: null }],
    });
    expect(
      moderate([{ ...a!, status: 'dismissed' }], { action: 'reply', questionId: a!.id, reply: 'No' }),
    ).toMatchObject({ error: { code: 'QUESTION_LOCKED' } });
  });

  it('patches settings key by key', () => {
    expect(patchQaSettings(DEFAULT_QA_SETTINGS, { enabled: true, reviewFirst: true })).toEqual({
      ...DEFAULT_QA_SETTINGS,
      enabled: true,
      reviewFirst: true,
    });
  });
});

describe('ordering and projection', () => {
  it('orders Top by votes, then older first, and Recent newest first', () => {
    const items = [
      { id: 'a', createdAt: 1, upvotes: 1 },
      { id: 'b', createdAt: 2, upvotes: 3 },
      { id: 'c', createdAt: 3, upvotes: 1 },
    ];
    expect(orderQuestions(items, 'top').map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(orderQuestions(items, 'recent').map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(compareQuestions('top')(items[0]!, items[0]!)).toBe(0);
  });

  it('shows participants only public questions and their own, without askers, counts only when shown', () => {
    const mine = { ...asked('Mine', 'v1'), status: 'waiting' as const };
    const anon = asked('Anon', 'v2', { anonymous: true });
    const other = { ...asked('Dismissed', 'v3'), status: 'dismissed' as const };
    const open = asked('Open', 'v3');
    const b = board([mine, anon, other, open], { [open.id]: ['v1', 'v2'], [anon.id]: ['v1'] });
    const forV1 = qaViewFor(b, { host: false, voterId: 'v1' });
    expect(forV1.questions.map((q) => q.text)).toEqual(['Open', 'Anon', 'Mine']);
    expect(forV1.questions[2]).toMatchObject({ mine: true, status: 'waiting' });
    expect(forV1.questions[0]).toMatchObject({ upvotes: 2, upvoted: true });
    expect(JSON.stringify(forV1)).not.toMatch(/askerId|v2|v3/);
    const shared = qaViewFor({ ...b, settings: { ...on, upvotesShown: false } }, { host: false });
    expect(shared.questions.map((q) => q.text)).toEqual(['Open', 'Anon']);
    expect(shared.questions.every((q) => q.upvotes === undefined && q.mine === undefined)).toBe(true);
    const host = qaViewFor(b, { host: true });
    expect(host.questions).toHaveLength(4);
    expect(host.questions.find((q) => q.text === 'Open')).toMatchObject({ askerId: 'v3', upvotes: 2 });
    expect(host.questions.find((q) => q.text === 'Anon')).not.toHaveProperty('askerId');
  });
});
