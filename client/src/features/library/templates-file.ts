import {
  fail,
  ok,
  parseInput,
  TEMPLATES_FILE_FORMAT,
  templatesFileSchema,
  type Result,
  type TemplatesFile,
  type TemplatesFileInput,
} from '@quorum/shared';
import { translator } from '../../i18n';
import { describeField } from '../host/composer-model';
import type { LibraryDraft } from './draft-library';

/** What an export is saved as. */
export const TEMPLATES_FILE_NAME = 'quorum-templates.json';

/** Line and column (from 1) of a character offset in the text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Where JSON.parse stopped, as a sentence; JavaScript engines say "at position N" (V8, and SpiderMonkey's line/column). */
function notJson(text: string, error: unknown): string {
  const t = translator();
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  return position === undefined ? t('library.notJson') : t('library.notJsonAt', lineAndColumn(text, Number(position)));
}

/**
 * A schema error in the host's terms: "Poll 2 (“Retro”), question 1, options: …" rather than
 * "templates.1.questions.0.options: …".
 */
function describeFileError(json: unknown, field: string | undefined, message: string): string {
  const [, index, rest] = /^templates\.(\d+)(?:\.(.+))?$/.exec(field ?? '') ?? [];
  if (index === undefined) return message;
  const t = translator();
  const title = (json as { templates?: { title?: unknown }[] }).templates?.[Number(index)]?.title;
  const n = Number(index) + 1;
  const poll =
    typeof title === 'string' && title.trim()
      ? t('library.filePollTitled', { n, title })
      : t('library.filePoll', { n });
  const where = [poll, describeField(rest)].filter(Boolean).join(t('field.separator'));
  return t('common.titledDetail', { title: where, detail: message.replace(/^[\w.]+: /, '') });
}

/** Reads an import file's text: JSON first (saying where it breaks), then the shared schema, whose errors name the poll and field. */
export function readTemplatesFile(text: string): Result<{ json: unknown; file: TemplatesFile }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('INVALID', notJson(text, error));
  }
  const file = parseInput(templatesFileSchema, json);
  if (file.ok) return ok({ json, file: file.data });
  return fail('INVALID', describeFileError(json, file.error.field, file.error.message), file.error.field);
}

/** The library as an export file (what the server exports, built here when there is no account library). */
export function libraryFile(drafts: readonly LibraryDraft[], now = Date.now()): TemplatesFileInput {
  return {
    format: TEMPLATES_FILE_FORMAT,
    version: 1,
    exportedAt: now,
    templates: drafts.map((d) => ({ ...d.draft, id: d.id })),
  };
}
