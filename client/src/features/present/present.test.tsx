import { afterEach, describe, expect, it, vi } from 'vitest';
import { Boot } from '../../boot';
import { createAnnouncer } from '../../components/announcer';
import { createFakeLink, createFakeZoom, fakeSession } from '../../test/fakes';
import { makePoll, makeSession, makeSnapshot, makeTally } from '../../test/fixtures';
import { render, settle } from '../../test/render';
import type { ZoomConfig } from '../../zoom/zoom-port';
import { DraftLibrary } from '../library/draft-library';
import { presentedPollId, withPresent } from './present-url';
import { enterStage, leaveStage, type StageDocument } from './stage';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  // One at a time: overlapping act() calls leave React's test scheduler unable to flush the next render.
  for (const cleanup of cleanups.splice(0)) await cleanup();
  window.history.replaceState(null, '', '/');
});

/** The app booted in a meeting with one open poll (Pizza 1, Sushi 0). */
async function meeting(role: 'host' | 'participant', config: Partial<ZoomConfig> = {}, poll = makePoll()) {
  const fakes = { ...createFakeZoom(config), ...createFakeLink() };
  const session = makeSession({ role, isHost: role === 'host' });
  const view = await render(
    <Boot
      zoom={fakes.zoom}
      library={new DraftLibrary(null)}
      announcer={createAnnouncer()}
      createSession={() => fakeSession(session)}
      openLink={() => fakes.link}
    />,
  );
  cleanups.push(view.unmount);
  await settle(() => fakes.emit('meeting:snapshot', makeSnapshot({ session, polls: [poll], tallies: [makeTally()] })));
  return { ...fakes, ...view };
}
const counts = (root: ParentNode) =>
  [...root.querySelectorAll<HTMLElement>('[data-testid=result-bar]')].map((b) => Number(b.dataset.count));
const escape = () =>
  settle(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));

describe('present mode', () => {
  it('puts one poll on stage, follows live tallies, and leaves on Esc', async () => {
    const view = await meeting('host');
    await settle(() => view.byTestId('present-poll')!.click());
    const stage = view.byTestId('present-view')!;
    expect(stage.querySelector('h1')?.textContent).toBe('Lunch?');
    expect(document.activeElement).toBe(stage.querySelector('h1'));
    // Only the question and its results: no ballot, composer or host tools on stage.
    expect(view.container.querySelector('main.app, [data-testid=compose-poll], [data-testid=close-poll]')).toBeNull();
    expect(window.location.search).toBe('?present=p1');
    expect(view.zoom.expandApp).toHaveBeenCalledWith('expand');
    expect(counts(stage)).toEqual([1, 0]);

    await settle(() =>
      view.emit(
        'poll:tally',
        makeTally({ version: 2, turnout: 3, questions: { q1: { kind: 'choice', voters: 3, counts: { a: 1, b: 2 } } } }),
      ),
    );
    expect(counts(view.byTestId('present-view')!)).toEqual([1, 2]);

    await escape();
    expect(view.byTestId('present-view')).toBeNull();
    expect(view.container.querySelector('main.app')).not.toBeNull();
    expect(window.location.search).toBe('');
    expect(view.zoom.expandApp).toHaveBeenLastCalledWith('collapse');
    await settle();
    expect(document.activeElement).toBe(view.byTestId('present-poll'));
  });

  it('opens from the URL, and the Exit button leaves too', async () => {
    window.history.replaceState(null, '', '/?lang=de&present=p1');
    const view = await meeting('participant');
    expect(view.byTestId('present-view')?.dataset.pollId).toBe('p1');
    await settle(() => view.byTestId('present-exit')!.click());
    expect(view.byTestId('present-view')).toBeNull();
    expect(window.location.search).toBe('?lang=de');
  });

  it('says so when the presented poll is gone', async () => {
    window.history.replaceState(null, '', '/?present=nope');
    const view = await meeting('host');
    expect(view.byTestId('present-view')?.textContent).toContain('This poll is no longer in the meeting.');
    await escape();
    expect(view.container.querySelector('main.app')).not.toBeNull();
  });

  it('is offered only to those who may see the results, and skips expandApp where Zoom lacks it', async () => {
    const hidden = await meeting(
      'participant',
      {},
      makePoll({ settings: { ...makePoll().settings, resultsVisibility: 'host_only' } }),
    );
    expect(hidden.byTestId('poll-card')).not.toBeNull();
    expect(hidden.byTestId('present-poll')).toBeNull();

    const old = await meeting('host', { unsupportedApis: ['expandApp'] });
    await settle(() => old.byTestId('present-poll')!.click());
    expect(old.byTestId('present-view')).not.toBeNull();
    expect(old.zoom.expandApp).not.toHaveBeenCalled();
  });
});

describe('the present URL', () => {
  it('reads and writes ?present= without touching other parameters', () => {
    expect(presentedPollId('?present=p7&lang=ja')).toBe('p7');
    expect(presentedPollId('?present=')).toBeNull();
    expect(presentedPollId('')).toBeNull();
    expect(withPresent('https://q.example/?lang=ja', 'p7')).toBe('https://q.example/?lang=ja&present=p7');
    expect(withPresent('https://q.example/?present=p7&lang=ja', null)).toBe('https://q.example/?lang=ja');
  });
});

describe('the stage', () => {
  /** A document whose fullscreen request is granted (or refused, as Zoom's panel may). */
  const fakeDoc = (enabled: boolean, grant = true) => {
    const screen: { element: Element | null } = { element: null };
    const requestFullscreen = vi.fn(async () => {
      if (!grant) throw new Error('Permissions check failed');
      screen.element = document.body;
    });
    const exitFullscreen = vi.fn(async () => {
      screen.element = null;
    });
    const doc: StageDocument = {
      fullscreenEnabled: enabled,
      get fullscreenElement() {
        return screen.element;
      },
      documentElement: { requestFullscreen },
      exitFullscreen,
    };
    return { doc, requestFullscreen, exitFullscreen };
  };

  it('goes fullscreen and expands the Zoom panel, then gives both back', async () => {
    const { doc, exitFullscreen } = fakeDoc(true);
    const expand = vi.fn(async () => {});
    await expect(enterStage({ doc, expand })).resolves.toBe(true);
    expect(doc.fullscreenElement).toBe(document.body);
    expect(expand).toHaveBeenCalledWith('expand');
    await leaveStage({ doc, expand });
    expect(exitFullscreen).toHaveBeenCalledOnce();
    expect(doc.fullscreenElement).toBeNull();
    expect(expand).toHaveBeenLastCalledWith('collapse');
  });

  it('carries on without fullscreen where it is disabled or refused, and without Zoom', async () => {
    const disabled = fakeDoc(false);
    await expect(enterStage({ doc: disabled.doc })).resolves.toBe(false);
    expect(disabled.requestFullscreen).not.toHaveBeenCalled();
    const refused = fakeDoc(true, false);
    const expand = vi.fn(async () => {
      throw new Error('not supported');
    });
    await expect(enterStage({ doc: refused.doc, expand })).resolves.toBe(false);
    expect(refused.requestFullscreen).toHaveBeenCalledOnce();
    await leaveStage({ doc: refused.doc, expand });
    expect(refused.exitFullscreen).not.toHaveBeenCalled();
  });
});
