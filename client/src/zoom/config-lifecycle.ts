import { NotInZoomError, ZoomUnavailableError, type Unsubscribe, type ZoomConfig } from './zoom-port';

/** How patiently Quorum waits for Zoom's `config`, and how often it renews it. */
export interface ConfigPolicy {
  /** One attempt's deadline: the SDK's own default call timeout, so a slow client is not cut short. */
  attemptTimeoutMs: number;
  /** Pauses before the 2nd, 3rd, … attempt (each ±25 % jitter); their count + 1 is the attempt limit. */
  retryDelaysMs: readonly number[];
  /**
   * Zoom's config token expires (its React sample re-configures every 2 hours): renew well before that,
   * so a host who keeps the panel open all day never sees calls start failing.
   */
  renewEveryMs: number;
}

export const DEFAULT_CONFIG_POLICY: ConfigPolicy = {
  attemptTimeoutMs: 10_000,
  retryDelaysMs: [1_000, 3_000],
  renewEveryMs: 90 * 60_000,
};

/** Progress of a first config that needed more than one attempt (shown on the loading page). */
export interface ConfigAttempt {
  attempt: number;
  of: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const jitter = (ms: number, random: () => number) => Math.round(ms * (0.75 + random() * 0.5));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs `attempt` until Zoom answers. A page no Zoom client hosts (a plain tab: the SDK says so at
 * once) fails immediately with NotInZoomError; anything else — no answer in time, an error reply —
 * is retried with jittered backoff and finally becomes ZoomUnavailableError, which the app shows with
 * a *Try again* button and what to check.
 */
export async function configureWithRetries(
  attempt: (timeoutMs: number) => Promise<ZoomConfig>,
  policy: ConfigPolicy,
  onRetry: (progress: ConfigAttempt) => void = () => {},
  random: () => number = Math.random,
): Promise<ZoomConfig> {
  const of = policy.retryDelaysMs.length + 1;
  let lastError: unknown;
  for (let n = 1; n <= of; n++) {
    if (n > 1) {
      onRetry({ attempt: n, of });
      await sleep(jitter(policy.retryDelaysMs[n - 2] ?? 0, random));
    }
    try {
      return await attempt(policy.attemptTimeoutMs);
    } catch (error) {
      if (error instanceof NotInZoomError) throw error;
      lastError = error;
    }
  }
  throw new ZoomUnavailableError(messageOf(lastError), of);
}

/** What keeps a config current once the first one succeeded. */
export interface ConfigRenewal {
  /** Re-runs config now; keeps the last good config if Zoom does not answer. */
  renew(): Promise<ZoomConfig>;
  current(): ZoomConfig | null;
  stop(): void;
}

interface RenewalDeps {
  configure: () => Promise<ZoomConfig>;
  first: ZoomConfig;
  policy: ConfigPolicy;
  /** Fires whenever the page's URL changed (the token is bound to it). */
  onUrlChange: (handler: () => void) => Unsubscribe;
}

/** Renews the config on a timer and after every change of the page's own URL. */
export function keepConfigCurrent({ configure, first, policy, onUrlChange }: RenewalDeps): ConfigRenewal {
  let current = first;
  let inFlight: Promise<ZoomConfig> | null = null;
  let again: Promise<ZoomConfig> | null = null;
  const once = (): Promise<ZoomConfig> =>
    configure().then(
      (next) => (current = next),
      () => current,
    );
  // A renewal asked for while one is on its way runs once more after it (its request predates the
  // change that asked), and every such ask shares that one trailing run.
  const renew = (): Promise<ZoomConfig> => {
    if (!inFlight) {
      inFlight = once().finally(() => (inFlight = null));
      return inFlight;
    }
    again ??= inFlight.then(() => {
      again = null;
      return renew();
    });
    return again;
  };
  const timer = setInterval(() => void renew(), policy.renewEveryMs);
  const offUrl = onUrlChange(() => void renew());
  return {
    renew,
    current: () => current,
    stop: () => {
      clearInterval(timer);
      offUrl();
    },
  };
}
