import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { DraftCard } from './draft-card';
import { InvitePanel } from './invite-panel';
import { MeetingReport } from './meeting-report';
import { countsIn } from './result-bars';

/** A single-question poll as the host types it into the composer. */
export interface PollSpec {
  title: string;
  question: string;
  options: string[];
}

/** Who the app thinks it is serving (`<main class="app" data-role=…>`). */
export type AppRole = 'host' | 'participant';

/** The sections of the host panel, as their tabs are named. */
export type HostTab = 'Polls' | 'Library' | 'Report';

/** Where a pane runs the app: in the meeting, or in the Zoom main window. */
export type PaneCtx = 'inMeeting' | 'inMainClient';

/** One person's Quorum (in the meeting unless `ctx` says otherwise): the simulator's pane and the app in its iframe. */
export class AppPane {
  readonly frameName: string;
  /** The app's document, for locators (auto-waiting, re-resolved after reloads). */
  readonly frame: FrameLocator;
  /** Every click made through `click` (the click budget counts them), and whether its target was in view unscrolled. */
  readonly clicks: { target: string; inView: boolean }[] = [];

  constructor(
    readonly page: Page,
    readonly personId: string,
    readonly ctx: PaneCtx = 'inMeeting',
  ) {
    this.frameName = `app-${personId}-${ctx}`;
    this.frame = page.frameLocator(`iframe[name="${this.frameName}"]`);
  }

  /** The pane element in the simulator: header, invitation cards, the frame, toasts. */
  get pane(): Locator {
    return this.page.locator(`[data-testid=pane][data-person-id="${this.personId}"][data-ctx=${this.ctx}]`);
  }

  /** The iframe element itself (for sizing and screenshots). */
  get iframe(): Locator {
    return this.page.locator(`iframe[name="${this.frameName}"]`);
  }

  /** The live Frame, for evaluating in the app's context. */
  liveFrame(): Frame {
    const frame = this.page.frame({ name: this.frameName });
    if (!frame) throw new Error(`${this.personId} has no app frame`);
    return frame;
  }

  /** Clicks `target` as a person would, noting the click and whether it was on screen without scrolling to it. */
  async click(target: Locator): Promise<void> {
    await target.waitFor();
    // On screen as it is (Playwright would scroll it into view), and not under anything (the composer's footer).
    const inView = await target.evaluate((el) => {
      const win = el.ownerDocument.defaultView!;
      const box = el.getBoundingClientRect();
      const onScreen = box.top >= 0 && box.left >= 0 && box.bottom <= win.innerHeight && box.right <= win.innerWidth;
      const hit = el.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return onScreen && hit !== null && el.contains(hit);
    });
    this.clicks.push({ target: target.toString(), inView });
    await target.click();
  }

  /** Waits until the app has its session and socket and shows the view for `role`. */
  async ready(role: AppRole): Promise<this> {
    try {
      await this.frame.locator(`main.app[data-role=${role}]`).waitFor();
    } catch (error) {
      // Say what the app showed instead (an error page, a spinner…), not just that it timed out.
      const shown = await this.frame
        .locator('body')
        .innerText({ timeout: 1000 })
        .catch(() => '(no frame)');
      throw new Error(`${this.personId} never showed the ${role} view; it shows: ${shown.slice(0, 300)}`, {
        cause: error,
      });
    }
    return this;
  }

  /** The card of the poll titled `title`. */
  poll(title: string): Locator {
    return this.frame
      .getByTestId('poll-card')
      .filter({ has: this.frame.getByRole('heading', { name: title, exact: true }) });
  }

