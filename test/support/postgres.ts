/**
 * The real PostgreSQL server of the tests: started once by the jest global setup (global-setup.ts),
 * its admin URL shared with workers through PIGSTY_GITOPS_TEST_PG_URL. Each test file creates its own
 * database with `createTestDatabase` to stay isolated.
 */
import pg from 'pg';

export const PG_URL_ENV = 'PIGSTY_GITOPS_TEST_PG_URL';

/** The test server's admin URL, or undefined when the global setup did not start one. */
export function testServerUrl(): string | undefined {
  const url = process.env[PG_URL_ENV];
  return url === undefined || url === '' ? undefined : url;
}

/** Creates a fresh database on the test server and returns its URL; `drop()` removes it. */
export async function createTestDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = testServerUrl();
  if (admin === undefined) throw new Error(`${PG_URL_ENV} is not set: the jest global setup starts the server`);
  const name = `${prefix.replace(/[^a-z0-9_]/g, '_')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
