import { afterEach, describe, expect, it } from 'vitest';
import { render } from '../test/render';
import { Countdown } from './countdown';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const shown = async (msLeft: number) => {
  const view = await render(<Countdown closesAt={Date.now() + msLeft} clockOffsetMs={0} />);
  cleanups.push(view.unmount);
  return view.byTestId('countdown')!;
};

describe('the close countdown', () => {
  it('turns urgent in the last ten seconds, not before and not once closing', async () => {
    expect((await shown(60_000)).className).toBe('countdown');
    expect((await shown(5_000)).className).toBe('countdown urgent');
    expect((await shown(-1_000)).className).toBe('countdown');
  });
});
