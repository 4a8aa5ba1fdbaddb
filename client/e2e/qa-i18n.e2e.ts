import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../src/i18n';
import type { AppPane } from './support/app-pane';
import { englishTells, inspect, narrow, type ViewProblems } from './support/i18n-check';
import { QaPanel } from './support/qa-panel';
import type { SimPage } from './support/sim-page';
import { useEnv } from './support/use-meeting';

const BROWSER_LANGUAGE: Record<Locale, string> = { en: 'en-US', es: 'es-ES', de: 'de-DE', ja: 'ja-JP' };
const env = useEnv();

async function ready(pane: AppPane, role: 'host' | 'participant'): Promise<QaPanel> {
  await pane.ready(role);
  await narrow(pane.iframe, pane.liveFrame());
  return new QaPanel(pane);
}

// Every Q&A view in each language at Zoom's narrowest panel: translated, formatted, nothing sticking out.
describe.each(LOCALES)('Q&A in %s at 320 px', (locale) => {
  const tells = englishTells(locale);
  let sim: SimPage;
  beforeAll(async () => {
    sim = await env.openSim({ open: 'host', locale: BROWSER_LANGUAGE[locale] });
  });
  afterAll(() => sim?.close());

  it('asks, reviews, answers and replies with every string in the language', async () => {
    const found: Record<string, ViewProblems> = {};
    const look = async (view: string, qa: QaPanel) => {
      const seen = await inspect(qa.pane.liveFrame(), tells);
      if (seen.i18nErrors > 0 || seen.english.length > 0 || seen.overflow.length > 0) found[view] = seen;
    };
    const host = await (await ready(sim.pane('p1'), 'host')).open();
    await look('host, Q&A off', host);
    await host.setting('enabled', true);
    await host.setting('reviewFirst', true);
    const voter = await (await ready(await sim.openApp('p2'), 'participant')).open();
    await voter.pane.frame.getByTestId('qa-ask-anonymous').check();
    await look('participant, asking', voter);
    await voter.ask('Fragezeichen 7?');
    await voter.ask('Zweite Frage 7?');
    await look('participant, waiting for review', voter);
    await host.waiting('Zweite Frage 7?').waitFor();
    await look('host, review queue', host);
    await host.decide(['Fragezeichen 7?'], 'approve');
    await host.waiting('Zweite Frage 7?').getByTestId('qa-dismiss').click();
    await host.reply('Fragezeichen 7?', 'Antwort 7');
    await host.act('Fragezeichen 7?', 'highlight');
    await host.pane.frame.getByTestId('qa-dismissed').locator('summary').click();
    await look('host, moderated', host);
    await voter.question('Fragezeichen 7?').getByTestId('qa-reply').waitFor();
    await look('participant, answered', voter);
    expect(found).toEqual({});
    expect(sim.problems.filter((p) => p.text.includes('[i18n]'))).toEqual([]);
  });
});
