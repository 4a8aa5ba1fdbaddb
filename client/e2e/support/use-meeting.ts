import { afterAll, beforeAll } from 'vitest';
import { startEnv, type E2eEnv } from './env';
import type { SimPage } from './sim-page';
import { openSurveyMeeting, type SurveyPane, type Voters } from './survey-pane';

// A spec file declares its world once at the top (`const env = useEnv()`, or
// `const { sim, host, voters: [ines] } = useMeeting(1)`) instead of repeating let-variables and a
// beforeAll/afterAll pair. The hooks start the world before the file's first test and close it after
// its last; until then the names stand for it (see `later`), so the tests read as plain calls on panes.

/**
 * Stands for an object a beforeAll hook makes: every read and call goes to it once it exists.
 * Used before that (at module level), it throws with `name`, rather than failing on undefined.
 */
function later<T extends object>(name: string, current: () => T | undefined): T {
  const target = (): T => {
    const value = current();
    if (!value) throw new Error(`${name} exists only once the file's beforeAll has run: use it inside a test or hook`);
    return value;
  };
  return new Proxy({} as T, {
    get(_, key) {
      if (key === 'then') return undefined; // not a promise, even to `await`
      const real = target();
      const value: unknown = Reflect.get(real, key, real);
      return typeof value === 'function' ? value.bind(real) : value;
    },
    has: (_, key) => Reflect.has(target(), key),
  });
}

/** The file's server and browser (startEnv), started before its tests and closed after them. */
export function useEnv(): E2eEnv {
  let env: E2eEnv | undefined;
  beforeAll(async () => {
    env = await startEnv();
  });
  afterAll(() => env?.close());
  return later('the e2e env', () => env);
}

/** The file's env and one survey meeting in it (openSurveyMeeting): the host's pane and `participants` voters. */
export function useMeeting<N extends 0 | 1 | 2>(
  participants: N,
): { env: E2eEnv; sim: SimPage; host: SurveyPane; voters: Voters<N> } {
  const env = useEnv();
  let meeting: Awaited<ReturnType<typeof openSurveyMeeting<N>>> | undefined;
  beforeAll(async () => {
    meeting = await openSurveyMeeting(env, participants);
  });
  const voters = Array.from({ length: participants }, (_, i) =>
    later(`voter ${i + 1}`, () => meeting?.voters[i]),
  ) as Voters<N>;
  return {
    env,
    sim: later('the sim page', () => meeting?.sim),
    host: later('the host pane', () => meeting?.host),
    voters,
  };
}
