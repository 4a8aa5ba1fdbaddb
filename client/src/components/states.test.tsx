import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, settle } from '../test/render';
import { ConnectionBanner } from './connection-banner';
import { EmptyState } from './empty-state';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  // One at a time: overlapping act() calls leave React's test scheduler unable to flush the next render.
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
async function show(node: Parameters<typeof render>[0], locale: 'en' | 'de' | 'es' | 'ja' = 'en') {
  const view = await render(node, { locale });
  cleanups.push(view.unmount);
  return view;
}

describe('designed states', () => {
  it('loads with a busy skeleton that says what is loading', async () => {
    const view = await show(<LoadingState label="Joining the meeting’s polls…" />);
    const state = view.byTestId('loading-state')!;
    expect(state.getAttribute('role')).toBe('status');
    expect(state.getAttribute('aria-busy')).toBe('true');
    expect(state.textContent).toBe('Joining the meeting’s polls…');
    // The skeleton shapes are decoration only.
    expect(
      [...state.querySelectorAll('.skeleton-line, .skeleton-block')].every(
        (s) => s.getAttribute('aria-hidden') === 'true',
      ),
    ).toBe(true);
    expect((await show(<LoadingState />)).byTestId('loading-state')!.textContent).toBe('Loading…');
  });

  it('offers the next step when empty', async () => {
    const onClick = vi.fn();
    const view = await show(
      <EmptyState title="No polls yet" testId="empty" action={{ label: 'Create a poll', onClick }}>
        <p>Make one.</p>
      </EmptyState>,
    );
    expect(view.byTestId('empty')?.querySelector('h2')?.textContent).toBe('No polls yet');
    await settle(() => view.button('Create a poll')!.click());
    expect(onClick).toHaveBeenCalledOnce();
    const quiet = await show(<EmptyState title="Waiting for the host">{null}</EmptyState>);
    expect(quiet.container.querySelector('button')).toBeNull();
  });

  it('states an error with its detail and retries on request', async () => {
    const onRetry = vi.fn();
    const view = await show(<ErrorState title="Could not join" detail="HTTP 503" onRetry={onRetry} />);
    const alert = view.byTestId('error-state')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.querySelector('h2')?.textContent).toBe('Could not join');
    expect(alert.textContent).toContain('HTTP 503');
    await settle(() => view.button('Try again')!.click());
    expect(onRetry).toHaveBeenCalledOnce();
    expect((await show(<ErrorState title="Gone" />)).container.querySelector('button')).toBeNull();
  });
});

describe('the connection banner', () => {
  it('is absent while online', async () => {
    const view = await show(<ConnectionBanner status="online" pending={3} />);
    expect(view.byTestId('connection-banner')).toBeNull();
  });

  it('says it is reconnecting and counts the votes waiting to be sent', async () => {
    const none = await show(<ConnectionBanner status="connecting" pending={0} />);
    expect(none.byTestId('connection-banner')?.textContent).toContain('Reconnecting…');
    expect(none.container.querySelector('.banner-pending')).toBeNull();
    const one = await show(<ConnectionBanner status="connecting" pending={1} />);
    expect(one.container.querySelector('.banner-pending')?.textContent).toBe('1 vote waiting to be sent');
    const two = await show(<ConnectionBanner status="connecting" pending={2} />, 'de');
    expect(two.container.querySelector('.banner-pending')?.textContent).toBe('2 Stimmen warten auf das Senden');
  });

  it('shows why it is offline when the link knows', async () => {
    const view = await show(<ConnectionBanner status="offline" detail="Your session expired." pending={0} />);
    const banner = view.byTestId('connection-banner')!;
    expect(banner.dataset.status).toBe('offline');
    expect(banner.textContent).toBe('Your session expired.');
    expect(
      (await show(<ConnectionBanner status="offline" pending={0} />)).byTestId('connection-banner')?.textContent,
    ).toBe('Offline.');
  });

  it('offers Reconnect now, in the reader’s language, and says why it is reconnecting', async () => {
    const onReconnect = vi.fn();
    const view = await show(
      <ConnectionBanner status="connecting" detail="Quorum is restarting." pending={1} onReconnect={onReconnect} />,
      'es',
    );
    const button = view.container.querySelector<HTMLButtonElement>('.banner-action')!;
    expect(button.textContent).toBe('Reconectar ahora');
    expect(view.byTestId('connection-banner')?.textContent).toContain('Quorum is restarting.');
    button.click();
    expect(onReconnect).toHaveBeenCalledTimes(1);
  });
});
