import type { Download, FrameLocator, Locator } from 'playwright-core';
import { countsIn } from './result-bars';

/** One run of a poll in the meeting report: its charts, turnout and downloads. */
export class ReportRun {
  constructor(
    readonly root: Locator,
    private readonly title: string,
    private readonly run: number,
  ) {}

  /** Votes per option label, as the run's charts show them. */
  counts(): Promise<Record<string, number>> {
    return countsIn(this.root);
  }

  /** The run's turnout line, e.g. "3 of 4 voted". */
  async turnout(): Promise<string | null> {
    return this.root.getByTestId('turnout').textContent();
  }

  /** The run's download link for `format` ('CSV', 'Summary CSV', 'JSON'), by its accessible name. */
  downloadLink(format: string): Locator {
    return this.root.getByRole('link', { name: `Download ${format} of ${this.title}, run ${this.run}` });
  }

  /** Clicks the download link for `format` and returns the file the browser received. */
  async download(format: string): Promise<Download> {
    const download = this.root.page().waitForEvent('download');
    await this.downloadLink(format).click();
    return download;
  }
}

/** The meeting report, as the host view's report panel or the "meeting ended" page shows it. */
export class MeetingReport {
  constructor(
    private readonly scope: Locator | FrameLocator,
    readonly root: Locator,
  ) {}

  /** How many people the report counts as present. */
  async attendance(): Promise<number> {
    return Number(await this.root.getByTestId('attendance').getAttribute('data-count'));
  }

  /** Run `run` of the poll titled `title`. */
  run(title: string, run: number): ReportRun {
    const poll = this.scope
      .getByTestId('report-poll')
      .filter({ has: this.scope.getByRole('heading', { name: title, exact: true }) });
    return new ReportRun(poll.locator(`[data-testid=report-run][data-run="${run}"]`), title, run);
  }
}
