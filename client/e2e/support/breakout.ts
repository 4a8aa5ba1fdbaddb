import { expect } from 'vitest';
import type { AppPane } from './app-pane';
import type { SimPage } from './sim-page';
import { POLL } from './waits';

// The simulator's "Breakout rooms" panel (client/sim/breakout-panel.tsx), as the e2e tests drive it.

/** Opens `count` rooms with the simulator's control (everyone but the host split in roster order); returns their UUIDs by name. */
export async function openRooms(sim: SimPage, count: number): Promise<Map<string, string>> {
  await sim.page.getByTestId('breakout-count').fill(String(count));
  await sim.page.getByTestId('breakout-open').click();
  const rooms = sim.page.getByTestId('breakout-room');
  await expect.poll(() => rooms.count(), POLL).toBe(count);
  const entries = await rooms.evaluateAll((els) =>
    els.map((el) => [(el as HTMLElement).dataset.roomName ?? '', (el as HTMLElement).dataset.roomUuid ?? ''] as const),
  );
  return new Map(entries);
}

/** Closes every room with the simulator's control: everyone back in the main room. */
export async function closeRooms(sim: SimPage): Promise<void> {
  await sim.page.getByTestId('breakout-close').click();
  await sim.page.getByTestId('breakout-panel').and(sim.page.locator('[data-open=false]')).waitFor();
}

/** Waits until the app (not reloaded) has taken a fresh context and the server placed it in `roomId` ('' = main room). */
export const inRoom = (pane: AppPane, roomId: string) =>
  pane.frame.locator(`main.app[data-room-id="${roomId}"]`).waitFor();

/** One room's results in the host's breakdown of the poll titled `title`, by the room's shown name. */
export const hostRoom = (pane: AppPane, title: string, label: string) =>
  pane.poll(title).locator(`[data-testid=room-results][data-room-label="${label}"]`);
