import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok, type QaQuestionView, type QaSettings } from '@quorum/shared';
import { renderBoot } from '../../test/boot-harness';
import { makeQaUpdate, makeQuestion, makeSession, makeSnapshot } from '../../test/fixtures';
import { settle, trackViews } from '../../test/render';

const track = trackViews();
afterEach(() => {
  window.history.replaceState(null, '', '/');
  sessionStorage.clear();
});

const waitingA = makeQuestion({ id: 'w1', text: 'First in the queue', status: 'waiting', createdAt: 1 });
const waitingB = makeQuestion({ id: 'w2', text: 'Second in the queue', status: 'waiting', createdAt: 2 });
const live = makeQuestion({ id: 'l1', text: 'Live one', upvotes: 4, askerId: 'v9' });

/** The host, on the Q&A tab of a meeting whose Q&A is as given. */
async function host(questions: QaQuestionView[], settings: Partial<QaSettings> = {}, role: 'host' | 'cohost' = 'host') {
  const session = makeSession({ role, isHost: role === 'host' });
  const view = track(await renderBoot(session));
  const qa = makeQaUpdate(questions, settings);
  const meetingSettings = { coHostsMayRun: false };
  await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session, polls: [], qa, meetingSettings })));
  const click = (testId: string, within: ParentNode = view.container) =>
    settle(() => within.querySelector<HTMLElement>(`[data-testid=${testId}]`)!.click());
  const question = (id: string) => view.container.querySelector<HTMLElement>(`[data-question-id="${id}"]`)!;
  const pending = (event: string) => view.requests.filter((r) => r.event === event).at(-1)!;
  return { ...view, click, question, pending, status: () => view.byTestId('status-region')!.textContent };
}

