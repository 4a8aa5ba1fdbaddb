import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { AppPane } from './app-pane';
import type { E2eEnv } from './env';
import type { SimPage } from './sim-page';
import { POLL } from './waits';

/** One question as the host writes it in the composer (any kind). */
export type QuestionSpec =
  | { kind: 'single' | 'multiple' | 'rank'; prompt: string; options: string[]; correct?: string[]; required?: boolean }
  | { kind: 'text'; prompt: string; variant?: 'short' | 'long'; required?: boolean }
  | { kind: 'rating'; prompt: string; required?: boolean }
  | { kind: 'number'; prompt: string; min: number; max: number; step: number; unit?: string; required?: boolean };

/** A poll of any kinds: a survey when it has several questions, a quiz when `quiz` is set. */
export interface PollDraftSpec {
  title: string;
  questions: QuestionSpec[];
  quiz?: boolean;
  closeAfterSec?: number;
}

/** One answer as a participant gives it: an option to pick, an order (best first), text or a number. */
export type AnswerSpec = { pick: string } | { order: string[] } | { text: string } | { value: number };

/** An in-meeting pane that writes and answers polls of every question kind, and reads their results. */
export class SurveyPane extends AppPane {
  /** Host: writes the poll in the composer, question by question, and saves it as a draft. */
  async composePoll(spec: PollDraftSpec): Promise<Locator> {
    const f = this.frame;
    await f.getByTestId('compose-poll').click();
    await f.getByLabel('Title (optional)', { exact: true }).fill(spec.title);
    if (spec.quiz || spec.closeAfterSec) await this.openComposerSettings();
    // Quiz first: the composer offers "correct" ticks only in a quiz.
    if (spec.quiz) await f.getByLabel('Quiz: score correct answers').check();
    if (spec.closeAfterSec)
      await f.getByLabel('Close automatically after (seconds, optional)').fill(String(spec.closeAfterSec));
    for (const [i, question] of spec.questions.entries()) {
      if (i > 0) await f.getByRole('button', { name: 'Add question' }).click();
      await this.writeQuestion(f.getByTestId('question-editor').nth(i), i, question);
    }
    await f.getByTestId('save-draft').click();
    const card = this.poll(spec.title);
    await card.and(f.locator('[data-status=draft]')).waitFor();
    return card;
  }

  private async writeQuestion(editor: Locator, i: number, q: QuestionSpec): Promise<void> {
    await editor.getByLabel('Question', { exact: true }).fill(q.prompt);
    await editor.getByLabel('Type', { exact: true }).selectOption(q.kind);
    if (q.required === false) await editor.getByLabel('Required', { exact: true }).uncheck();
    if (q.kind === 'rating') return; // the composer's default scale (1–5)
    if (q.kind === 'text') {
      if (q.variant === 'long') await editor.getByRole('radio', { name: /^Long/ }).check();
    } else if (q.kind === 'number') {
      await editor.getByLabel('Minimum', { exact: true }).fill(String(q.min));
      await editor.getByLabel('Maximum', { exact: true }).fill(String(q.max));
      await editor.getByLabel('Step', { exact: true }).fill(String(q.step));
      if (q.unit) await editor.getByLabel('Unit (optional)').fill(q.unit);
    } else {
      for (const [j, label] of q.options.entries()) {
        const input = editor.getByLabel(`Question ${i + 1}, option ${j + 1}`, { exact: true });
        if ((await input.count()) === 0)
          await editor.getByRole('button', { name: q.kind === 'rank' ? 'Add item' : 'Add option' }).click();
        await input.fill(label);
        if (q.correct?.includes(label)) await editor.getByLabel(`Option ${j + 1} is correct`).check();
      }
    }
  }

  /** Host: composes the poll and launches it, returning once it shows as open. */
  async launchPoll(spec: PollDraftSpec): Promise<void> {
    const card = await this.composePoll(spec);
    await card.getByTestId('launch-poll').click();
    await this.waitForStatus(spec.title, 'open');
  }

