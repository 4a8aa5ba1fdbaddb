import { describe, expect, it } from 'vitest';
import type { AppPane } from './support/app-pane';
import { useMeeting } from './support/use-meeting';

// Issue 16's measure: from opening the app, a prepared poll is live in at most 3 clicks and a newly typed
// 3-option poll in at most 5 (typing aside), each click on something in view at the simulator's panel size
// (560 px high) without scrolling to it. The page object counts the clicks it makes (AppPane.click).

const PREPARED = { title: 'Retro mood', question: 'How did the sprint go?', options: ['Great', 'Fine', 'Rough'] };
const TYPED = { title: 'Team lunch', question: 'Where shall we eat?', options: ['Noodles', 'Tacos', 'Salad'] };

const { sim, host } = useMeeting(0);

/** Whether the app's document has been scrolled. */
const scrolled = (pane: AppPane) => pane.liveFrame().evaluate(() => window.scrollY !== 0 || window.scrollX !== 0);

describe('the click budget', () => {
  it('launches a prepared poll from the Library in at most 3 clicks, none needing a scroll', async () => {
    // Prepared before the meeting in Zoom's main window (its clicks are not the host's in the meeting).
    const library = await sim.openMainClient('p1');
    await library.saveTemplate(PREPARED);
    host.clicks.length = 0;
    await host.launchFromLibrary(PREPARED.title);
    expect(host.clicks.length, JSON.stringify(host.clicks)).toBeLessThanOrEqual(3);
    expect(host.clicks.filter((c) => !c.inView)).toEqual([]);
    expect(await scrolled(host)).toBe(false);
    // The live poll is where the host lands: its heading has focus.
    await expect
      .poll(() =>
        host
          .poll(PREPARED.title)
          .locator('h2')
          .evaluate((el) => el === el.ownerDocument.activeElement),
      )
      .toBe(true);
  });

  it('launches a newly typed 3-option poll in at most 5 clicks, none needing a scroll', async () => {
    host.clicks.length = 0;
    await host.launch(TYPED);
    expect(host.clicks.length, JSON.stringify(host.clicks)).toBeLessThanOrEqual(5);
    // Each click on something in view and uncovered: Launch stays in the composer's footer however long it grows.
    expect(host.clicks.filter((c) => !c.inView)).toEqual([]);
    expect(sim.problems).toEqual([]);
  });
});
