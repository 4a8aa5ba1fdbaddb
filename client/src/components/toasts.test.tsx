import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderBoot } from '../test/boot-harness';
import { fakeQuorumApi } from '../test/fake-quorum-api';
import { makePoll, makeSession, makeSnapshot } from '../test/fixtures';
import { settle, trackViews } from '../test/render';
import { createToastStack } from './toasts';

const track = trackViews();
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the toast stack', () => {
  it('keeps the newest three, drops each after its lifetime and on dismiss', () => {
    vi.useFakeTimers();
    const stack = createToastStack({ lifetimeMs: 1000, max: 3 });
    for (const m of ['a', 'b', 'c', 'd']) stack.show(m);
    expect(stack.getSnapshot().map((t) => t.message)).toEqual(['b', 'c', 'd']);
    stack.dismiss(stack.getSnapshot()[0]!.id);
    expect(stack.getSnapshot().map((t) => t.message)).toEqual(['c', 'd']);
    vi.advanceTimersByTime(999);
    expect(stack.getSnapshot()).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(stack.getSnapshot()).toEqual([]);
  });

  it('holds every toast while paused and gives each its full time again on resume', () => {
    vi.useFakeTimers();
    const stack = createToastStack({ lifetimeMs: 1000 });
    stack.show('a');
    vi.advanceTimersByTime(900);
    stack.pause();
    vi.advanceTimersByTime(5000);
    expect(stack.getSnapshot()).toHaveLength(1);
    stack.resume();
    vi.advanceTimersByTime(999);
    expect(stack.getSnapshot()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(stack.getSnapshot()).toEqual([]);
  });

  it('runs the clocks again once the last toast is closed by hand while paused', () => {
    vi.useFakeTimers();
    const stack = createToastStack({ lifetimeMs: 1000 });
    stack.show('a');
    stack.pause();
    stack.dismiss(stack.getSnapshot()[0]!.id);
    stack.show('b');
    vi.advanceTimersByTime(1000);
    expect(stack.getSnapshot()).toEqual([]);
  });
});

/** The app booted as the host with `polls`. */
async function hostPanel(polls = [makePoll({ status: 'draft' })]) {
  vi.stubGlobal('fetch', fakeQuorumApi({}).fetchFn);
  const session = makeSession({ role: 'host', isHost: true });
  const view = track(await renderBoot(session));
  await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session, polls })));
  return view;
}

const answer = async (view: Awaited<ReturnType<typeof hostPanel>>, event: string, poll: object) => {
  const request = view.requests.find((r) => r.event === event)!;
  await settle(() => request.resolve({ ok: true, data: { poll } }));
};

describe('visible confirmations', () => {
  it('shows "Launched" as a toast and in the live region, without moving focus, and closes on its button', async () => {
    const view = await hostPanel();
    const launch = view.byTestId('launch-poll')!;
    launch.focus();
    await settle(() => launch.click());
    await answer(view, 'poll:open', makePoll());
    const toasts = document.querySelectorAll<HTMLElement>('[data-testid=toast]');
    expect([...toasts].map((t) => t.textContent)).toEqual(['Launched “Lunch?”.×']);
    expect(document.querySelector('[data-testid=toasts]')?.getAttribute('aria-label')).toBe('Notifications');
    expect(document.querySelector('[data-testid=toasts]')?.getAttribute('aria-live')).toBeNull();
    expect(document.querySelector('[data-testid=status-region]')?.textContent).toBe('Launched “Lunch?”.');
    expect(toasts[0]!.contains(document.activeElement)).toBe(false);
    await settle(() => toasts[0]!.querySelector<HTMLButtonElement>('button[aria-label="Close notification"]')!.click());
    expect(document.querySelectorAll('[data-testid=toast]')).toHaveLength(0);
  });

  it('confirms a saved draft with the title the server gave it', async () => {
    const view = await hostPanel();
    await settle(() => view.button('Edit')!.click());
    await settle(() => view.byTestId('save-draft')!.click());
    await answer(view, 'poll:update', makePoll({ status: 'draft', title: 'Where?' }));
    expect(document.querySelector('[data-testid=toast]')?.textContent).toBe('Saved “Where?” as a draft.×');
  });
});

describe('the Shared badge and Unshare', () => {
  const shared = makePoll({
    status: 'closed',
    resultsShared: true,
    settings: { anonymous: false, resultsVisibility: 'host_only', allowAnswerChange: true, closeAfterSec: null },
  });

  it('marks a shared poll for the host and takes the share back in one click', async () => {
    const view = await hostPanel([shared]);
    await settle(() => view.byTestId('poll-fold')!.click());
    expect(view.byTestId('shared-badge')?.textContent).toBe('Shared');
    expect(view.byTestId('share-results')).toBeNull();
    await settle(() => view.byTestId('unshare-results')!.click());
    expect(view.requests.map((r) => [r.event, r.payload])).toContainEqual(['poll:unshare', { pollId: 'p1' }]);
    await answer(view, 'poll:unshare', { ...shared, resultsShared: false });
    await settle(() => view.emit('poll:updated', { ...shared, resultsShared: false }, 0));
    expect(view.byTestId('shared-badge')).toBeNull();
    expect(view.byTestId('unshare-results')).toBeNull();
    expect(view.byTestId('share-results')).not.toBeNull();
    expect(document.querySelector('[data-testid=toast]')?.textContent).toContain(
      'Results of “Lunch?” no longer shared.',
    );
  });

  it('shows no badge to participants', async () => {
    vi.stubGlobal('fetch', fakeQuorumApi({}).fetchFn);
    const session = makeSession();
    const view = track(await renderBoot(session));
    await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session, polls: [shared] })));
    expect(view.byTestId('poll-card')).not.toBeNull();
    expect(view.byTestId('shared-badge')).toBeNull();
  });
});
