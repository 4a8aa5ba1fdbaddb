import { expect, it } from 'vitest';
import { openStore } from './open-store';
import { adminQuery, describeWithPostgres, dropSchema, freshSchema, PG_TEST_URL } from './postgres/test-support';

describeWithPostgres('openStore', () => {
  it('opens SQLite for sqlite: URLs', async () => {
    const store = await openStore('sqlite::memory:');
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
  });

  it('opens PostgreSQL for postgres:// and postgresql:// URLs', async () => {
    for (const url of [PG_TEST_URL, PG_TEST_URL.replace(/^postgres(ql)?:/, 'postgresql:')]) {
      const schema = freshSchema();
      try {
        const store = await openStore(url, { schema });
        await store.meetingSettings.put('m1', { coHostsMayRun: false }, 1);
        await store.close();
        expect(await adminQuery(`SELECT co_hosts_may_run FROM ${schema}.meeting_settings`)).toEqual([
          { co_hosts_may_run: false },
        ]);
      } finally {
        await dropSchema(schema);
      }
    }
  });

  it('names what it supports when given anything else', async () => {
    await expect(openStore('mysql://localhost/quorum')).rejects.toThrow(/unsupported database "mysql".*postgres:\/\//);
  });
});
