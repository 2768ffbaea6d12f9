/** The CMDB's public surface. */
export { openStore, CmdbStore, type StoreOptions } from './store.js';
export { LockBusyError, type EnvironmentLock, type LockOptions } from './environment-lock.js';
export { CmdbError } from './errors.js';
export { readPigstyInventory, syncPigstyCmdb } from './pigsty-sync.js';
export type * from './types.js';