  /** Participant: answers question i with answers[i] (null skips it), submits ONCE and waits for the receipt. */
  async answer(title: string, answers: (AnswerSpec | null)[]): Promise<void> {
    const card = this.poll(title);
    await this.dismissToasts();
    for (const [i, answer] of answers.entries()) {
      if (answer) await this.fill(card.locator('fieldset.question').nth(i), answer);
    }
    await card.getByRole('button', { name: 'Submit vote' }).click();
    await card
      .getByTestId('vote-receipt')
      .waitFor()
      .catch(async (error: unknown) => {
        // Say what the ballot showed instead (a check's message, "Sending…", blank fields) rather than only "timed out".
        const shown = await card
          .locator('form.ballot')
          .innerText({ timeout: 1_000 })
          .catch(() => '(no ballot)');
        throw new Error(`${this.personId}: no receipt for “${title}”; the ballot showed:\n${shown}`, { cause: error });
      });
  }

  /**
   * Types into a field key by key, as a person does, and checks the field kept every key. Keys go to the
   * page's one focused element, so two panes must not type at the same time (the check names it if they do).
   */
  private async type(field: Locator, text: string): Promise<void> {
    await field.clear();
    await field.pressSequentially(text);
    await expect.poll(() => field.inputValue(), POLL).toBe(text);
  }

  private async fill(question: Locator, answer: AnswerSpec): Promise<void> {
    // By label: a radio button, a checkbox (multiple choice) or a point of a rating scale.
    if ('pick' in answer) return question.getByLabel(answer.pick, { exact: true }).check();
    if ('text' in answer) return this.type(question.getByRole('textbox'), answer.text);
    if ('value' in answer) return this.type(question.getByRole('spinbutton'), String(answer.value));
    // Rank order with the keyboard-operable buttons: bring each item up to its place, top first.
    for (const [place, label] of answer.order.entries()) {
      const labels = await question.getByTestId('rank-item').locator('.grow').allTextContents();
      for (let at = labels.indexOf(label); at > place; at--)
        await question.getByRole('button', { name: `Move ${label} up` }).click();
    }
    if ((await question.getByRole('button', { name: 'Keep this order' }).count()) > 0)
      await question.getByRole('button', { name: 'Keep this order' }).click();
  }

  /** The results of the poll's i-th question (0-based). */
  results(title: string, index: number): Locator {
    return this.poll(title).getByTestId('question-results').nth(index);
  }

  /** Bar values of one question's results, by label (votes, Borda points, histogram counts). */
  async bars(title: string, index: number): Promise<Record<string, number>> {
    return this.results(title, index)
      .getByTestId('result-bar')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((r) => [
            r.querySelector('.bar-label')?.firstChild?.textContent ?? '',
            Number((r as HTMLElement).dataset.count),
          ]),
        ),
      );
  }

  /** The open-text answers shown under a question, newest first. */
  textAnswers(title: string, index: number): Promise<string[]> {
    return this.results(title, index).getByTestId('text-answer').locator('.grow').allTextContents();
  }

  /** Host: hides one open-text answer for everyone. */
  async hideAnswer(title: string, index: number, text: string): Promise<void> {
    await this.results(title, index)
      .getByRole('button', { name: `Hide answer “${text}”` })
      .click();
  }

  /** The podium's lines, first place first (empty while there is none). */
  podium(title: string): Promise<string[]> {
    return this.poll(title).getByTestId('podium').locator('li').allTextContents();
  }
}

/** The participants' panes as a tuple, so a test can name each one. */
export type Voters<N extends 0 | 1 | 2> = N extends 0 ? [] : N extends 1 ? [SurveyPane] : [SurveyPane, SurveyPane];

/** A meeting as most browser tests need it: the host's pane and `participants` more panes (p2, p3, …), each ready. */
export async function openSurveyMeeting<N extends 0 | 1 | 2>(
  env: E2eEnv,
  participants: N,
): Promise<{ sim: SimPage; host: SurveyPane; voters: Voters<N> }> {
  const sim = await env.openSim({ open: 'host' });
  const host = await new SurveyPane(sim.page, 'p1').ready('host');
  const voters: SurveyPane[] = [];
  for (let n = 2; n < participants + 2; n++) {
    voters.push(await new SurveyPane(sim.page, (await sim.openApp(`p${n}`)).personId).ready('participant'));
  }
  return { sim, host, voters: voters as Voters<N> };
}
