import { randomUUID } from 'node:crypto';
import {
  fail,
  normalizeDraft,
  ok,
  TEMPLATE_LIMITS,
  TEMPLATES_FILE_FORMAT,
  type PollDraft,
  type Result,
  type Template,
  type TemplatesFile,
} from '@quorum/shared';
import type { Store, TemplateRecord } from '../store/types';

/** One template to write, and where its draft sits in the request (for error fields). */
interface Write {
  id: string;
  draft: PollDraft;
  field: string;
}

const toTemplate = ({ id, draft, createdAt, updatedAt }: TemplateRecord): Template => ({
  id,
  draft,
  createdAt,
  updatedAt,
});

/** `prefix.rest` for a field inside a nested draft; the prefix alone when the error names none. */
const under = (prefix: string, field: string | undefined) => (field ? `${prefix}.${field}` : prefix);

/**
 * The poll library of each Zoom user. Drafts pass the same rules as `poll:create` (ids are filled in
 * here, so a template copied into a meeting needs no further checks), and every write of a request
 * is stored in one transaction: an import is all or nothing.
 */
export class TemplateService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => randomUUID().replaceAll('-', ''),
  ) {}

  /** The user's templates, most recently changed first. */
  async list(uid: string): Promise<Template[]> {
    return (await this.store.templates.list(uid)).map(toTemplate);
  }

  /** A new template with a fresh id. */
  async create(uid: string, draft: PollDraft): Promise<Result<Template>> {
    return this.single(await this.write(uid, [{ id: this.newId(), draft, field: 'draft' }]));
  }

  /** Creates or replaces the template with this id (idempotent, so clients can retry a save). */
  async put(uid: string, id: string, draft: PollDraft): Promise<Result<Template>> {
    return this.single(await this.write(uid, [{ id, draft, field: 'draft' }]));
  }

  /** Deletes the template; resolves with its id. */
  async remove(uid: string, id: string): Promise<Result<string>> {
    return (await this.store.templates.delete(uid, id))
      ? ok(id)
      : fail('NOT_FOUND', 'no such template in your library');
  }

  /** Adds the file's templates; one that carries the id of an existing template replaces it. */
  async importFile(uid: string, file: TemplatesFile): Promise<Result<Template[]>> {
    const writes = file.templates.map(({ id, ...draft }, i) => ({
      id: id ?? this.newId(),
      draft,
      field: `templates.${i}`,
    }));
    const seen = new Set<string>();
    for (const [i, w] of writes.entries()) {
      if (seen.has(w.id))
        return fail('INVALID', `templates.${i}.id: the id ${w.id} is listed twice`, `templates.${i}.id`);
      seen.add(w.id);
    }
    return this.write(uid, writes);
  }

  /** The whole library as a file `importFile` takes back. */
  async exportFile(uid: string): Promise<TemplatesFile> {
    const records = await this.store.templates.list(uid);
    return {
      format: TEMPLATES_FILE_FORMAT,
      version: 1,
      exportedAt: this.now(),
      templates: records.map((r) => ({ id: r.id, ...r.draft })),
    };
  }

  private single(result: Result<Template[]>): Result<Template> {
    return result.ok ? ok(result.data[0]!) : result;
  }

  /** Checks every draft, then the library's size, then stores them all at once. */
  private async write(uid: string, writes: readonly Write[]): Promise<Result<Template[]>> {
    const drafts: PollDraft[] = [];
    for (const w of writes) {
      const normalized = normalizeDraft(w.draft, this.newId);
      if (!normalized.ok) {
        const field = under(w.field, normalized.error.field);
        return fail('INVALID', `${field}: ${normalized.error.message}`, field);
      }
      drafts.push(normalized.data);
    }
    const existing = new Map((await this.store.templates.list(uid)).map((r) => [r.id, r]));
    const added = writes.filter((w) => !existing.has(w.id)).length;
    // Checked before writing, not under a lock: two racing imports may overshoot a little, which is harmless.
    if (existing.size + added > TEMPLATE_LIMITS.perUser) {
      return fail(
        'INVALID',
        `a library holds at most ${TEMPLATE_LIMITS.perUser} templates; delete some first (you have ${existing.size})`,
        'templates',
      );
    }
    const at = this.now();
    const records = writes.map((w, i): TemplateRecord => ({
      ownerUid: uid,
      id: w.id,
      draft: drafts[i]!,
      createdAt: existing.get(w.id)?.createdAt ?? at,
      updatedAt: at,
    }));
    await this.store.templates.putMany(records);
    return ok(records.map(toTemplate));
  }
}
