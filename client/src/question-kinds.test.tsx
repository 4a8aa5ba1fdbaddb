import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok, type MeetingSettings, type Poll, type Question, type Role } from '@quorum/shared';
import { renderBoot } from './test/boot-harness';
import { fakeQuorumApi } from './test/fake-quorum-api';
import { makePoll, makeReceipt, makeSession, makeSnapshot, makeTally } from './test/fixtures';
import { settle, trackViews } from './test/render';

afterEach(() => vi.unstubAllGlobals());
const track = trackViews();

const survey: Question[] = [
  {
    id: 'r',
    kind: 'rank',
    prompt: 'Order the talks',
    options: [
      { id: 'a', label: 'Alpha' },
      { id: 'b', label: 'Beta' },
      { id: 'c', label: 'Gamma' },
    ],
  },
  { id: 't', kind: 'text', prompt: 'Why?', variant: 'short', required: false },
  { id: 'n', kind: 'number', prompt: 'How many km?', min: 0, max: 20, step: 0.5, unit: 'km' },
];

/** The app booted in a meeting as `role`, after a snapshot with `polls`. */
async function meeting(role: Role, polls: Poll[], meetingSettings?: MeetingSettings) {
  vi.stubGlobal(
    'fetch',
    fakeQuorumApi({ 'GET /api/polls/p1': () => [200, { poll: polls[0], runs: [makeTally({ run: 1, turnout: 7 })] }] })
      .fetchFn,
  );
  const session = makeSession({ role, isHost: role === 'host' });
  const view = track(await renderBoot(session));
  await settle(() =>
    view.emit('meeting:snapshot', makeSnapshot({ session, polls, ...(meetingSettings ? { meetingSettings } : {}) })),
  );
  const q = <T extends Element = HTMLElement>(selector: string) =>
    view.container.querySelector<T & HTMLElement>(selector);
  const type = (selector: string, value: string) => {
    const input = q<HTMLInputElement>(selector)!;
    // React tracks the value it last set; the native setter makes the change visible to onChange.
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  return { ...view, q, type };
}

describe('a survey ballot', () => {
  it('checks every question locally, then submits all answers once with ballot:submit', async () => {
    const view = await meeting('participant', [makePoll({ questions: survey })]);
    expect(view.q('[data-question-id=t] legend')?.textContent).toBe('Why? (optional)');
    await settle(() => view.button('Submit vote')!.click());
    expect(view.requests.filter((r) => r.event === 'ballot:submit')).toHaveLength(0);
    expect(
      [...view.container.querySelectorAll('[data-testid=question-error]')].map(
        (e) => e.closest('fieldset')?.dataset.questionId,
      ),
    ).toEqual(['r', 'n']);

    // Keyboard-operable ranking: Gamma up twice, focus stays on the moved item.
    await settle(() => view.button('Move Gamma up')!.click());
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Gamma up');
    await settle(() => view.button('Move Gamma up')!.click());
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Gamma down');
    expect(
      [...view.container.querySelectorAll<HTMLElement>('[data-testid=rank-item]')].map((li) => li.dataset.optionId),
    ).toEqual(['c', 'a', 'b']);
    await settle(() => view.type('[data-question-id=t] input', 'Because 🍕'));
    expect(view.q('[data-question-id=t] .counter')?.textContent).toBe('9 / 200 characters');
    await settle(() => view.type('[data-question-id=n] input', '7.5'));
    expect(view.q('[data-question-id=n] input')?.getAttribute('step')).toBe('0.5');
    await settle(() => view.button('Submit vote')!.click());

    const submits = view.requests.filter((r) => r.event === 'ballot:submit');
    expect(submits).toHaveLength(1);
    expect(submits[0]!.payload).toMatchObject({
      pollId: 'p1',
      answers: [
        { questionId: 'r', answer: { kind: 'rank', optionIds: ['c', 'a', 'b'] } },
        { questionId: 't', answer: { kind: 'text', text: 'Because 🍕' } },
        { questionId: 'n', answer: { kind: 'number', value: 7.5 } },
      ],
    });
    // The server blames the second answer: the error sits under that question.
    await settle(() =>
      submits[0]!.resolve(fail('INVALID', 'answers.1.answer.text: too long', 'answers.1.answer.text')),
    );
    expect(view.q('[data-question-id=t] [data-testid=question-error]')?.textContent).toContain('too long');
  });

  it('shows the receipt once the one submission is acknowledged', async () => {
    const view = await meeting('participant', [makePoll({ questions: survey })]);
    await settle(() => view.button('Keep this order')!.click());
    await settle(() => view.type('[data-question-id=n] input', '3'));
    await settle(() => view.button('Submit vote')!.click());
    const submit = view.requests.find((r) => r.event === 'ballot:submit')!;
    const { clientBallotId } = submit.payload as { clientBallotId: string };
    const receipts = [
      makeReceipt({ questionId: 'r', clientBallotId, answer: { kind: 'rank', optionIds: ['a', 'b', 'c'] } }),
      makeReceipt({ ballotId: 'b2', questionId: 'n', clientBallotId, answer: { kind: 'number', value: 3 } }),
    ];
    await settle(() => submit.resolve(ok({ receipts })));
    expect(view.byTestId('vote-receipt')).not.toBeNull();
    expect(view.q<HTMLInputElement>('[data-question-id=n] input')?.value).toBe('3');
  });

  it('answers the server’s latency probe at once', async () => {
    const view = await meeting('participant', [makePoll()]);
    const ack = vi.fn();
    view.emit('time:ping', 123, ack);
    expect(ack).toHaveBeenCalledTimes(1);
  });
});

describe('host tools', () => {
  it('counts down on the server’s clock and extends or stops the timer', async () => {
    const view = await meeting('host', [makePoll()]);
    // The server's clock runs an hour ahead of this client's: the countdown must not care.
    const serverNow = Date.now() + 3_600_000;
    await settle(() => view.emit('poll:updated', makePoll({ closesAt: serverNow + 90_000 }), serverNow));
    expect(view.byTestId('countdown')?.textContent).toBe('Closes in 1:30');
    await settle(() => view.byTestId('extend-30')!.click());
    expect(view.requests.at(-1)).toMatchObject({ event: 'poll:extend', payload: { pollId: 'p1', seconds: 30 } });
    await settle(() => view.byTestId('stop-timer')!.click());
    expect(view.requests.at(-1)).toMatchObject({ event: 'poll:stop-timer', payload: { pollId: 'p1' } });
  });

  it('lets the host restrict running polls, and hides host actions from co-hosts then', async () => {
    const host = await meeting('host', [makePoll()]);
    await settle(() => host.byTestId('cohosts-may-run')!.click());
    expect(host.requests.at(-1)).toMatchObject({ event: 'meeting:settings', payload: { coHostsMayRun: false } });

    const cohost = await meeting('cohost', [makePoll()], { coHostsMayRun: false });
    expect(cohost.byTestId('cohosts-may-run')).toBeNull();
    expect(cohost.byTestId('compose-poll')).toBeNull();
    expect(cohost.byTestId('close-poll')).toBeNull();
    expect(cohost.byTestId('host-only-note')).not.toBeNull();
    expect(cohost.byTestId('export-links')).not.toBeNull();
    await settle(() => cohost.emit('meeting:settings', { coHostsMayRun: true }));
    expect(cohost.byTestId('close-poll')).not.toBeNull();
  });

  it('shows an earlier run’s results with its own export links', async () => {
    const view = await meeting('host', [makePoll({ run: 2, status: 'closed' })]);
    // Closed before the panel opened, so folded to one line: Show first.
    await settle(() => view.byTestId('poll-fold')!.click());
    const history = view.byTestId('run-history') as HTMLDetailsElement;
    await settle(() => {
      history.open = true;
      history.dispatchEvent(new Event('toggle'));
    });
    await settle();
    expect(view.q<HTMLSelectElement>('[data-testid=run-picker]')?.value).toBe('1');
    expect(history.querySelector('[data-testid=turnout]')?.textContent).toBe('7 voted');
    const links = [...history.querySelectorAll('[data-testid=export-links] a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      '/api/polls/p1/runs/1/export.csv',
      '/api/polls/p1/runs/1/summary.csv',
      '/api/polls/p1/runs/1/export.json',
    ]);
  });
});
