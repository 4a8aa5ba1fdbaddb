import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderBoot } from '../../test/boot-harness';
import { fakeQuorumApi } from '../../test/fake-quorum-api';
import { makePoll, makeSession, makeSnapshot } from '../../test/fixtures';
import { settle, trackViews } from '../../test/render';

const track = trackViews();
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The host's panel with the composer open and a two-option poll typed in. */
async function composing() {
  vi.stubGlobal('fetch', fakeQuorumApi({}).fetchFn);
  // jsdom drops the document's focus when a focused element leaves with its parent (the composer form);
  // a browser keeps the page focused and puts focus on the body, which is what the app looks for.
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  const session = makeSession({ role: 'host', isHost: true });
  const view = track(await renderBoot(session));
  await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session, polls: [] })));
  await settle(() => view.byTestId('compose-poll')!.click());
  const input = (name: string) =>
    [...view.container.querySelectorAll<HTMLInputElement>('form input')].find(
      (i) => i.getAttribute('aria-label') === name || i.closest('label')?.firstChild?.textContent?.trim() === name,
    )!;
  const type = (name: string, value: string) =>
    settle(() => {
      const el = input(name);
      // React tracks the value it last set; the native setter makes the change visible to onChange.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  await type('Question', 'Where?');
  await type('Question 1, option 1', 'Pizza');
  await type('Question 1, option 2', 'Sushi');
  const pending = (event: string) => view.requests.filter((r) => r.event === event);
  const answer = (event: string, result: object) => settle(() => pending(event).at(-1)!.resolve(result));
  // As a pointer or key press would, the pressed button takes focus first.
  const launch = () => {
    const button = view.byTestId('launch-draft')!;
    button.focus();
    return settle(() => button.click());
  };
  return { ...view, input, type, pending, answer, launch };
}

const draft = makePoll({ id: 'p9', title: 'Where?', status: 'draft', openedAt: null });
const opened = { ...draft, status: 'open' as const, openedAt: 5 };

describe('Launch in the composer', () => {
  it('saves and opens the poll in one click, then lands on the live poll with a toast', async () => {
    const view = await composing();
    expect(view.byTestId('launch-draft')?.textContent).toBe('Launch');
    expect(view.byTestId('launch-draft')?.className).toBe('primary');
    expect(view.byTestId('save-draft')?.textContent).toBe('Save for later');
    await view.launch();
    expect(view.pending('poll:create')[0]?.payload).toMatchObject({ title: '', questions: [{ prompt: 'Where?' }] });
    await view.answer('poll:create', { ok: true, data: { poll: draft } });
    expect(view.pending('poll:open').map((r) => r.payload)).toEqual([{ pollId: 'p9' }]);
    await view.answer('poll:open', { ok: true, data: { poll: opened } });
    expect(view.container.querySelector('form')).toBeNull();
    const card = view.container.querySelector<HTMLElement>('[data-testid=poll-card][data-poll-id=p9]')!;
    expect(card.dataset.status).toBe('open');
    expect(document.activeElement).toBe(card.querySelector('h2'));
    expect(document.querySelector('[data-testid=toast]')?.textContent).toBe('Launched “Where?”.×');
  });

  it('keeps the form with the error when opening fails, and the retry updates the saved draft', async () => {
    const view = await composing();
    await view.launch();
    await view.answer('poll:create', { ok: true, data: { poll: draft } });
    await view.answer('poll:open', { ok: false, error: { code: 'FORBIDDEN', message: 'no' } });
    expect(view.container.querySelector('form .error')?.textContent).toBe(
      'Could not do that: only the host can do that',
    );
    expect(view.input('Question').value).toBe('Where?');
    await view.launch();
    expect(view.pending('poll:create')).toHaveLength(1);
    expect(view.pending('poll:update').map((r) => (r.payload as { pollId: string }).pollId)).toEqual(['p9']);
    await view.answer('poll:update', { ok: true, data: { poll: draft } });
    await view.answer('poll:open', { ok: true, data: { poll: opened } });
    expect(view.container.querySelector('form')).toBeNull();
  });

  it('keeps the form with the error when the save is refused, and opens nothing', async () => {
    const view = await composing();
    await view.launch();
    await view.answer('poll:create', { ok: false, error: { code: 'INVALID', message: 'title: too long' } });
    expect(view.container.querySelector('form .error')?.textContent).toBe('title: too long');
    expect(view.pending('poll:open')).toHaveLength(0);
  });

  it('saves for later, without opening, on Enter in a field (implicit submission never launches)', async () => {
    const view = await composing();
    view.input('Question').focus();
    await settle(() => view.input('Question').form!.requestSubmit());
    await view.answer('poll:create', { ok: true, data: { poll: draft } });
    expect(view.pending('poll:open')).toHaveLength(0);
    expect(view.container.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(view.container.querySelector('[data-poll-id=p9] h2'));
  });
});

describe('a problem beside its field', () => {
  it('marks the field at fault, describes it by the message beside it, and moves focus there', async () => {
    const view = await composing();
    await view.type('Question 1, option 2', '');
    await view.launch();
    const option = view.input('Question 1, option 2');
    expect(option.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(option.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toBe('Question 1, option 2: fill this in.');
    expect(option.closest('.option-row')?.nextElementSibling).toBe(message);
    expect(document.activeElement).toBe(option);
    expect(view.container.querySelectorAll('form .error')).toHaveLength(1);
    expect(view.requests).toHaveLength(0);
    // Fixed and launched: the mark goes with the problem.
    await view.type('Question 1, option 2', 'Sushi');
    await view.launch();
    expect(option.getAttribute('aria-invalid')).toBeNull();
  });

  it('unfolds the settings when the field at fault is in them', async () => {
    const view = await composing();
    await view.type('Close automatically after (seconds, optional)', '1');
    await view.launch();
    const seconds = view.input('Close automatically after (seconds, optional)');
    expect(seconds.closest('details')?.open).toBe(true);
    expect(seconds.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(seconds);
  });

  it('shows a refusal that names no field by the buttons', async () => {
    const view = await composing();
    await view.launch();
    await view.answer('poll:create', { ok: false, error: { code: 'INTERNAL', message: 'try again' } });
    expect(view.container.querySelector('.actions')?.previousElementSibling?.textContent).toBe('try again');
    expect(view.container.querySelector('[aria-invalid]')).toBeNull();
  });
});
