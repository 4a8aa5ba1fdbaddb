import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeetingReportView } from '@quorum/shared';
import { AnnouncerContext, createAnnouncer } from '../../components/announcer';
import { intlFor } from '../../i18n';
import { makePoll, makeTally } from '../../test/fixtures';
import { render, settle } from '../../test/render';
import type { ReportApi } from './report-api';
import { turnoutShare } from './report-run';
import { ReportView } from './report-view';

const downloads = (run: number) => ({
  csv: `/api/polls/p1/runs/${run}/export.csv`,
  summaryCsv: `/api/polls/p1/runs/${run}/summary.csv`,
  json: `/api/polls/p1/runs/${run}/export.json`,
});

const REPORT: MeetingReportView = {
  meetingId: 'm1',
  topic: 'Retro',
  startedAt: null,
  endedAt: null,
  generatedAt: 10,
  attendance: { count: 4, source: 'webhook' },
  polls: [
    {
      poll: makePoll({ status: 'closed', run: 2 }),
      runs: [
        {
          run: 1,
          tally: makeTally({
            run: 1,
            turnout: 3,
            questions: { q1: { kind: 'choice', voters: 3, counts: { a: 2, b: 1 } } },
          }),
          downloads: downloads(1),
        },
        {
          run: 2,
          tally: makeTally({
            run: 2,
            turnout: 1,
            questions: { q1: { kind: 'choice', voters: 1, counts: { a: 0, b: 1 } } },
          }),
          downloads: downloads(2),
        },
      ],
    },
    { poll: makePoll({ id: 'p2', title: 'Never run', status: 'draft', run: 0 }), runs: [] },
  ],
  qa: null,
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function show(api: ReportApi) {
  const view = await render(
    <AnnouncerContext.Provider value={createAnnouncer()}>
      <ReportView api={api} />
    </AnnouncerContext.Provider>,
  );
  cleanups.push(view.unmount);
  await settle();
  return view;
}

describe('meeting report view', () => {
  it('draws every run of every launched poll against attendance, with its downloads', async () => {
    const api: ReportApi = { load: vi.fn(async () => REPORT), download: vi.fn(async () => {}) };
    const view = await show(api);
    expect(view.container.querySelector('h2')?.textContent).toBe('Meeting report: Retro');
    expect(view.byTestId('attendance')?.dataset).toMatchObject({ count: '4', source: 'webhook' });
    const runs = [...view.container.querySelectorAll<HTMLElement>('[data-testid=report-run]')];
    expect(runs.map((r) => r.dataset.run)).toEqual(['1', '2']);
    const counts = (run: HTMLElement) =>
      [...run.querySelectorAll<HTMLElement>('[data-testid=result-bar]')].map((b) => Number(b.dataset.count));
    expect(runs.map(counts)).toEqual([
      [2, 1],
      [0, 1],
    ]);
    expect(runs[0]!.querySelector('[data-testid=turnout]')?.textContent).toBe('3 of 4 voted');
    expect(runs[0]!.querySelector('[data-testid=turnout-share]')?.textContent).toBe('75% of the 4 people who attended');
    expect(view.container.textContent).toContain('1 draft never launched.');

    await settle(() =>
      view.container.querySelector<HTMLAnchorElement>('a[aria-label="Download JSON of Lunch?, run 2"]')!.click(),
    );
    expect(api.download).toHaveBeenCalledWith('/api/polls/p1/runs/2/export.json', 'Lunch--run-2.json');
  });

  it('shows the audience Q&A: counts, the most upvoted questions with answers, and the export', async () => {
    const qa: MeetingReportView['qa'] = {
      summary: {
        asked: 3,
        byStatus: { waiting: 0, live: 1, answered: 1, dismissed: 1, archived: 0 },
        upvotes: 5,
        top: [
          { text: 'When is the launch?', upvotes: 4, status: 'answered', reply: 'In March' },
          { text: 'Is there a recording?', upvotes: 1, status: 'live', reply: null },
        ],
      },
      downloads: { csv: '/api/meetings/current/qa/export.csv', json: '/api/meetings/current/qa/export.json' },
    };
    const api: ReportApi = { load: async () => ({ ...REPORT, qa }), download: vi.fn(async () => {}) };
    const section = (await show(api)).byTestId('report-qa')!;
    expect(section.querySelector('h3')?.textContent).toBe('Audience Q&A');
    expect(section.textContent).toContain('3 questions · 1 answered · 5 upvotes');
    expect([...section.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'When is the launch? 4 upvotes · answeredReply: In March',
      'Is there a recording? 1 upvote',
    ]);
    await settle(() =>
      section.querySelector<HTMLAnchorElement>('a[aria-label="Download every question as CSV"]')!.click(),
    );
    expect(api.download).toHaveBeenCalledWith('/api/meetings/current/qa/export.csv', 'quorum-qa.csv');
  });

  it('says when nothing was launched', async () => {
    const empty = await show({ load: async () => ({ ...REPORT, topic: null, polls: [] }), download: async () => {} });
    expect(empty.container.textContent).toContain('No poll was launched in this meeting.');
    expect(turnoutShare(intlFor('en'), 2, { count: 0, source: 'seen' })).toBeNull();
    // German puts a space before the percent sign: Intl, not string-building, decides.
    expect(turnoutShare(intlFor('de'), 3, { count: 4, source: 'seen' })).toBe(
      '75\u00a0% der 4 Personen, die teilnahmen',
    );
  });

  it('shows why the report could not be loaded', async () => {
    const failing = await show({
      load: async () => Promise.reject(new Error('only the host or a co-host can see the meeting report')),
      download: async () => {},
    });
    expect(failing.container.querySelector('.error')?.textContent).toContain('only the host');
  });
});
