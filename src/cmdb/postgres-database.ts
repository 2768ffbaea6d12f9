import pg from 'pg';
import type { SqlDatabase, SqlExecutor, SqlParam } from './sql.js';
import { CmdbError, redactUrl } from './errors.js';

/**
 * PostgreSQL through a node-postgres pool (`METADB_URL`).
 * Single statements (run and step progress, output) commit asynchronously (`synchronous_commit = off`):
 * a crash of the database may lose the last fraction of a second of progress, never corrupt it, and the
 * run is then marked interrupted. Transactions (applied state + Pigsty sync, run finish) commit durably.
 */
export class PostgresDatabase implements SqlDatabase {
  readonly kind = 'postgres' as const;

  private constructor(
    private readonly pool: pg.Pool,
    readonly url: string,
  ) {}

  static async open(url: string, options: { max?: number } = {}): Promise<PostgresDatabase> {
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 5, application_name: 'pigsty-gitops', options: '-c synchronous_commit=off' });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      client.release();
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new CmdbError('CMDB_OPEN', `cannot connect to the CMDB at ${redactUrl(url)}: ${(err as Error).message}`, { url: redactUrl(url) }, { cause: err });
    }
    return new PostgresDatabase(pool, url);
  }

  async query<Row extends object>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
    const result = await this.pool.query(sql, params as unknown[]);
    return result.rows as Row[];
  }

  async execScript(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: SqlExecutor = {
      query: async <Row extends object>(sql: string, params: readonly SqlParam[] = []) =>
        (await client.query(sql, params as unknown[])).rows as Row[],
    };
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL synchronous_commit = on');
      const result = await fn(tx);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
