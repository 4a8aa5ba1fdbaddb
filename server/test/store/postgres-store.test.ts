import { describeStoreContract } from './store-contract';
import { describeWithPostgres, openIsolatedStore } from '../../src/store/postgres/test-support';

// The same contract the SQLite store passes; every test gets its own schema, dropped when it closes.
describeWithPostgres('postgres', () => describeStoreContract('postgres', () => openIsolatedStore()));
