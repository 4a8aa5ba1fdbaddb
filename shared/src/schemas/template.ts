import { z } from 'zod';
import { idSchema, pollDraftSchema } from './poll';

/** How many templates one Zoom user may keep, and how many one import file may carry. */
export const TEMPLATE_LIMITS = { perUser: 200, perImport: 100 } as const;

/** The `format` tag of an exported library, so an import can tell a Quorum file from any other JSON. */
export const TEMPLATES_FILE_FORMAT = 'quorum.templates';

/** A poll template: a draft kept in a Zoom user's library, ready to copy into any meeting. */
export const templateSchema = z.strictObject({
  id: idSchema,
  draft: pollDraftSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** `POST /api/templates` and `PUT /api/templates/:id`: the draft to keep. */
export const templateWriteSchema = z.strictObject({ draft: pollDraftSchema });

/** One template in an export file: the draft itself, plus its id so re-importing replaces instead of duplicating. */
export const templateFileEntrySchema = pollDraftSchema.extend({ id: idSchema.optional() });

/**
 * An exported library (`GET /api/templates/export`) and what `POST /api/templates/import` takes.
 * Errors name the field, e.g. `templates.2.questions.0.options`.
 */
export const templatesFileSchema = z.strictObject({
  format: z.literal(TEMPLATES_FILE_FORMAT, {
    error: `not a Quorum templates file: "format" must be "${TEMPLATES_FILE_FORMAT}"`,
  }),
  version: z.literal(1, { error: 'this templates file was written by a newer Quorum ("version" must be 1)' }),
  exportedAt: z.number().optional(),
  templates: z.array(templateFileEntrySchema).min(1, 'the file holds no templates').max(TEMPLATE_LIMITS.perImport),
});

/** A list of templates: `GET /api/templates` and the answer to an import. */
export const templateListSchema = z.object({ templates: z.array(templateSchema) });

/** The answer to a create or a replace. */
export const templateResponseSchema = z.object({ template: templateSchema });

/** The answer to `DELETE /api/templates/:id`. */
export const templateDeletedSchema = z.object({ id: z.string() });

export type Template = z.infer<typeof templateSchema>;
export type TemplateWrite = z.infer<typeof templateWriteSchema>;
export type TemplatesFile = z.infer<typeof templatesFileSchema>;
export type TemplatesFileInput = z.input<typeof templatesFileSchema>;
