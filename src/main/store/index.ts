// The store (better-sqlite3): books, import notices and the edit log in one SQLite file.
export { openStore, type OpenStoreOptions } from './store';
export { StoreError, storeMessages, type StoreErrorCode } from './errors';
export { isCanonicalDecimal } from './canonical';
export { migrations, LATEST_SCHEMA_VERSION, type Migration } from './migrations';
export { PROGRESS_EVERY } from './books';
export { MAX_EXPLANATION_LENGTH } from './explanations';
export type * from './types';
