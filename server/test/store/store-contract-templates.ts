import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PollDraft } from '@quorum/shared';
import type { Store, TemplateRecord } from '../../src/store/types';

const draft = (title: string): PollDraft => ({
  title,
  questions: [
    {
      id: 'q1',
      kind: 'single',
      prompt: 'Pick one',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    },
  ],
  settings: { anonymous: false, resultsVisibility: 'live', allowAnswerChange: true, closeAfterSec: null },
});

const template = (ownerUid: string, id: string, at: number, title = `${id} by ${ownerUid}`): TemplateRecord => ({
  ownerUid,
  id,
  draft: draft(title),
  createdAt: at,
  updatedAt: at,
});

/** The poll library: per-user templates, upserts, all-or-nothing imports, deletion and erasure. */
export function describeTemplatesContract(open: () => Promise<Store>): void {
  describe('templates', () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps each user’s templates apart, newest update first', async () => {
      await store.templates.putMany([
        template('U1', 't1', 1_000),
        template('U1', 't2', 3_000),
        template('U2', 't1', 2_000),
      ]);
      expect((await store.templates.list('U1')).map((t) => t.id)).toEqual(['t2', 't1']);
      expect(await store.templates.list('U2')).toEqual([template('U2', 't1', 2_000)]);
      expect(await store.templates.get('U1', 't1')).toEqual(template('U1', 't1', 1_000));
      expect(await store.templates.get('U3', 't1')).toBeUndefined();
      expect([await store.templates.count('U1'), await store.templates.count('U3')]).toEqual([2, 0]);
    });

    it('replaces a template in place, keeping when it was created', async () => {
      await store.templates.putMany([template('U1', 't1', 1_000)]);
      await store.templates.putMany([{ ...template('U1', 't1', 5_000, 'Renamed'), createdAt: 5_000 }]);
      expect(await store.templates.get('U1', 't1')).toEqual({
        ...template('U1', 't1', 5_000, 'Renamed'),
        createdAt: 1_000,
      });
      expect(await store.templates.count('U1')).toBe(1);
    });

    it('deletes only the owner’s template and says whether there was one', async () => {
      await store.templates.putMany([template('U1', 't1', 1_000), template('U2', 't1', 1_000)]);
      expect(await store.templates.delete('U2', 't1')).toBe(true);
      expect(await store.templates.delete('U2', 't1')).toBe(false);
      expect(await store.templates.get('U1', 't1')).toBeDefined();
    });

    it('writes a batch all or nothing', async () => {
      const broken = { ...template('U1', 't2', 1_000), createdAt: null as unknown as number };
      await expect(store.templates.putMany([template('U1', 't1', 1_000), broken])).rejects.toThrow();
      expect(await store.templates.list('U1')).toEqual([]);
    });

    it('forgets a user’s templates when the user is erased', async () => {
      await store.templates.putMany([template('U1', 't1', 1_000), template('U2', 't1', 1_000)]);
      await store.zoomUsers.erase('U1', 'anon-1');
      expect(await store.templates.list('U1')).toEqual([]);
      expect(await store.templates.count('U2')).toBe(1);
    });
  });
}
