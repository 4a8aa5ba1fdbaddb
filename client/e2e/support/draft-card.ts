import type { Locator } from 'playwright-core';
import type { AppPane } from './app-pane';

/** A poll's card in the host view while it is a draft: what a host can do with it next. */
export class DraftCard {
  constructor(
    private readonly pane: AppPane,
    readonly title: string,
  ) {}

  get root(): Locator {
    return this.pane.poll(this.title);
  }

  /** Launches the draft and returns once the host view shows it open. */
  async launch(): Promise<void> {
    await this.root.getByTestId('launch-poll').click();
    await this.pane.waitForStatus(this.title, 'open');
  }
}
