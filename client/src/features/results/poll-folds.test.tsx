import type { Poll } from '@quorum/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderBoot } from '../../test/boot-harness';
import { fakeQuorumApi } from '../../test/fake-quorum-api';
import { makePoll, makeSession, makeSnapshot, makeTally } from '../../test/fixtures';
import { settle, trackViews } from '../../test/render';

const track = trackViews();
afterEach(() => vi.unstubAllGlobals());

const closedA = makePoll({ id: 'a', title: 'Lunch?', status: 'closed', closedAt: 3, createdAt: 1 });
const openB = makePoll({ id: 'b', title: 'Coffee?', createdAt: 2 });
const draftC = makePoll({ id: 'c', title: 'Dinner?', status: 'draft', run: 0, openedAt: null, createdAt: 3 });
const tallyA = makeTally({
  pollId: 'a',
  turnout: 3,
  questions: { q1: { kind: 'choice', voters: 3, counts: { a: 2, b: 1 } } },
});

async function boot(role: 'host' | 'participant', polls: Poll[]) {
  vi.stubGlobal('fetch', fakeQuorumApi({}).fetchFn);
  const session = makeSession(role === 'host' ? { role: 'host', isHost: true } : {});
  const view = track(await renderBoot(session));
  await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session, polls, tallies: [tallyA] })));
  const card = (id: string) =>
    view.container.querySelector<HTMLElement>(`[data-testid=poll-card][data-poll-id=${id}]`)!;
  const folded = (id: string) => card(id).dataset.collapsed === 'true';
  return { ...view, card, folded };
}

describe('closed polls folded to one line', () => {
  it('shows a poll closed before the panel opened as title, turnout and winner, and expands it on demand', async () => {
    const view = await boot('host', [closedA, openB]);
    expect(view.folded('a')).toBe(true);
    expect(view.card('a').querySelector('[data-testid=poll-line]')?.textContent).toBe(
      '3 voted. Winner: Pizza with 2 votes (67%).',
    );
    expect(view.card('a').querySelector('[data-testid=result-bar]')).toBeNull();
    const show = view.card('a').querySelector<HTMLButtonElement>('[data-testid=poll-fold]')!;
    expect(show.getAttribute('aria-expanded')).toBe('false');
    expect(show.getAttribute('aria-label')).toBe('Show “Lunch?”');
    await settle(() => show.click());
    expect(view.folded('a')).toBe(false);
    expect(view.card('a').querySelector('[data-testid=result-bar]')).not.toBeNull();
    expect(view.card('a').querySelector('[data-testid=poll-fold]')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps the open poll first, leaves one closed while watching open, and folds it once another is launched', async () => {
    const view = await boot('host', [closedA, openB, draftC]);
    const order = () =>
      [...view.container.querySelectorAll<HTMLElement>('[data-testid=poll-card]')].map((c) => c.dataset.pollId);
    expect(order()).toEqual(['b', 'c', 'a']);
    await settle(() => view.emit('poll:updated', { ...openB, status: 'closed', closedAt: 9 }, 0));
    expect(view.folded('b')).toBe(false);

    const launch = view.card('c').querySelector<HTMLButtonElement>('[data-testid=launch-poll]')!;
    launch.focus();
    await settle(() => launch.click());
    await settle(() => view.emit('poll:updated', { ...draftC, status: 'open', run: 1, openedAt: 10 }, 0));
    expect(order()).toEqual(['c', 'b', 'a']);
    expect(view.folded('b')).toBe(true);
    // The Launch button is gone: focus lands on the launched poll (which scrolls it into view).
    expect(document.activeElement).toBe(view.card('c').querySelector('h2'));
  });

  it('folds old closed polls for participants too, with turnout alone when results are not theirs to see', async () => {
    const hidden = { ...closedA, settings: { ...closedA.settings, resultsVisibility: 'host_only' as const } };
    const view = await boot('participant', [hidden, openB]);
    expect(view.folded('a')).toBe(true);
    expect(view.card('a').querySelector('[data-testid=poll-line]')?.textContent).toBe('3 voted.');
    expect(view.folded('b')).toBe(false);
  });
});
