import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderBoot } from '../../test/boot-harness';
import { fakeQuorumApi } from '../../test/fake-quorum-api';
import { makePoll, makeSession, makeSnapshot } from '../../test/fixtures';
import { settle, trackViews } from '../../test/render';

const track = trackViews();
beforeEach(() => sessionStorage.clear());
afterEach(() => vi.unstubAllGlobals());

/** The app booted as the host of `meetingId`, with one draft poll. */
async function hostPanel(meetingId = 'm1') {
  vi.stubGlobal('fetch', fakeQuorumApi({}).fetchFn);
  const session = makeSession({ role: 'host', isHost: true, meetingId });
  const view = track(await renderBoot(session));
  await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session, polls: [makePoll({ status: 'draft' })] })));
  const tabs = () => [...view.container.querySelectorAll<HTMLElement>('[role=tab]')];
  const selected = () => tabs().find((tab) => tab.getAttribute('aria-selected') === 'true')?.dataset.tab;
  const visiblePanel = () => view.container.querySelector<HTMLElement>('[role=tabpanel]:not([hidden])');
  const key = (el: Element, name: string) =>
    settle(() => el.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true })));
  return { ...view, tabs, selected, visiblePanel, key };
}

describe('the host panel’s sections', () => {
  it('is a tab list of Polls · Q&A · Library · Report with one tab in the Tab order and labelled panels', async () => {
    const view = await hostPanel();
    const list = view.container.querySelector('[role=tablist]')!;
    expect(list.getAttribute('aria-label')).toBe('Host panel');
    expect(view.tabs().map((tab) => tab.textContent)).toEqual(['Polls', 'Q&A', 'Library', 'Report']);
    expect(view.tabs().map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1]);
    const panel = view.visiblePanel()!;
    expect(panel.getAttribute('aria-labelledby')).toBe(view.tabs()[0]!.id);
    expect(view.tabs()[0]!.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.querySelector('[data-testid=poll-card]')).not.toBeNull();
    expect(view.byTestId('report-panel')).toBeNull();
  });

  it('moves with the arrow keys, Home and End (wrapping), focusing and selecting the tab', async () => {
    const view = await hostPanel();
    view.tabs()[0]!.focus();
    await view.key(document.activeElement!, 'ArrowRight');
    expect(view.selected()).toBe('qa');
    expect(document.activeElement).toBe(view.tabs()[1]);
    await view.key(document.activeElement!, 'ArrowRight');
    expect(view.selected()).toBe('library');
    expect(document.activeElement).toBe(view.tabs()[2]);
    expect(view.byTestId('library-import')).not.toBeNull();
    await view.key(document.activeElement!, 'End');
    expect(view.selected()).toBe('report');
    expect(view.byTestId('meeting-report')).not.toBeNull();
    await view.key(document.activeElement!, 'ArrowRight');
    expect(view.selected()).toBe('polls');
    await view.key(document.activeElement!, 'ArrowLeft');
    expect(view.selected()).toBe('report');
    await view.key(document.activeElement!, 'Home');
    expect(document.activeElement).toBe(view.tabs()[0]);
    expect(view.tabs().map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1]);
  });

  it('keeps a half-written poll while the host looks at another tab', async () => {
    const view = await hostPanel();
    await settle(() => view.byTestId('compose-poll')!.click());
    const question = view.container.querySelector<HTMLInputElement>('[data-testid=poll-composer] input, form input')!;
    expect(question).not.toBeNull();
    await settle(() => view.tabs()[3]!.click());
    expect(view.selected()).toBe('report');
    await settle(() => view.tabs()[0]!.click());
    expect(view.container.contains(question)).toBe(true);
  });

  it('remembers the chosen tab per meeting for this browser session', async () => {
    const first = await hostPanel('m1');
    await settle(() => first.tabs()[3]!.click());
    await first.unmount();
    expect((await hostPanel('m1')).selected()).toBe('report');
    expect((await hostPanel('m2')).selected()).toBe('polls');
  });
});

describe('the settings menu', () => {
  it('holds the co-host rule and report deliveries behind one button; Escape closes it and focus returns', async () => {
    const view = await hostPanel();
    const button = view.byTestId('settings-button')!;
    const menu = view.byTestId('settings-menu')!;
    expect(button.getAttribute('aria-label')).toBe('Settings');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(menu.hidden).toBe(true);
    expect(menu.contains(view.byTestId('cohosts-may-run'))).toBe(true);
    expect(menu.textContent).toContain('Report deliveries');

    await settle(() => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(menu.hidden).toBe(false);
    expect(menu.contains(document.activeElement)).toBe(true);

    await view.key(document.activeElement!, 'Escape');
    expect(menu.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
  });

  it('closes when focus moves on past it, not when it leaves the frame', async () => {
    const view = await hostPanel();
    await settle(() => view.byTestId('settings-button')!.click());
    const menu = view.byTestId('settings-menu')!;
    await settle(() => (document.activeElement as HTMLElement).blur());
    expect(menu.hidden).toBe(false);
    menu.querySelector<HTMLElement>('input')!.focus();
    await settle(() => view.byTestId('compose-poll')!.focus());
    expect(menu.hidden).toBe(true);
  });

  it('closes on a click outside it', async () => {
    const view = await hostPanel();
    await settle(() => view.byTestId('settings-button')!.click());
    await act(() => void document.body.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    expect(view.byTestId('settings-menu')!.hidden).toBe(true);
  });
});
