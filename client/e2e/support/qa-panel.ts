import type { Locator } from 'playwright-core';
import type { AppPane } from './app-pane';

/** The Q&A settings the host's panel has a box for. */
export type QaSwitch = 'enabled' | 'anonymousAllowed' | 'reviewFirst' | 'upvotesShown' | 'closed';

/** One person's Q&A tab (participant or host): a page object over an app pane. */
export class QaPanel {
  constructor(readonly pane: AppPane) {}

  private get f() {
    return this.pane.frame;
  }

  /** The Polls | Q&A tab; `badge` is its count, or null without one. */
  tab(panel: 'polls' | 'qa'): Locator {
    return this.f.getByTestId(`switch-${panel}`);
  }

  async badge(panel: 'polls' | 'qa'): Promise<number | null> {
    const badge = this.f.getByTestId(`switch-${panel}-badge`);
    return (await badge.count()) === 0 ? null : Number(await badge.getAttribute('data-count'));
  }

  /** Shows the Q&A tab (waiting for the switch: participants get it once the host turned Q&A on). */
  async open(): Promise<this> {
    // Zoom's toasts (a poll launched, a vote recorded) sit over the top of the panel, where the switch is.
    await this.pane.dismissToasts();
    await this.tab('qa').click();
    await this.f.locator('[data-testid=qa-panel], [data-testid=qa-host-panel]').waitFor();
    return this;
  }

  /** A question in this person's lists, by its text. */
  question(text: string): Locator {
    return this.f
      .locator('[data-testid=qa-question], [data-testid=qa-waiting]')
      .filter({ has: this.f.locator('.qa-text', { hasText: text }) });
  }

  /** The question texts of the main list, in the order shown ("(edited)" left off). */
  async texts(): Promise<string[]> {
    const texts = await this.f.getByTestId('qa-list').locator('[data-testid=qa-question] .qa-text').allTextContents();
    return texts.map((t) => t.replace(/ \(edited\)$/, ''));
  }

  /** Participant: asks, and waits until the question is mine in the list. */
  async ask(text: string, { anonymous = false } = {}): Promise<void> {
    await this.pane.dismissToasts();
    await this.f.getByTestId('qa-ask-text').fill(text);
    if (anonymous) await this.f.getByTestId('qa-ask-anonymous').check();
    await this.f.getByTestId('qa-ask-submit').click();
    await this.question(text).getByTestId('qa-my-status').waitFor();
  }

  /** The "Your question · …" line of my question. */
  myStatus(text: string): Promise<string | null> {
    return this.question(text).getByTestId('qa-my-status').textContent();
  }

  /** Participant: upvotes (or takes it back) and waits for the button to say so. */
  async upvote(text: string, up = true): Promise<void> {
    const button = this.question(text).getByTestId('qa-upvote');
    await this.pane.dismissToasts();
    await button.click();
    await button.and(this.f.locator(`[aria-pressed="${up}"]`)).waitFor();
  }

  /** The votes shown on a question (its upvote button or the host's count). */
  async votes(text: string): Promise<number> {
    return Number(await this.question(text).getByTestId('qa-upvotes').getAttribute('data-count'));
  }

  /** Host: ticks or unticks a setting and waits until the server's broadcast agrees. */
  async setting(key: QaSwitch, on: boolean): Promise<void> {
    await this.openSettings();
    const box = this.f.getByTestId(`qa-setting-${key}`);
    await box.setChecked(on);
    await box.and(this.f.locator(on ? ':checked' : ':not(:checked)')).waitFor();
  }

  /** Host: unfolds the settings (folded away once Q&A is on). */
  async openSettings(): Promise<void> {
    const details = this.f.getByTestId('qa-settings');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  }

  /** Host: a question in the review queue. */
  waiting(text: string): Locator {
    return this.f.getByTestId('qa-waiting').filter({ hasText: text });
  }

  /** Host: ticks these waiting questions and approves (or dismisses) them in one go. */
  async decide(texts: string[], verdict: 'approve' | 'dismiss'): Promise<void> {
    for (const text of texts) await this.question(text).getByTestId('qa-select').check();
    await this.f.getByTestId(`qa-${verdict}-selected`).click();
    for (const text of texts) await this.waiting(text).waitFor({ state: 'detached' });
  }

  /** Host: one of the moderation buttons of a question in the live list. */
  async act(text: string, action: 'answer' | 'highlight' | 'archive' | 'approve' | 'dismiss'): Promise<void> {
    await this.question(text).getByTestId(`qa-${action}`).click();
  }

  /** Host: writes a reply under a question and waits for it to show. */
  async reply(text: string, reply: string): Promise<void> {
    const item = this.question(text);
    await item.getByTestId('qa-reply-open').click();
    await item.getByTestId('qa-reply-text').fill(reply);
    await item.getByTestId('qa-reply-save').click();
    await item.getByTestId('qa-reply').filter({ hasText: reply }).waitFor();
  }
}
