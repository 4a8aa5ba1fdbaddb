import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureWithRetries, keepConfigCurrent, type ConfigPolicy } from './config-lifecycle';
import { onUrlChange } from './url-changes';
import { NotInZoomError, ZoomUnavailableError, type ZoomConfig } from './zoom-port';

const policy: ConfigPolicy = { attemptTimeoutMs: 50, retryDelaysMs: [10, 20], renewEveryMs: 1_000 };
const config = (runningContext = 'inMeeting'): ZoomConfig => ({
  runningContext,
  unsupportedApis: [],
  clientVersion: '6.3.0',
});
const half = () => 0.5;

afterEach(() => vi.useRealTimers());

describe('first config', () => {
  it('answers at once when Zoom does', async () => {
    const attempt = vi.fn(async () => config());
    await expect(configureWithRetries(attempt, policy)).resolves.toEqual(config());
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(attempt).toHaveBeenCalledWith(50);
  });

  it('retries a slow or failing Zoom client with backoff and reports each further attempt', async () => {
    const attempt = vi
      .fn<(ms: number) => Promise<ZoomConfig>>()
      .mockRejectedValueOnce(new Error('config took longer than 50ms'))
      .mockResolvedValueOnce(config());
    const onRetry = vi.fn();
    await expect(configureWithRetries(attempt, policy, onRetry, half)).resolves.toEqual(config());
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(onRetry).toHaveBeenCalledWith({ attempt: 2, of: 3 });
  });

  it('gives up after every attempt with ZoomUnavailableError saying how often it asked', async () => {
    const attempt = vi.fn(async (): Promise<ZoomConfig> => {
      throw new Error('no answer');
    });
    const failure = await configureWithRetries(attempt, policy, () => {}, half).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ZoomUnavailableError);
    expect(failure).toMatchObject({ message: 'no answer', attempts: 3 });
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('does not retry a page nothing can host', async () => {
    const attempt = vi.fn(async (): Promise<ZoomConfig> => {
      throw new NotInZoomError('not supported by this browser');
    });
    await expect(configureWithRetries(attempt, policy)).rejects.toBeInstanceOf(NotInZoomError);
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('waits the jittered delay before each retry', async () => {
    vi.useFakeTimers();
    const attempt = vi
      .fn<(ms: number) => Promise<ZoomConfig>>()
      .mockRejectedValueOnce(new Error('x'))
      .mockResolvedValueOnce(config());
    const done = configureWithRetries(
      attempt,
      policy,
      () => {},
      () => 0,
    );
    await vi.advanceTimersByTimeAsync(7); // 10 ms × 0.75 = 7.5 ms: not yet
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(done).resolves.toEqual(config());
  });
});

describe('keeping the config current', () => {
  const keeper = (configure: () => Promise<ZoomConfig>, urls: Set<() => void> = new Set()) =>
    keepConfigCurrent({ configure, first: config(), policy, onUrlChange: (h) => (urls.add(h), () => urls.delete(h)) });

  it('renews before the token expires, on a timer', async () => {
    vi.useFakeTimers();
    const configure = vi.fn(async () => config());
    const k = keeper(configure);
    await vi.advanceTimersByTimeAsync(999);
    expect(configure).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(configure).toHaveBeenCalledTimes(1);
    k.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(configure).toHaveBeenCalledTimes(1);
  });

  it('renews after the page changes its own URL', async () => {
    const configure = vi.fn(async () => config());
    const urls = new Set<() => void>();
    const k = keeper(configure, urls);
    urls.forEach((h) => h());
    await Promise.resolve();
    expect(configure).toHaveBeenCalledTimes(1);
    k.stop();
    expect(urls.size).toBe(0);
  });

  it('keeps the last good config when a renewal fails', async () => {
    const configure = vi.fn(async (): Promise<ZoomConfig> => {
      throw new Error('no answer');
    });
    const k = keeper(configure);
    await expect(k.renew()).resolves.toEqual(config());
    expect(k.current()).toEqual(config());
    k.stop();
  });

  it('runs once more after a renewal that was already on its way, shared by every ask meanwhile', async () => {
    let answer = config('inMeeting');
    const configure = vi.fn(async () => answer);
    const k = keeper(configure);
    const first = k.renew();
    answer = config('inWebinar');
    const [a, b] = [k.renew(), k.renew()];
    await expect(first).resolves.toEqual(config('inMeeting'));
    await expect(a).resolves.toEqual(config('inWebinar'));
    await expect(b).resolves.toEqual(config('inWebinar'));
    expect(configure).toHaveBeenCalledTimes(2);
    k.stop();
  });
});

describe('URL changes', () => {
  it('reports history.replaceState and pushState to a new URL, not a same-URL call', () => {
    const seen = vi.fn();
    const off = onUrlChange(seen);
    window.history.replaceState(null, '', '/?present=p1');
    window.history.replaceState(null, '', '/?present=p1');
    window.history.pushState(null, '', '/');
    off();
    window.history.replaceState(null, '', '/?x=1');
    expect(seen).toHaveBeenCalledTimes(2);
    window.history.replaceState(null, '', '/');
  });
});