describe('the host Q&A panel', () => {
  it('badges the Q&A tab with the review queue, and changes settings at once', async () => {
    const view = await host([waitingA, waitingB, live], { reviewFirst: false });
    expect(view.byTestId('switch-qa-badge')!.dataset.count).toBe('2');
    expect(view.byTestId('switch-qa')!.textContent).toContain('2 questions waiting for review');
    await view.click('switch-qa');
    const review = view.byTestId('qa-setting-reviewFirst') as HTMLInputElement;
    expect(review.checked).toBe(false);
    await settle(() => review.click());
    expect(view.pending('qa:settings').payload).toEqual({ reviewFirst: true });
    // Ticked before the broadcast, and kept once the server agrees.
    expect(review.checked).toBe(true);
    await settle(() => view.pending('qa:settings').resolve(ok({ settings: {} })));
    await settle(() => view.emit('qa:update', makeQaUpdate([waitingA, waitingB, live], { reviewFirst: true }, 2)));
    expect(review.checked).toBe(true);
    // A refused change goes back.
    const closed = view.byTestId('qa-setting-closed') as HTMLInputElement;
    await settle(() => closed.click());
    await settle(() => view.pending('qa:settings').resolve(fail('FORBIDDEN', 'no')));
    expect(closed.checked).toBe(false);
    expect(view.status()).toBe('Could not do that: only the host can do that');
  });

  it('approves or dismisses one, or several selected at once, oldest first', async () => {
    const view = await host([waitingB, waitingA, live]);
    await view.click('switch-qa');
    const queue = view.byTestId('qa-queue')!;
    const waiting = [...queue.querySelectorAll<HTMLElement>('[data-testid=qa-waiting]')];
    expect(waiting.map((w) => w.dataset.questionId)).toEqual(['w1', 'w2']);
    expect(queue.querySelector<HTMLButtonElement>('[data-testid=qa-approve-selected]')!.disabled).toBe(true);
    await view.click('qa-select-all', queue);
    expect(queue.querySelector('[data-testid=qa-approve-selected]')!.textContent).toBe('Approve selected (2)');
    await view.click('qa-approve-selected', queue);
    expect(view.pending('qa:moderate').payload).toEqual({ action: 'approve', questionIds: ['w1', 'w2'] });
    await settle(() => view.pending('qa:moderate').resolve(ok({ questions: [] })));
    expect(view.status()).toBe('2 questions approved.');

    await view.click('qa-dismiss', waiting[1]!);
    expect(view.pending('qa:moderate').payload).toEqual({ action: 'dismiss', questionIds: ['w2'] });
  });

  it('answers, highlights one, replies to and archives live questions; shows votes and restores dismissed ones', async () => {
    const dismissed = makeQuestion({ id: 'd1', text: 'Off topic', status: 'dismissed' });
    const view = await host([live, dismissed]);
    await view.click('switch-qa');
    const item = view.question('l1');
    expect(item.querySelector('[data-testid=qa-upvotes]')!.textContent).toBe('4 votes');
    await view.click('qa-answer', item);
    expect(view.pending('qa:moderate').payload).toEqual({ action: 'answer', questionIds: ['l1'] });
    expect(item.querySelector('[data-testid=qa-highlight]')!.getAttribute('aria-pressed')).toBe('false');
    await view.click('qa-highlight', item);
    expect(view.pending('qa:moderate').payload).toEqual({ action: 'pin', questionId: 'l1', pinned: true });
    await view.click('qa-archive', item);
    expect(view.pending('qa:moderate').payload).toEqual({ action: 'archive', questionIds: ['l1'] });

    await view.click('qa-reply-open', item);
    const reply = view.byTestId('qa-reply-text') as HTMLTextAreaElement;
    await settle(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(reply, ' Next week ');
      reply.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await view.click('qa-reply-save');
    expect(view.pending('qa:moderate').payload).toEqual({ action: 'reply', questionId: 'l1', reply: 'Next week' });
    await settle(() => view.pending('qa:moderate').resolve(fail('QUESTION_LOCKED', 'locked')));
    expect(view.container.textContent).toContain('Could not do that: this question can no longer be changed');

    const restore = view.byTestId('qa-dismissed')!;
    expect(restore.querySelector('summary')!.textContent).toBe('Dismissed (1)');
    await view.click('qa-approve', restore);
    expect(view.pending('qa:moderate').payload).toEqual({ action: 'approve', questionIds: ['d1'] });
  });

  it('presents the highlighted question large with its votes, following the highlight, and Esc leaves', async () => {
    const view = await host([live]);
    await view.click('switch-qa');
    expect(view.byTestId('present-qa')).toBeNull();
    await settle(() => view.emit('qa:update', makeQaUpdate([{ ...live, pinned: true }], {}, 2)));
    await view.click('present-qa');
    const stage = view.byTestId('qa-present-view')!;
    expect(window.location.search).toBe('?present=qa');
    expect(view.container.querySelector('main.app')).toBeNull();
    expect(stage.querySelector('[data-testid=qa-present-text]')!.textContent).toBe('Live one');
    expect(stage.querySelector('[data-testid=qa-present-votes]')!.textContent).toBe('4 votes');
    expect(document.activeElement).toBe(stage.querySelector('h1'));
    await settle(() => view.emit('qa:update', makeQaUpdate([{ ...live, pinned: true, upvotes: 7 }], {}, 3)));
    expect(view.byTestId('qa-present-votes')!.textContent).toBe('7 votes');
    await settle(() => view.emit('qa:update', makeQaUpdate([live], {}, 4)));
    expect(view.byTestId('qa-present-view')!.textContent).toContain('No question is highlighted.');
    await settle(() => view.emit('qa:update', makeQaUpdate([{ ...live, pinned: true }], {}, 5)));
    await settle(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(view.byTestId('qa-present-view')).toBeNull();
    expect(window.location.search).toBe('');
    // Back on the Q&A tab, on the button that opened the presentation.
    await settle();
    expect(view.byTestId('switch-qa')!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(view.byTestId('present-qa'));
  });

  it('leaves a co-host reading only while the host keeps running polls (and moderation) to themselves', async () => {
    const view = await host([waitingA, live], {}, 'cohost');
    await view.click('switch-qa');
    expect(view.byTestId('qa-host-only')!.textContent).toBe(
      'The host moderates the questions in this meeting. You can follow them here.',
    );
    expect(view.byTestId('qa-settings')).toBeNull();
    expect(view.byTestId('qa-queue')).toBeNull();
    expect(view.question('l1').querySelector('button')).toBeNull();
    await settle(() => view.emit('meeting:settings', { coHostsMayRun: true }));
    expect(view.byTestId('qa-settings')).not.toBeNull();
    expect(view.question('l1').querySelector('[data-testid=qa-answer]')).not.toBeNull();
  });

  it('announces a question arriving in the review queue', async () => {
    const view = await host([]);
    await settle(() => view.emit('qa:update', makeQaUpdate([waitingA], { reviewFirst: true }, 2)));
    expect(view.status()).toBe('New question waiting for review: “First in the queue”');
  });
});
