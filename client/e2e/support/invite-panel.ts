import type { FrameLocator, Locator } from 'playwright-core';

/** The host view's "Invite participants" panel: everyone at once, or chosen people. */
export class InvitePanel {
  constructor(private readonly frame: FrameLocator) {}

  get root(): Locator {
    return this.frame
      .locator('details.panel')
      .filter({ has: this.frame.getByText('Invite participants', { exact: true }) });
  }

  /** Opens the panel unless it is open already (a second click on its summary would close it). */
  async open(): Promise<this> {
    if ((await this.root.getAttribute('open')) === null) await this.root.locator('summary').click();
    return this;
  }

  /** Sends the app to everyone in the meeting. */
  async inviteAll(): Promise<void> {
    await this.root.getByTestId('invite-all').click();
  }

  /** Ticks `names` in the picker and sends the app to them. */
  async invite(names: string[]): Promise<void> {
    for (const name of names) await this.root.getByRole('checkbox', { name }).check();
    await this.root.getByRole('button', { name: `Invite selected (${names.length})` }).click();
  }

  /** The picker's checkboxes once a poll is open (only people who have not voted), or the one named `name`. */
  notVoted(name?: string): Locator {
    return this.root
      .getByRole('group', { name: 'Invite participants who have not voted' })
      .getByRole('checkbox', name === undefined ? {} : { name });
  }
}
