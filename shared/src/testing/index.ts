// Fixtures for tests only (`@quorum/shared/testing`); the production index does not export them.
export * from './questions';
export * from './polls';
