import type { Locator, Page } from 'playwright-core';
import { AppPane, type PollSpec } from './app-pane';

/** One person's Quorum in the Zoom main window: the poll library, prepared before a meeting. */
export class LibraryPane extends AppPane {
  constructor(page: Page, personId: string) {
    super(page, personId, 'inMainClient');
  }

  /** Waits until the library shows. */
  override async ready(): Promise<this> {
    await this.frame.getByTestId('library-view').waitFor();
    return this;
  }

  /** Where the library says it keeps the polls, and the state of the last save. */
  libraryStatus(): Locator {
    return this.frame.getByTestId('library-status');
  }

  /** Waits until the library says it keeps the polls in the signed-in account (not in this browser). */
  async waitForAccount(): Promise<this> {
    await this.libraryStatus().and(this.frame.locator('[data-mode=account]')).waitFor();
    return this;
  }

  /** The library's entry titled `title`. */
  item(title: string): Locator {
    return this.frame
      .getByTestId('library-item')
      .filter({ has: this.frame.getByRole('heading', { name: title, exact: true }) });
  }

  /** Writes a poll in the composer and waits until the library has saved it to the account on the server. */
  async saveTemplate(spec: PollSpec): Promise<Locator> {
    await this.fillComposer(spec);
    const item = this.item(spec.title);
    await item.and(this.frame.locator('[data-synced=true]')).waitFor();
    return item;
  }
}
