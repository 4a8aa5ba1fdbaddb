import {
  templateListSchema,
  templatesFileSchema,
  TEMPLATES_FILE_FORMAT,
  TEMPLATE_LIMITS,
  type AppError,
  type PollDraftInput,
  type Template,
} from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { choicePoll, openSession, useTestServer, type Person } from './support/harness';
import { api } from './support/zoom-cloud';

const ctx = useTestServer();

/** A session token for someone in a meeting (the main client's session looks the same to the server). */
const tokenOf = async (person: Person) => (await openSession(ctx.server, person)).token;

/** What the template routes answer, one field per route. */
interface Answer {
  template?: Template;
  templates?: Template[];
  id?: string;
  error?: AppError;
}

/** One JSON call; answers the status and the parsed body. */
async function call(
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Answer }> {
  const res = await api(ctx.server, path, token, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

const file = (templates: unknown[]) => ({ format: TEMPLATES_FILE_FORMAT, version: 1, templates });
const titles = (list: Template[] = []) => list.map((t) => t.draft.title);

describe('poll library', () => {
  it('keeps each Zoom user’s templates to themselves: create, list, update, delete', async () => {
    const [ann, bob] = await Promise.all([
      tokenOf({ mid: 'm1', uid: 'ann', role: 'host' }),
      tokenOf({ mid: 'm2', uid: 'bob' }),
    ]);
    const created = await call(ann, 'POST', '/api/templates', { draft: choicePoll({}, 'Retro') });
    expect(created.status).toBe(201);
    const tpl = created.body.template!;
    // The same rules as poll:create, with ids filled in, so copying it into a meeting needs nothing more.
    expect(tpl.draft.questions[0]).toMatchObject({ id: 'q1', options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });

    expect(
      (await call(ann, 'PUT', `/api/templates/${tpl.id}`, { draft: choicePoll({}, 'Retro v2') })).body.template,
    ).toMatchObject({ id: tpl.id, createdAt: tpl.createdAt });
    expect(
      (await call(ann, 'PUT', '/api/templates/my-own-id', { draft: choicePoll({}, 'Offline draft') })).status,
    ).toBe(200);
    const annList = templateListSchema.parse((await call(ann, 'GET', '/api/templates')).body).templates;
    expect(titles(annList).sort()).toEqual(['Offline draft', 'Retro v2']);

    // Bob sees none of Ann's, cannot delete them, and the same id in his library is his own.
    expect((await call(bob, 'GET', '/api/templates')).body).toEqual({ templates: [] });
    expect((await call(bob, 'DELETE', `/api/templates/${tpl.id}`)).status).toBe(404);
    await call(bob, 'PUT', `/api/templates/${tpl.id}`, { draft: choicePoll({}, 'Bob’s') });
    expect(titles((await call(ann, 'GET', '/api/templates')).body.templates)).toContain('Retro v2');

    expect((await call(ann, 'DELETE', `/api/templates/${tpl.id}`)).body).toEqual({ id: tpl.id });
    expect(titles((await call(ann, 'GET', '/api/templates')).body.templates)).toEqual(['Offline draft']);
    expect(titles((await call(bob, 'GET', '/api/templates')).body.templates)).toEqual(['Bob’s']);
  });

  it('refuses guests with a clear 403, and requests without a session with 401', async () => {
    const guest = await tokenOf({ mid: 'm1' });
    const refused = await call(guest, 'GET', '/api/templates');
    expect(refused).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: expect.stringContaining('sign in to Zoom') } },
    });
    expect((await call(guest, 'POST', '/api/templates/import', file([choicePoll()]))).status).toBe(403);
    expect((await fetch(`${ctx.server.url}/api/templates`)).status).toBe(401);
  });

  it('rejects bad drafts and bad import files naming the field, and stores nothing from a bad file', async () => {
    const ann = await tokenOf({ mid: 'm1', uid: 'ann' });
    const noTitle = await call(ann, 'POST', '/api/templates', { draft: { ...choicePoll(), title: 'x'.repeat(121) } });
    expect(noTitle).toMatchObject({ status: 400, body: { error: { code: 'INVALID', field: 'draft.title' } } });
    const good = choicePoll({}, 'Good');
    const oneOption: PollDraftInput = {
      ...good,
      title: 'Bad',
      questions: [{ kind: 'single', prompt: 'Only one?', options: [{ label: 'One' }] }],
    };
    const bad = await call(ann, 'POST', '/api/templates/import', file([good, good, oneOption]));
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID', field: 'templates.2.questions.0.options' } },
    });
    expect(bad.body.error?.message).toMatch(/^templates\.2\.questions\.0\.options: /);
    // Rules beyond the schema are named the same way.
    const clash = {
      ...good,
      questions: [
        { ...good.questions[0]!, id: 'q' },
        { ...good.questions[0]!, id: 'q' },
      ],
    };
    expect((await call(ann, 'POST', '/api/templates/import', file([clash]))).body.error).toMatchObject({
      field: 'templates.0.questions.1.id',
    });
    expect((await call(ann, 'POST', '/api/templates/import', { templates: [good] })).body.error).toMatchObject({
      field: 'format',
    });
    expect(
      (
        await call(
          ann,
          'POST',
          '/api/templates/import',
          file([
            { ...good, id: 'x' },
            { ...good, id: 'x' },
          ]),
        )
      ).body.error,
    ).toMatchObject({ field: 'templates.1.id' });
    expect((await call(ann, 'PUT', '/api/templates/bad id!', { draft: good })).body.error).toMatchObject({
      field: 'id',
    });
    expect((await call(ann, 'GET', '/api/templates')).body.templates).toEqual([]);
  });

  it('exports a downloadable file that imports back without duplicates, and into another library', async () => {
    const [ann, bob] = await Promise.all([tokenOf({ mid: 'm1', uid: 'ann' }), tokenOf({ mid: 'm1', uid: 'bob' })]);
    const imported = await call(
      ann,
      'POST',
      '/api/templates/import',
      file([choicePoll({ anonymous: true }, 'One'), { ...choicePoll({}, 'Two'), id: 'two' }]),
    );
    expect(imported.status).toBe(200);
    expect(titles(imported.body.templates)).toEqual(['One', 'Two']);

    const res = await api(ctx.server, '/api/templates/export', ann);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="quorum-templates.json"');
    const exported = templatesFileSchema.parse(await res.json());
    expect(exported.templates.map((t) => t.title).sort()).toEqual(['One', 'Two']);
    expect(exported.templates.find((t) => t.title === 'One')?.settings.anonymous).toBe(true);

    await call(ann, 'POST', '/api/templates/import', exported);
    expect((await call(ann, 'GET', '/api/templates')).body.templates).toHaveLength(2);
    const intoBob = (await call(bob, 'POST', '/api/templates/import', exported)).body.templates!;
    const annList = (await call(ann, 'GET', '/api/templates')).body.templates!;
    const drafts = (list: Template[]) => list.map((t) => [t.id, t.draft]).sort();
    expect(drafts(intoBob)).toEqual(drafts(annList));
  });

  it('caps a library at its limit, telling how many there are', async () => {
    const ann = await tokenOf({ mid: 'm1', uid: 'ann' });
    const batch = (n: number, from: number) =>
      file(Array.from({ length: n }, (_, i) => ({ ...choicePoll({}, `T${from + i}`), id: `t${from + i}` })));
    expect((await call(ann, 'POST', '/api/templates/import', batch(TEMPLATE_LIMITS.perImport, 0))).status).toBe(200);
    expect((await call(ann, 'POST', '/api/templates/import', batch(TEMPLATE_LIMITS.perImport, 100))).status).toBe(200);
    const over = await call(ann, 'POST', '/api/templates', { draft: choicePoll() });
    expect(over).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID', message: expect.stringContaining(`at most ${TEMPLATE_LIMITS.perUser}`) } },
    });
    // Replacing one is still fine.
    expect((await call(ann, 'PUT', '/api/templates/t5', { draft: choicePoll({}, 'Renamed') })).status).toBe(200);
  });
});
