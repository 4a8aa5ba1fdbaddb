import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { MeetingView, Person, SimState } from '../../sim/sim-types';
import { ZOOM_ERRORS } from '../../sim/zoom-errors';
import { AppPane } from './app-pane';
import { LibraryPane } from './library-pane';
import { NetworkSwitch } from './network-switch';
import { UI_TIMEOUT_MS } from './waits';

/** How to open the simulator: whose apps start open, and the window size. */
export interface SimOpenOptions {
  open?: 'all' | 'host' | 'none';
  viewport?: { width: number; height: number };
  /** The browser's language (navigator.languages in every frame), e.g. 'de-DE': how a test picks the app's language without faking Zoom. */
  locale?: string;
  /**
   * Ignore the simulator's Content-Security-Policy, which lets no other site's frame in: Zoom's own page, which
   * the simulator stands in for, hosts other apps' frames beside Quorum's (the cross-site tests need one).
   */
  bypassCsp?: boolean;
}

/** A console error or uncaught exception seen anywhere on the page (simulator or app frames). */
export interface PageProblem {
  kind: 'console' | 'pageerror';
  text: string;
  url: string;
}

/** The errors by which Zoom refuses a call for the caller's role, guest mode, context or capabilities. */
const REFUSAL_CODES: ReadonlySet<string> = new Set(
  (['ROLE_NOT_ALLOWED', 'GUEST_MODE', 'WRONG_CONTEXT', 'NOT_IN_CAPABILITIES', 'INVITE_NO_PRIVILEGE'] as const).map(
    (key) => ZOOM_ERRORS[key].code,
  ),
);

/** Roles as the roster's select offers them. */
export type SimRole = 'Host' | 'Co-host' | 'Participant' | 'Panelist';

/** The `/sim` page: one simulated meeting, its roster, its panes, and the `window.quorumSim` hook. */
export class SimPage {
  readonly problems: PageProblem[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly net: NetworkSwitch,
  ) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.problems.push({ kind: 'console', text: msg.text(), url: msg.location().url });
    });
    page.on('pageerror', (error) => this.problems.push({ kind: 'pageerror', text: error.message, url: page.url() }));
  }

  /** Opens `/sim` in a fresh context (toasts stay until dismissed, so tests can read them). */
  static async open(browser: Browser, baseUrl: string, options: SimOpenOptions = {}): Promise<SimPage> {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1600, height: 1200 },
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.bypassCsp ? { bypassCSP: true } : {}),
    });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    const page = await context.newPage();
    const sim = new SimPage(context, page, await NetworkSwitch.install(page));
    await page.goto(`${baseUrl}/sim?open=${options.open ?? 'all'}&toastMs=0`);
    await page.getByTestId('sim-meeting').waitFor();
    return sim;
  }

  /** The in-meeting app of person `personId` (p1 Hana the host, p2 Ines, p3 Omar, p4 Paul). */
  pane(personId: string): AppPane {
    return new AppPane(this.page, personId);
  }

  /** The simulator's state, read through its scripting hook. */
  async state(): Promise<SimState> {
    return this.page.evaluate(() => {
      if (!window.quorumSim) throw new Error('the simulator has no scripting hook');
      return window.quorumSim.meeting.state();
    });
  }

  /** One person as the simulator knows them (Zoom user id, participant UUID…). */
  async person(personId: string): Promise<Person> {
    const person = (await this.state()).persons.find((p) => p.id === personId);
    if (!person) throw new Error(`no person ${personId} in the meeting`);
    return person;
  }

  /** Every call Zoom refused by its permission table (role, guest mode, running context, capabilities), as "api by pane: code". */
  async zoomRefusals(): Promise<string[]> {
    const { log } = await this.state();
    return log
      .filter((e) => e.kind === 'call' && e.error && REFUSAL_CODES.has(e.error.code))
      .map((e) => `${e.api} by ${e.paneKey}: ${e.error?.code ?? ''}`);
  }

  /** Turns the meeting into a webinar (or back); every open app reloads, as Zoom reopens it. */
  setMeetingKind(kind: 'meeting' | 'webinar'): Promise<string[]> {
    return this.page.getByTestId('meeting-kind').selectOption(kind);
  }

  /** Collaborate mode, or Zoom's immersive / camera views for the meeting side. */
  setMeetingView(view: MeetingView): Promise<string[]> {
    return this.page.getByTestId('meeting-view').selectOption(view);
  }

  /** Gives someone another role through the roster. */
  setRole(personId: string, role: SimRole): Promise<string[]> {
    return this.page
      .locator(`[data-testid=roster-row][data-person-id="${personId}"]`)
      .getByTestId('role-select')
      .selectOption({ label: role });
  }

  /** The meeting UUID every pane's app context carries. */
  async meetingUuid(): Promise<string> {
    return (await this.state()).meeting.uuid;
  }

  /** Adds someone through the roster's form, as a user of the simulator would; returns their id. */
  async addPerson(name: string, role: SimRole = 'Participant'): Promise<string> {
    await this.page.getByTestId('add-person-name').fill(name);
    await this.page.getByTestId('add-person-role').selectOption({ label: role });
    await this.page.getByTestId('add-person').click();
    const row = this.page.locator(`[data-testid=roster-row][data-person-name="${name}"]`);
    await row.waitFor();
    const id = await row.getAttribute('data-person-id');
    if (!id) throw new Error(`${name} has no person id`);
    return id;
  }

  /** The pane placeholder of someone who has not opened the app, or their open pane. */
  paneOf(personId: string): Locator {
    return this.page.locator(`[data-testid=pane][data-person-id="${personId}"][data-ctx=inMeeting]`);
  }

  /** Clicks "Open Quorum" for someone who has not opened the app yet (one at a time: panes move when one opens). */
  async openApp(personId: string): Promise<AppPane> {
    await this.paneOf(personId).getByTestId('open-app').click();
    await this.paneOf(personId).and(this.page.locator('[data-state=open]')).waitFor();
    return this.pane(personId);
  }

  /** Opens the app from `personId`'s invitation card and returns their pane once the app is ready. */
  async acceptInvitation(personId: string): Promise<AppPane> {
    await this.invitations(personId).getByTestId('invitation-open').click();
    return this.pane(personId).ready('participant');
  }

  /** Ends the meeting for everyone (the simulator's End meeting button). */
  async endMeeting(): Promise<void> {
    await this.page.getByTestId('end-meeting').click();
  }

  /** Opens someone's Quorum in the Zoom main window (the roster's "Open main client") and waits for the library. */
  async openMainClient(personId: string): Promise<LibraryPane> {
    const row = this.page.locator(`[data-testid=roster-row][data-person-id="${personId}"]`);
    await row.getByTestId('main-client-toggle').click();
    const pane = new LibraryPane(this.page, personId);
    await pane.pane.and(this.page.locator('[data-state=open]')).waitFor();
    return pane.ready();
  }

  /** The invitation cards shown to a person. */
  invitations(personId: string): Locator {
    return this.paneOf(personId).getByTestId('invitation');
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
