import { describe, expect, it } from 'vitest';
import { TEMPLATES_FILE_FORMAT, type PollDraftInput, type Template } from '@quorum/shared';
import { ApiError } from '../../session/api-call';
import { DraftLibrary } from './draft-library';
import type { TemplateApi } from './template-api';
import { TemplateSync } from './template-sync';

const draft = (title: string): PollDraftInput => ({
  title,
  questions: [{ kind: 'rating', prompt: 'How was it?', min: 1, max: 5 }],
});

/** An in-memory server library; `offline` makes every call fail as a network error would. */
function fakeServer(initial: Template[] = []) {
  const templates = new Map(initial.map((t) => [t.id, t]));
  const state = { offline: false, clock: 1_000, calls: [] as string[] };
  const reach = (call: string) => {
    state.calls.push(call);
    if (state.offline) throw new ApiError('Quorum’s server could not be reached.', 0, 'NETWORK');
  };
  const api: TemplateApi = {
    list: async () => (reach('list'), [...templates.values()]),
    put: async (id, d) => {
      reach(`put ${id}`);
      const t = {
        id,
        draft: {
          ...d,
          settings: { anonymous: false, resultsVisibility: 'live', allowAnswerChange: true, closeAfterSec: null },
        },
        createdAt: 1,
        updatedAt: ++state.clock,
      } as Template;
      templates.set(id, t);
      return t;
    },
    remove: async (id) => void (reach(`remove ${id}`), templates.delete(id)),
    importFile: async () => {
      reach('import');
      throw new ApiError(
        'templates.0.questions.0.max: the scale maximum must exceed its minimum',
        400,
        'INVALID',
        'templates.0.questions.0.max',
      );
    },
    exportFile: async () => (reach('export'), new Blob(['server file'])),
  };
  return { api, templates, state };
}

const serverTemplate = (id: string, title: string, updatedAt = 500): Template =>
  ({ id, draft: draft(title), createdAt: 1, updatedAt }) as Template;
const titles = (sync: TemplateSync) =>
  sync
    .visible(sync.library.getSnapshot())
    .map((d) => d.draft.title)
    .sort();

describe('template sync', () => {
  it('keeps a guest’s library on this computer: import checks the file and names the bad field', async () => {
    const sync = new TemplateSync(new DraftLibrary(null), null, 'Kept here.');
    expect(sync.getStatus()).toEqual({ mode: 'local', note: 'Kept here.' });
    sync.save(draft('Mine'));
    const file = {
      format: TEMPLATES_FILE_FORMAT,
      version: 1,
      templates: [draft('One'), { ...draft('Bad'), questions: [] }],
    };
    expect(await sync.importText(JSON.stringify(file))).toMatchObject({
      ok: false,
      error: { field: 'templates.1.questions' },
    });
    expect(await sync.importText('not json')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('not JSON') },
    });
    expect(await sync.importText(JSON.stringify({ ...file, templates: [draft('One')] }))).toEqual({
      ok: true,
      data: 1,
    });
    expect(titles(sync)).toEqual(['Mine', 'One']);
    const exported = JSON.parse(await (await sync.exportFile()).text());
    expect(exported).toMatchObject({ format: TEMPLATES_FILE_FORMAT, version: 1 });
    expect(exported.templates.map((t: PollDraftInput) => t.title).sort()).toEqual(['Mine', 'One']);
  });

  it('with an account: takes the server’s templates, sends drafts made before sign-in, and deletes', async () => {
    const server = fakeServer([serverTemplate('s1', 'From the server')]);
    const library = new DraftLibrary(null);
    library.save(draft('Made as a guest'), 'g1', 10);
    const sync = new TemplateSync(library, { owner: 'u:ann', api: server.api });
    await sync.refresh();
    expect(sync.getStatus()).toEqual({ mode: 'account', state: 'synced' });
    expect(titles(sync)).toEqual(['From the server', 'Made as a guest']);
    expect([...server.templates.keys()].sort()).toEqual(['g1', 's1']);
    expect(library.getSnapshot().every((d) => d.synced && d.owner === 'u:ann')).toBe(true);

    sync.remove('s1');
    await sync.refresh();
    expect(server.templates.has('s1')).toBe(false);
    expect(titles(sync)).toEqual(['Made as a guest']);
    // Someone else's drafts in a shared browser stay out of sight and out of this account.
    library.put([{ id: 'b1', draft: draft('Bob’s'), updatedAt: 1, owner: 'u:bob', synced: true }]);
    await sync.refresh();
    expect(titles(sync)).toEqual(['Made as a guest']);
    expect(server.templates.has('b1')).toBe(false);
  });

  it('keeps a change made offline and sends it later; a template deleted elsewhere goes away', async () => {
    const server = fakeServer([serverTemplate('s1', 'Kept'), serverTemplate('s2', 'Deleted elsewhere')]);
    const library = new DraftLibrary(null);
    const sync = new TemplateSync(library, { owner: 'u:ann', api: server.api });
    await sync.refresh();
    server.state.offline = true;
    sync.save(draft('Kept, edited offline'), 's1');
    await sync.refresh();
    expect(sync.getStatus()).toMatchObject({ mode: 'account', state: 'offline' });
    expect(titles(sync)).toEqual(['Deleted elsewhere', 'Kept, edited offline']);

    server.state.offline = false;
    server.templates.delete('s2');
    await sync.refresh();
    expect(sync.getStatus()).toEqual({ mode: 'account', state: 'synced' });
    expect(titles(sync)).toEqual(['Kept, edited offline']);
    expect(server.templates.get('s1')?.draft.title).toBe('Kept, edited offline');
  });

  it('reports the server’s import error with its field, and exports the server’s file', async () => {
    const server = fakeServer();
    const sync = new TemplateSync(new DraftLibrary(null), { owner: 'u:ann', api: server.api });
    const file = { format: TEMPLATES_FILE_FORMAT, version: 1, templates: [draft('Fine by the schema')] };
    expect(await sync.importText(JSON.stringify(file))).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'templates.0.questions.0.max' },
    });
    expect(await (await sync.exportFile()).text()).toBe('server file');
  });
});
