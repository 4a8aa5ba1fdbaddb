import { describe, expect, it } from 'vitest';
import { render, trackViews } from '../test/render';
import { Countdown } from './countdown';

const track = trackViews();

const shown = async (msLeft: number) => {
  const view = track(await render(<Countdown closesAt={Date.now() + msLeft} clockOffsetMs={0} />));
  return view.byTestId('countdown')!;
};

describe('the close countdown', () => {
  it('turns urgent in the last ten seconds, not before and not once closing', async () => {
    expect((await shown(60_000)).className).toBe('countdown');
    expect((await shown(5_000)).className).toBe('countdown urgent');
    expect((await shown(-1_000)).className).toBe('countdown');
  });
});
