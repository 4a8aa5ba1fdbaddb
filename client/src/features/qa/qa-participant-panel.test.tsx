import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok, type QaQuestionView, type QaSettings } from '@quorum/shared';
import { renderBoot } from '../../test/boot-harness';
import { makePoll, makeQaUpdate, makeQuestion, makeSession, makeSnapshot } from '../../test/fixtures';
import { settle, trackViews } from '../../test/render';

const track = trackViews();
afterEach(() => {
  window.history.replaceState(null, '', '/');
  sessionStorage.clear();
});

/** A participant (voter v1) in a meeting with one open poll and Q&A as given. */
async function participant(questions: QaQuestionView[] = [], settings: Partial<QaSettings> = {}) {
  const session = makeSession();
  const view = track(await renderBoot(session));
  const qa = makeQaUpdate(questions, settings);
  await settle(() => view.emit('meeting:snapshot', makeSnapshot({ session, polls: [makePoll()], qa })));
  const openQa = () => settle(() => view.byTestId('switch-qa')!.click());
  const texts = () =>
    [...view.container.querySelectorAll('[data-testid=qa-question] .qa-text')].map((p) => p.textContent);
  const question = (id: string) => view.container.querySelector<HTMLElement>(`[data-question-id="${id}"]`)!;
  const type = (field: HTMLTextAreaElement, value: string) =>
    settle(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(field, value);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const pending = (event: string) => view.requests.filter((r) => r.event === event).at(-1)!;
  return { ...view, openQa, texts, question, type, pending, status: () => view.byTestId('status-region')!.textContent };
}

describe('the participant Q&A panel', () => {
  it('offers no switch while Q&A is off, and Polls | Q&A once the host turns it on', async () => {
    const view = await participant([], { enabled: false });
    expect(view.byTestId('switch-qa')).toBeNull();
    expect(view.byTestId('poll-card')).not.toBeNull();
    await settle(() => view.emit('qa:update', makeQaUpdate([], {}, 2)));
    expect(view.container.querySelector('[role=tablist]')?.getAttribute('aria-label')).toBe('Polls or Q&A');
    await view.openQa();
    expect(view.byTestId('switch-qa')!.getAttribute('aria-selected')).toBe('true');
    expect(view.byTestId('qa-panel')).not.toBeNull();
    // The poll stays mounted beside Q&A (hidden, not gone): a half-filled ballot survives the look.
    expect(view.byTestId('poll-card')!.closest('[role=tabpanel]')!.hasAttribute('hidden')).toBe(true);
  });

  it('asks with a live counter, says what the host sees, and refuses an empty question beside the field', async () => {
    const view = await participant([], { reviewFirst: true, maxLength: 40 });
    await view.openQa();
    const field = view.byTestId('qa-ask-text') as HTMLTextAreaElement;
    expect(view.byTestId('qa-ask-visibility')!.textContent).toBe(
      'Named: the host sees that you asked it, by your Zoom name where Zoom gives it',
    );
    expect(view.byTestId('qa-ask-review')!.textContent).toBe('The host reviews questions before everyone sees them.');
    await settle(() => view.byTestId('qa-ask-submit')!.click());
    expect(view.container.textContent).toContain('Write a question first.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    expect(view.requests.some((r) => r.event === 'qa:ask')).toBe(false);

    await view.type(field, 'Is lunch provided?');
    expect(view.container.querySelector('.counter')!.textContent).toBe('18 / 40 characters');
    await settle(() => (view.byTestId('qa-ask-anonymous') as HTMLInputElement).click());
    expect(view.byTestId('qa-ask-visibility')!.textContent).toBe('Anonymous: nobody sees who asked');
    await settle(() => view.byTestId('qa-ask-submit')!.click());
    const ask = view.pending('qa:ask');
    expect(ask.payload).toMatchObject({ text: 'Is lunch provided?', anonymous: true });
    const question = makeQuestion({ id: 'mine1', text: 'Is lunch provided?', status: 'waiting', anonymous: true });
    await settle(() => ask.resolve(ok({ question })));
    expect(field.value).toBe('');
    expect(view.question('mine1').querySelector('[data-testid=qa-my-status]')!.textContent).toBe(
      'Your question · Waiting for review',
    );
    expect(view.status()).toBe('Question sent: everyone sees it once the host approves it.');
  });

  it('hides "Ask anonymously" when the host does not allow it, and shows a refusal in words', async () => {
    const view = await participant([], { anonymousAllowed: false });
    await view.openQa();
    expect(view.byTestId('qa-ask-anonymous')).toBeNull();
    await view.type(view.byTestId('qa-ask-text') as HTMLTextAreaElement, 'Why?');
    await settle(() => view.byTestId('qa-ask-submit')!.click());
    await settle(() => view.pending('qa:ask').resolve(fail('QA_CLOSED', 'closed')));
    expect(view.container.textContent).toContain('Could not do that: the host has closed questions');
  });

  it('sorts Top or Recent, toggles an upvote, and shows counts only when the host shows them', async () => {
    const old = makeQuestion({ id: 'a', text: 'Old and popular', createdAt: 1, upvotes: 5 });
    const fresh = makeQuestion({ id: 'b', text: 'New', createdAt: 9, upvotes: 1 });
    const view = await participant([old, fresh]);
    await view.openQa();
    expect(view.texts()).toEqual(['Old and popular', 'New']);
    const recent = view.byTestId('qa-order')!.querySelector<HTMLButtonElement>('[data-order=recent]')!;
    await settle(() => recent.click());
    expect(recent.getAttribute('aria-pressed')).toBe('true');
    expect(view.texts()).toEqual(['New', 'Old and popular']);

    const upvote = () => view.question('a').querySelector<HTMLButtonElement>('[data-testid=qa-upvote]')!;
    expect(upvote().textContent).toBe('Upvote 5');
    expect(upvote().getAttribute('aria-pressed')).toBe('false');
    await settle(() => upvote().click());
    expect(view.pending('qa:upvote').payload).toMatchObject({ questionId: 'a', up: true });
    await settle(() => view.pending('qa:upvote').resolve(ok({ questionId: 'a', up: true })));
    expect(upvote().getAttribute('aria-pressed')).toBe('true');
    await settle(() => upvote().click());
    expect(view.pending('qa:upvote').payload).toMatchObject({ questionId: 'a', up: false });

    const hidden = makeQaUpdate([{ ...old, upvotes: undefined }], { upvotesShown: false }, 5);
    delete hidden.questions[0]!.upvotes;
    await settle(() => view.emit('qa:update', hidden));
    expect(view.question('a').querySelector('[data-testid=qa-upvotes]')).toBeNull();
  });

  it('lets me edit or withdraw my question until it is answered, and shows the host’s reply', async () => {
    const mine = makeQuestion({ id: 'm', text: 'Mine', mine: true });
    const answered = makeQuestion({ id: 'x', text: 'Done', status: 'answered', mine: true, reply: 'Yes, tonight.' });
    const view = await participant([mine, answered]);
    await view.openQa();
    expect(view.question('x').querySelector('[data-testid=qa-edit]')).toBeNull();
    expect(view.question('x').querySelector('[data-testid=qa-reply]')!.textContent).toBe('Host’s reply: Yes, tonight.');
    expect(view.question('x').querySelector('[data-testid=qa-upvote]')!.hasAttribute('disabled')).toBe(true);

    await settle(() => view.question('m').querySelector<HTMLButtonElement>('[data-testid=qa-edit]')!.click());
    await view.type(view.byTestId('qa-edit-text') as HTMLTextAreaElement, 'Mine, reworded');
    await settle(() => view.byTestId('qa-edit-save')!.click());
    expect(view.pending('qa:edit').payload).toEqual({ questionId: 'm', text: 'Mine, reworded' });
    const edited = makeQuestion({ id: 'm', text: 'Mine, reworded', editedAt: 50 });
    await settle(() => view.pending('qa:edit').resolve(ok({ question: edited })));
    expect(view.question('m').querySelector('.qa-text')!.textContent).toBe('Mine, reworded (edited)');

    await settle(() => view.question('m').querySelector<HTMLButtonElement>('[data-testid=qa-withdraw]')!.click());
    await settle(() => view.pending('qa:withdraw').resolve(ok({ questionId: 'm' })));
    expect(view.texts()).toEqual(['Done']);
    expect(view.status()).toBe('Question withdrawn.');
  });

  it('is read-only once closed: no asking, no upvotes', async () => {
    const view = await participant([makeQuestion()], { closed: true });
    await view.openQa();
    expect(view.byTestId('qa-closed')!.textContent).toBe(
      'Q&A is closed: you can read the questions, but not ask or upvote.',
    );
    expect(view.byTestId('qa-ask')).toBeNull();
    expect(view.byTestId('qa-upvote')!.hasAttribute('disabled')).toBe(true);
  });

  it('counts new questions on the Q&A tab while Polls shows, and announces new ones at a listenable rate', async () => {
    const view = await participant([makeQuestion({ id: 'seen' })]);
    expect(view.byTestId('switch-qa-badge')).toBeNull();
    const two = [makeQuestion({ id: 'seen' }), makeQuestion({ id: 'n1', text: 'First new' })];
    await settle(() => view.emit('qa:update', makeQaUpdate(two, {}, 2)));
    expect(view.byTestId('switch-qa-badge')!.dataset.count).toBe('1');
    expect(view.byTestId('switch-qa')!.textContent).toBe('Q&A1, 1 new question');
    expect(view.status()).toBe('New question: “First new”');
    // A second one within the interval waits its turn: the region still says the first.
    const three = [...two, makeQuestion({ id: 'n2', text: 'Second new' })];
    await settle(() => view.emit('qa:update', makeQaUpdate(three, {}, 3)));
    expect(view.status()).toBe('New question: “First new”');
    expect(view.byTestId('switch-qa-badge')!.dataset.count).toBe('2');
    await view.openQa();
    expect(view.byTestId('switch-qa-badge')).toBeNull();
    // With a poll open, the Polls tab says so while Q&A is in front.
    expect(view.byTestId('switch-polls-badge')!.dataset.count).toBe('1');
  });

  it('keeps a half-written question through a look at the polls', async () => {
    const view = await participant([]);
    await view.openQa();
    await view.type(view.byTestId('qa-ask-text') as HTMLTextAreaElement, 'Half a thought');
    await settle(() => view.byTestId('switch-polls')!.click());
    expect(view.byTestId('qa-panel')!.closest('[role=tabpanel]')!.hasAttribute('hidden')).toBe(true);
    await view.openQa();
    expect((view.byTestId('qa-ask-text') as HTMLTextAreaElement).value).toBe('Half a thought');
  });

  it('moves between the tabs with the arrow keys', async () => {
    const view = await participant([]);
    const tab = view.byTestId('switch-polls')!;
    tab.focus();
    await settle(() => tab.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(document.activeElement).toBe(view.byTestId('switch-qa'));
    expect(view.byTestId('switch-qa')!.getAttribute('aria-selected')).toBe('true');
    expect(view.byTestId('switch-polls')!.tabIndex).toBe(-1);
  });
});
