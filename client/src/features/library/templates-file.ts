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
import type { LibraryDraft } from './draft-library';

/** What an export is saved as. */
export const TEMPLATES_FILE_NAME = 'quorum-templates.json';

/** Reads an import file's text: JSON first, then the shared schema, whose errors name the bad field. */
export function readTemplatesFile(text: string): Result<{ json: unknown; file: TemplatesFile }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('INVALID', translator()('library.notJson'));
  }
  const file = parseInput(templatesFileSchema, json);
  return file.ok ? ok({ json, file: file.data }) : file;
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
