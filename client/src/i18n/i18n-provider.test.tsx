import { afterEach, describe, expect, it } from 'vitest';
import { Countdown } from '../components/countdown';
import { NotInZoomPage } from '../components/notice-page';
import { QuizResults } from '../features/results/quiz-results';
import { Turnout } from '../features/results/turnout';
import { VoteReceipt } from '../features/vote/vote-receipt';
import { makeReceipt } from '../test/fixtures';
import { render } from '../test/render';

const BOARD = {
  players: 2,
  top: [
    { rank: 1, nickname: 'Fox', points: 1500, correct: 1 },
    { rank: 2, nickname: 'Owl', points: 800, correct: 0 },
  ],
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the app in another language', () => {
  it('sets <html lang> and renders the catalog of the language it is given', async () => {
    const view = await render(<NotInZoomPage />, { locale: 'ja' });
    expect(document.documentElement.lang).toBe('ja');
    expect(view.container.querySelector('h1')?.textContent).toBe('Zoom から Quorum を開いてください');
    // Markup stays in the catalog: "<b>Apps</b>" comes out as <strong>.
    expect(view.container.querySelector('li strong')?.textContent).toBe('アプリ');
  });

  it('counts with the language’s plurals and numbers with its separators', async () => {
    const de = await render(
      <>
        <Turnout voted={1234} total={2000} />
        <QuizResults board={BOARD} final />
      </>,
      { locale: 'de' },
    );
    expect(de.byTestId('turnout')?.textContent).toBe('1.234 von 2.000 abgestimmt');
    expect(de.byTestId('podium')?.textContent).toContain('1. Fox · 1.500 Punkte');
    expect(de.container.textContent).toContain('2 Spieler');
    const es = await render(<QuizResults board={{ ...BOARD, players: 1 }} final={false} />, { locale: 'es' });
    expect(es.container.querySelector('h3')?.textContent).toBe('Clasificación');
    expect(es.container.textContent).toContain('1 jugador');
  });

  it('formats times and durations through Intl', async () => {
    const castAt = new Date(2026, 10, 27, 14, 5).getTime();
    const ja = await render(<VoteReceipt receipts={{ q1: makeReceipt({ castAt }) }} />, { locale: 'ja' });
    expect(ja.byTestId('vote-receipt')?.textContent).toContain(
      new Intl.DateTimeFormat('ja', { timeStyle: 'short' }).format(castAt),
    );
    const de = await render(<Countdown closesAt={Date.now() + 65_000} clockOffsetMs={0} />, { locale: 'de' });
    expect(de.byTestId('countdown')?.textContent).toMatch(/^Endet in 1:0[45]$/);
    expect(de.byTestId('countdown')?.getAttribute('aria-label')).toMatch(/^Endet in 1 Minute(,| und) [45] Sekunden$/);
  });
});
