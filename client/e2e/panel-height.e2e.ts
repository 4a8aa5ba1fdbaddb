import { describe, expect, it } from 'vitest';
import { useMeeting } from './support/use-meeting';

// A host and one participant with the app open.
const { host, voters } = useMeeting(1);

/** The app's whole height against its frame's height (the Zoom panel, as the simulator sizes it). */
const screens = (pane: { liveFrame(): { evaluate<T>(fn: () => T): Promise<T> } }) =>
  pane.liveFrame().evaluate(() => document.documentElement.scrollHeight / window.innerHeight);

describe('the panel after a meeting full of polls (issue 16)', () => {
  it('stays under two screens for the host and a participant after eight closed polls', async () => {
    const [ines] = voters;
    for (let n = 1; n <= 8; n++) {
      const title = `Check-in ${n}`;
      await host.launch({ title, question: `How is week ${n} going?`, options: ['Great', 'Fine', 'Rough'] });
      await ines.dismissToasts(); // the simulator's Zoom notifications ("New poll") sit over the panel until dismissed
      await ines.vote(title, 'Fine');
      await host.close(title);
    }
    // Closed polls fold to one line each (title, turnout, winner): the panel does not grow into a scroll.
    // Each folded poll is one row (title, turnout and winner, Show), not a small card.
    const folded = await host
      .liveFrame()
      .locator('.card[data-collapsed]')
      .evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().height));
    expect(folded).toHaveLength(7); // the one closed last stays open until another poll launches
    expect(Math.max(...folded)).toBeLessThan(48);
    expect(await screens(host)).toBeLessThan(2);
    expect(await screens(ines)).toBeLessThan(2);
  });
});
