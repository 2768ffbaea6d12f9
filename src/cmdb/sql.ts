/**
 * The narrow SQL surface the store uses, implemented by PGlite (embedded) and node-postgres (METADB_URL).
 * Parameters are positional (`$1`); JSON values are passed as text and cast (`$1::jsonb`);
 * 64-bit integers are selected as text (`id::text`) so both drivers return the same JavaScript types.
 */
export type SqlParam = string | number | boolean | null | Date | readonly string[];

export interface SqlExecutor {
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
}

export interface SqlDatabase extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  /** Runs a script of several statements (no parameters), e.g. Pigsty's files/cmdb.sql. */
  execScript(sql: string): Promise<void>;
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
