import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEMPLATES_FILE_FORMAT, type Template } from '@quorum/shared';
import { ZoomContext } from '../../app-context';
import { AnnouncerContext, createAnnouncer } from '../../components/announcer';
import { createFakeZoom, fakeSession } from '../../test/fakes';
import { makeSession } from '../../test/fixtures';
import { render, settle } from '../../test/render';
import { DraftLibrary } from './draft-library';
import { LibraryContext } from './library-context';
import { LibraryView } from './library-view';

const template: Template = {
  id: 'standup',
  draft: {
    title: 'Standup',
    questions: [{ id: 'q1', kind: 'rating', prompt: 'Energy?', min: 1, max: 5, minLabel: '', maxLabel: '' }],
    settings: { anonymous: false, resultsVisibility: 'live', allowAnswerChange: true, closeAfterSec: null },
  },
  createdAt: 1,
  updatedAt: 2,
};

/** Answers the template routes from memory and records what was asked. */
function stubServer() {
  const seen: string[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const route = `${init.method ?? 'GET'} ${String(input)}`;
    seen.push(route);
    if (route === 'GET /api/templates') return json(200, { templates: [template] });
    if (route === 'POST /api/templates/import') {
      return json(400, {
        error: {
          code: 'INVALID',
          message: 'templates.0.questions.0.max: the scale maximum must exceed its minimum',
          field: 'templates.0.questions.0.max',
        },
      });
    }
    return json(404, { error: { code: 'NOT_FOUND', message: route } });
  });
  vi.stubGlobal('fetch', fetchFn);
  return seen;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
  vi.unstubAllGlobals();
});

async function show(authorized: boolean) {
  const { zoom } = createFakeZoom({ runningContext: 'inMainClient' });
  const session = fakeSession(
    makeSession({ voterId: authorized ? 'u:ann' : 'g:guest', role: 'host', isHost: true, authorized }),
  );
  const view = await render(
    <AnnouncerContext.Provider value={createAnnouncer()}>
      <ZoomContext.Provider value={{ zoom, config: await zoom.config() }}>
        <LibraryContext.Provider value={new DraftLibrary(null)}>
          <LibraryView session={session} />
        </LibraryContext.Provider>
      </ZoomContext.Provider>
    </AnnouncerContext.Provider>,
  );
  cleanups.push(view.unmount);
  await settle();
  return view;
}

/** Picks a file in the hidden import input, as the file chooser would. */
async function pick(view: Awaited<ReturnType<typeof show>>, text: string) {
  const input = view.byTestId('import-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', {
    configurable: true,
    value: [new File([text], 'polls.json', { type: 'application/json' })],
  });
  await settle(() => input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}

describe('main-client library view', () => {
  it('shows the signed-in user’s server library and the server’s import error with its field', async () => {
    const seen = stubServer();
    const view = await show(true);
    expect(seen).toContain('GET /api/templates');
    expect(view.byTestId('library-status')?.dataset).toMatchObject({ mode: 'account', state: 'synced' });
    expect(view.byTestId('library-item')?.textContent).toContain('Standup');
    expect(view.byTestId('export-templates')).not.toBeNull();

    const file = {
      format: TEMPLATES_FILE_FORMAT,
      version: 1,
      templates: [{ title: 'Bad scale', questions: [{ kind: 'rating', prompt: 'x', min: 1, max: 5 }] }],
    };
    await pick(view, JSON.stringify(file));
    expect(seen).toContain('POST /api/templates/import');
    expect(view.byTestId('import-error')?.textContent).toContain('templates.0.questions.0.max');
  });

  it('keeps a guest’s library on this computer and checks an import file before anything else', async () => {
    const seen = stubServer();
    const view = await show(false);
    expect(view.byTestId('library-status')?.dataset.mode).toBe('local');
    expect(view.byTestId('library-status')?.textContent).toContain('Sign in to Zoom');
    await pick(
      view,
      JSON.stringify({
        format: TEMPLATES_FILE_FORMAT,
        version: 1,
        templates: [{ title: 'Two options', questions: [{ kind: 'single', prompt: 'p', options: [{ label: 'a' }] }] }],
      }),
    );
    // In the host's terms: which poll, which question, which field.
    expect(view.byTestId('import-error')?.textContent).toContain('Poll 1 (“Two options”), Question 1, options: ');
    await pick(view, '{\n  "format": "quorum.templates",\n  "version": 1,\n}');
    expect(view.byTestId('import-error')?.textContent).toContain('line 4, column 1');
    await pick(
      view,
      JSON.stringify({
        format: TEMPLATES_FILE_FORMAT,
        version: 1,
        templates: [{ title: 'Retro', questions: [{ kind: 'rating', prompt: 'How?', min: 1, max: 5 }] }],
      }),
    );
    expect(view.byTestId('import-error')).toBeNull();
    expect(view.byTestId('library-item')?.textContent).toContain('Retro');
    expect(seen).toEqual([]);
  });
});