  /** Unfolds a closed poll shown as one line (title, turnout, winner); a no-op for an unfolded card. */
  async expand(title: string): Promise<void> {
    const fold = this.poll(title).getByTestId('poll-fold');
    if ((await fold.count()) > 0 && (await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
    await this.poll(title).and(this.frame.locator(':not([data-collapsed])')).waitFor();
  }

  /** The one line a folded closed poll shows ("3 voted. Winner: Tacos with 2 votes (67%)."). */
  pollLine(title: string): Locator {
    return this.poll(title).getByTestId('poll-line');
  }

  /** The poll's status as the card shows it, or null when the card is not there. */
  async status(title: string): Promise<string | null> {
    const card = this.poll(title);
    return (await card.count()) === 0 ? null : card.getAttribute('data-status');
  }

  /** Votes per option label, as the result bars show them. */
  async counts(title: string): Promise<Record<string, number>> {
    return countsIn(this.poll(title));
  }

  /** The turnout line, e.g. "3 of 3 voted". */
  async turnout(title: string): Promise<string> {
    return (await this.poll(title).getByTestId('turnout').textContent()) ?? '';
  }

  /** Host: writes a single-choice poll in the composer and saves it as a draft. */
  async compose(spec: PollSpec): Promise<Locator> {
    await this.fillComposer(spec);
    const card = this.poll(spec.title);
    await card.and(this.frame.locator('[data-status=draft]')).waitFor();
    return card;
  }

  /** Opens the composer, writes a single-choice poll and saves it (in the meeting, or to the main client's library). */
  async fillComposer(spec: PollSpec): Promise<void> {
    await this.writePoll(spec);
    await this.frame.getByTestId('save-draft').click();
  }

  /** Opens the composer and writes a single-choice poll into it, leaving it unsaved. */
  async writePoll(spec: PollSpec): Promise<void> {
    const f = this.frame;
    await this.click(f.getByTestId('compose-poll'));
    await f.getByLabel('Title (optional)', { exact: true }).fill(spec.title);
    await f.getByLabel('Question', { exact: true }).fill(spec.question);
    await f.getByLabel('Type', { exact: true }).selectOption('single');
    for (const [i, label] of spec.options.entries()) {
      const input = f.getByLabel(`Question 1, option ${i + 1}`, { exact: true });
      // Enter in an option adds the next one, as a person typing a list does (no click on Add option).
      if ((await input.count()) === 0) await f.getByLabel(`Question 1, option ${i}`, { exact: true }).press('Enter');
      await input.fill(label);
    }
  }

  /** Host: unfolds the composer's settings (folded to a summary of chips) unless they are open. */
  async openComposerSettings(): Promise<Locator> {
    const details = this.frame.getByTestId('composer-settings');
    if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open)))
      await details.getByTestId('settings-summary').click();
    await details.and(this.frame.locator('[open]')).waitFor();
    return details;
  }

  /** Host: opens the panel that sends the app to participants. */
  openInvitePanel(): Promise<InvitePanel> {
    return new InvitePanel(this.frame).open();
  }

  /** Guest mode's note ("you can vote…"), shown while the session has no Zoom user id. */
  guestNote(): Locator {
    return this.frame.getByTestId('guest-note');
  }

  /** Guest: adds the app from the note, and returns once the note has gone (the session is a Zoom user's now). */
  async addAppAsGuest(): Promise<void> {
    await this.frame.getByTestId('guest-add-app').click();
    await this.guestNote().waitFor({ state: 'detached' });
  }

  /** Host: the tab of one section of the host panel (Polls, Library, Report), found in any language. */
  tab(name: HostTab): Locator {
    return this.frame.locator(`[role=tablist] [role=tab][data-tab=${name.toLowerCase()}]`);
  }

  /** Host: shows one section of the host panel (a click on a selected tab changes nothing). */
  async openTab(name: HostTab): Promise<void> {
    await this.click(this.tab(name));
    await this.tab(name).and(this.frame.locator('[aria-selected=true]')).waitFor();
  }

  /** Host: opens the settings menu (Zoom account, co-host rule, report deliveries) unless it is open. */
  async openSettings(): Promise<Locator> {
    const button = this.frame.getByTestId('settings-button');
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    const menu = this.frame.getByTestId('settings-menu');
    await menu.waitFor();
    return menu;
  }

  /** Host: closes the settings menu with its button (it covers the top of the panel while open). */
  async closeSettings(): Promise<void> {
    const button = this.frame.getByTestId('settings-button');
    if ((await button.getAttribute('aria-expanded')) === 'true') await button.click();
    await this.frame.getByTestId('settings-menu').waitFor({ state: 'hidden' });
  }

  /** Host: copies a template from the Library tab into the meeting (one click), back in Polls with its draft card. */
  async addFromLibrary(title: string): Promise<DraftCard> {
    await this.openTab('Library');
    await this.frame
      .getByTestId('library-import')
      .getByRole('button', { name: `Add “${title}” to this meeting` })
      .click();
    await this.openTab('Polls');
    await this.poll(title).and(this.frame.locator('[data-status=draft]')).waitFor();
    return new DraftCard(this, title);
  }

  /** The meeting report wherever the app shows it (the host view's report panel, the "meeting ended" page). */
  report(): MeetingReport {
    return new MeetingReport(this.frame, this.frame.getByTestId('meeting-report'));
  }

  /** Host: opens the Report tab and waits until the meeting report has loaded. */
  async openReport(): Promise<MeetingReport> {
    await this.openTab('Report');
    const panel = this.frame.getByTestId('report-panel');
    const report = panel.getByTestId('meeting-report');
    await report.getByTestId('attendance').waitFor();
    return new MeetingReport(this.frame, report);
  }

  /** Host: waits for the "meeting ended" page, which shows the meeting report. */
  async waitForMeetingEnded(): Promise<MeetingReport> {
    await this.frame.getByRole('heading', { name: 'The meeting has ended' }).waitFor();
    return this.report();
  }

  /** Host: writes a poll and launches it from the composer (saved and opened in one step), once it shows as open. */
  async launch(spec: PollSpec): Promise<void> {
    await this.writePoll(spec);
    await this.click(this.frame.getByTestId('launch-draft'));
    await this.waitForStatus(spec.title, 'open');
  }

  /** Host: launches a prepared poll straight from the Library tab; returns once Polls shows it open. */
  async launchFromLibrary(title: string): Promise<void> {
    await this.openTab('Library');
    const shelf = this.frame.getByTestId('library-import');
    await this.click(shelf.getByRole('button', { name: `Launch “${title}” in this meeting now` }));
    await this.tab('Polls').and(this.frame.locator('[aria-selected=true]')).waitFor();
    await this.waitForStatus(title, 'open');
  }

  /** Host: closes the poll and waits for the card to say so. */
  async close(title: string): Promise<void> {
    await this.poll(title).getByTestId('close-poll').click();
    await this.waitForStatus(title, 'closed');
  }

  /** Closes the simulator's Zoom notifications over this pane (they stay until dismissed and cover the app). */
  async dismissToasts(): Promise<void> {
    const dismiss = this.pane.getByTestId('toast-dismiss');
    while ((await dismiss.count()) > 0) await dismiss.first().click();
  }

  /** Waits until the poll's card shows `status`. */
  async waitForStatus(title: string, status: 'draft' | 'open' | 'closed'): Promise<void> {
    await this.poll(title)
      .and(this.frame.locator(`[data-status=${status}]`))
      .waitFor();
  }

  /** Participant: picks `option` and submits, without waiting for the receipt. */
  async submitVote(title: string, option: string): Promise<void> {
    const card = this.poll(title);
    await card.getByRole('radio', { name: option, exact: true }).check();
    await card.getByRole('button', { name: 'Submit vote' }).click();
  }

  /** Participant: votes and waits for the "vote received" receipt. */
  async vote(title: string, option: string): Promise<void> {
    await this.submitVote(title, option);
    await this.poll(title).getByTestId('vote-receipt').waitFor();
  }
}
