import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDatabase, SqlExecutor, SqlParam } from './sql.js';
import { CmdbError } from './errors.js';

/**
 * Embedded PostgreSQL (PGlite, WASM) with its data in a directory. A PGlite data directory must only
 * be opened by one process at a time: the store guards it with a lock file (see `FileLock`).
 */
export class PgliteDatabase implements SqlDatabase {
  readonly kind = 'pglite' as const;

  private constructor(private readonly db: PGlite) {}

  static async open(dataDir: string): Promise<PgliteDatabase> {
    try {
      mkdirSync(dataDir, { recursive: true });
      const db = await PGlite.create({ dataDir });
      return new PgliteDatabase(db);
    } catch (err) {
      throw new CmdbError('CMDB_OPEN', `cannot open the embedded CMDB in ${dataDir}: ${(err as Error).message}`, { dataDir }, { cause: err });
    }
  }

  async query<Row extends object>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
    return (await this.db.query<Row>(sql, params as unknown[])).rows;
  }

  async execScript(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction(async (t) =>
      fn({ query: async <Row extends object>(sql: string, params: readonly SqlParam[] = []) => (await t.query<Row>(sql, params as unknown[])).rows }),
    );
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
