import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppPane, PollSpec } from './support/app-pane';
import { closeRooms, hostRoom, inRoom, openRooms } from './support/breakout';
import { useEnv } from './support/use-meeting';
import { screenshotPart } from './support/screenshot';
import { POLL } from './support/waits';

const LUNCH: PollSpec = {
  title: 'Team lunch',
  question: 'Where shall we eat?',
  options: ['Noodles', 'Tacos', 'Salad'],
};
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Votes per option label, read from the result bars inside `scope`. */
const countsIn = (scope: Locator): Promise<Record<string, number>> =>
  scope
    .getByTestId('result-bar')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [r.querySelector('.bar-label')?.textContent ?? '', Number((r as HTMLElement).dataset.count)]),
      ),
    );

/** The combined results of a poll (not a room's share). */
const combined = (pane: AppPane, title: string) =>
  pane.poll(title).locator('.poll-results > [data-testid=question-results]');

const env = useEnv();

describe('breakout rooms in the simulator', () => {
  it('runs a poll launched in the main room in every breakout room, with per-room and combined results', async () => {
    const sim = await env.openSim();
    const host = await sim.pane('p1').ready('host');
    const zoe = await sim.addPerson('Zoe');
    await sim.openApp(zoe);
    const ids = ['p2', 'p3', 'p4', zoe];
    const [ines, omar, paul, zoePane] = await Promise.all(ids.map((id) => sim.pane(id).ready('participant')));
    const people = [ines!, omar!, paul!, zoePane!];
    await host.launch(LUNCH);
    for (const pane of people) await pane.waitForStatus(LUNCH.title, 'open');
    const generations = (await sim.state()).panes;

    // Four people split in two rooms, in roster order: Ines and Paul in the first, Omar and Zoe in the second.
    const rooms = await openRooms(sim, 2);
    const [blue, green] = [rooms.get('Blue room')!, rooms.get('Green room')!];
    for (const [pane, room] of [
      [ines, blue],
      [omar, green],
      [paul, blue],
      [zoePane, green],
    ] as const)
      await inRoom(pane!, room);
    // Zoom does not reload the app when people change rooms; the app re-established its session instead.
    const after = (await sim.state()).panes;
    expect(ids.map((id) => after[`${id}:inMeeting`]?.generation)).toEqual(
      ids.map((id) => generations[`${id}:inMeeting`]?.generation),
    );

    const choices = ['Noodles', 'Tacos', 'Noodles', 'Salad'];
    await Promise.all(
      people.map(async (pane, i) => {
        await pane.waitForStatus(LUNCH.title, 'open');
        await pane.vote(LUNCH.title, choices[i]!);
      }),
    );

    // The host: the whole meeting, then each room under Zoom's name for it.
    await expect.poll(() => countsIn(combined(host, LUNCH.title)), POLL).toEqual({ Noodles: 2, Tacos: 1, Salad: 1 });
    await expect
      .poll(() => countsIn(hostRoom(host, LUNCH.title, 'Blue room')), POLL)
      .toEqual({ Noodles: 2, Tacos: 0, Salad: 0 });
    await expect
      .poll(() => countsIn(hostRoom(host, LUNCH.title, 'Green room')), POLL)
      .toEqual({ Noodles: 0, Tacos: 1, Salad: 1 });
    await expect(
      hostRoom(host, LUNCH.title, 'Green room').getByTestId('room-turnout').getAttribute('data-voted'),
    ).resolves.toBe('2');
    await expect(host.poll(LUNCH.title).getByTestId('all-rooms-heading').textContent()).resolves.toBe('All rooms');

    // A participant in the first room sees that room's result first, and the whole meeting's as "All rooms".
    const own = ines!.poll(LUNCH.title).getByTestId('own-room-results');
    await expect.poll(() => own.getAttribute('data-room-label'), POLL).toBe('Blue room');
    await expect.poll(() => countsIn(own), POLL).toEqual({ Noodles: 2, Tacos: 0, Salad: 0 });
    await expect.poll(() => countsIn(combined(ines!, LUNCH.title)), POLL).toEqual({ Noodles: 2, Tacos: 1, Salad: 1 });
    await expect(ines!.poll(LUNCH.title).getByTestId('room-breakdown').count()).resolves.toBe(0);
    // The README's picture of the feature, retaken on every run.
    await screenshotPart(host, host.poll(LUNCH.title).locator('.poll-results'), `${SCREENSHOTS}breakout-host.png`);

    // Closing the rooms brings everyone back; their ballots stay where they were cast.
    await closeRooms(sim);
    for (const pane of people) await inRoom(pane, '');
    await expect
      .poll(() => countsIn(hostRoom(host, LUNCH.title, 'Blue room')), POLL)
      .toEqual({ Noodles: 2, Tacos: 0, Salad: 0 });
    expect(sim.problems).toEqual([]);
  });

  it('moves one person between rooms, and a changed answer moves their ballot with them', async () => {
    const sim = await env.openSim();
    const host = await sim.pane('p1').ready('host');
    const ines = await sim.pane('p2').ready('participant');
    await host.launch(LUNCH);
    const rooms = await openRooms(sim, 2);
    const [blue, green] = [rooms.get('Blue room')!, rooms.get('Green room')!];
    await inRoom(ines, blue);
    await ines.waitForStatus(LUNCH.title, 'open');
    await ines.vote(LUNCH.title, 'Tacos');
    await expect
      .poll(() => countsIn(hostRoom(host, LUNCH.title, 'Blue room')), POLL)
      .toEqual({ Noodles: 0, Tacos: 1, Salad: 0 });

    await sim.page.locator('[data-testid=breakout-move][data-person-id=p2]').selectOption(green);
    await inRoom(ines, green);
    const card = ines.poll(LUNCH.title);
    await card.getByRole('button', { name: 'Change answer' }).click();
    await card.getByRole('radio', { name: 'Salad', exact: true }).check();
    await card.getByRole('button', { name: 'Update vote' }).click();
    await expect
      .poll(() => countsIn(hostRoom(host, LUNCH.title, 'Green room')), POLL)
      .toEqual({ Noodles: 0, Tacos: 0, Salad: 1 });
    await expect.poll(() => hostRoom(host, LUNCH.title, 'Blue room').count(), POLL).toBe(0);
    await expect.poll(() => countsIn(combined(host, LUNCH.title)), POLL).toEqual({ Noodles: 0, Tacos: 0, Salad: 1 });
    expect(sim.problems).toEqual([]);
  });
});
