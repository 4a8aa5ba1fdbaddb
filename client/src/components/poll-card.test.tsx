import { describe, expect, it } from 'vitest';
import { makePoll } from '../test/fixtures';
import { render, trackViews } from '../test/render';
import { PollCard } from './poll-card';

const track = trackViews();

const badge = async (showRun?: boolean) => {
  const card = (
    <PollCard poll={makePoll({ run: 2 })} clockOffsetMs={0} {...(showRun === undefined ? {} : { showRun })}>
      <p>body</p>
    </PollCard>
  );
  const view = track(await render(card));
  return view.container.querySelector('.badge')?.textContent;
};

describe('a poll card’s status badge', () => {
  it('names the run for hosts and leaves the jargon out for participants', async () => {
    expect(await badge()).toBe('Open · run 2');
    expect(await badge(false)).toBe('Open');
  });
});
