/**
 * The two CMDB backends every store test runs on: PGlite in a temp dir, and the real PostgreSQL
 * server of the jest global setup (a fresh database per opened store).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type CmdbStore, type StoreOptions } from '../../src/cmdb/store.js';
import { createTestDatabase } from '../support/postgres.js';

export interface BackendFixture {
  /** Options that open this backend's store (same database each time). */
  options: StoreOptions;
  cleanup(): Promise<void>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A new empty CMDB location. */
  create(prefix: string): Promise<BackendFixture>;
}

export const backends: Backend[] = [
  {
    name: 'pglite',
    async create(prefix) {
      const dir = mkdtempSync(join(tmpdir(), `pigsty-gitops-${prefix}-`));
      return {
        options: { url: undefined, dataDir: join(dir, 'cmdb') },
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'postgres',
    async create(prefix) {
      const db = await createTestDatabase(prefix);
      return { options: { url: db.url, dataDir: '/nonexistent' }, cleanup: db.drop };
    },
  },
];

/** Opens a fresh store on `backend`; `done()` closes it and removes its data. */
export async function freshStore(backend: Backend, prefix: string, extra: Partial<StoreOptions> = {}): Promise<{ store: CmdbStore; fixture: BackendFixture; done: () => Promise<void> }> {
  const fixture = await backend.create(prefix);
  const store = await openStore({ ...fixture.options, ...extra });
  return {
    store,
    fixture,
    done: async () => {
      await store.close();
      await fixture.cleanup();
    },
  };
}
