import { describe, expect, it } from 'vitest';
import { parseInput } from './parse';
import { TEMPLATES_FILE_FORMAT, templatesFileSchema, templateWriteSchema } from './template';

const draft = (title: string) => ({
  title,
  questions: [{ kind: 'single', prompt: 'Pick', options: [{ label: 'A' }, { label: 'B' }] }],
});
const file = (templates: unknown[]) => ({ format: TEMPLATES_FILE_FORMAT, version: 1, templates });

describe('templates file', () => {
  it('accepts drafts with or without ids and fills in the default settings', () => {
    const parsed = parseInput(templatesFileSchema, file([draft('One'), { ...draft('Two'), id: 'tpl-2' }]));
    expect(parsed.ok && parsed.data.templates.map((t) => [t.id, t.settings.resultsVisibility])).toEqual([
      [undefined, 'live'],
      ['tpl-2', 'live'],
    ]);
  });

  it('names the bad field of the bad template', () => {
    const bad = {
      ...draft('Three'),
      questions: [{ kind: 'single', prompt: 'Pick', options: [{ label: 'only one' }] }],
    };
    const parsed = parseInput(templatesFileSchema, file([draft('One'), draft('Two'), bad]));
    expect(parsed.ok ? null : parsed.error).toMatchObject({
      code: 'INVALID',
      field: 'templates.2.questions.0.options',
    });
    expect(parsed.ok ? '' : parsed.error.message).toMatch(/^templates\.2\.questions\.0\.options: /);
  });

  it('says plainly when the file is not a Quorum export, is empty or has unknown fields', () => {
    const other = parseInput(templatesFileSchema, { templates: [draft('x')] });
    expect(other.ok ? null : other.error).toMatchObject({
      field: 'format',
      message: expect.stringContaining('not a Quorum templates file'),
    });
    const empty = parseInput(templatesFileSchema, file([]));
    expect(empty.ok ? null : empty.error).toMatchObject({
      field: 'templates',
      message: 'templates: the file holds no templates',
    });
    const extra = parseInput(templatesFileSchema, file([{ ...draft('x'), colour: 'red' }]));
    expect(extra.ok ? null : extra.error.field).toBe('templates.0.colour');
  });

  it('validates a single write like a poll draft', () => {
    expect(parseInput(templateWriteSchema, { draft: draft('ok') }).ok).toBe(true);
    const parsed = parseInput(templateWriteSchema, { draft: { ...draft('x'), title: 'x'.repeat(121) } });
    expect(parsed.ok ? null : parsed.error.field).toBe('draft.title');
  });
});
