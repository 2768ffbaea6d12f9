import pg from 'pg';
import { LOCK_NAMESPACE } from './migrate.js';
import { lockKey, sleep, type EnvironmentLock, type EnvironmentLocker, type LockOptions } from './environment-lock.js';

const POLL_MS = 200;

/**
 * Session-level advisory locks, each on its own dedicated connection (not the pool): the lock lives
 * exactly as long as that connection, so PostgreSQL releases it when the holder process dies or its
 * connection drops. `onLost` is called when a held lock's connection breaks.
 */
export class PostgresLocker implements EnvironmentLocker {
  constructor(
    private readonly url: string,
    private readonly onLost: (environment: string, error: Error) => void = () => undefined,
  ) {}

  async tryLock(environment: string, options: LockOptions): Promise<EnvironmentLock | undefined> {
    const client = new pg.Client({ connectionString: this.url, application_name: `pigsty-gitops lock ${environment}` });
    let released = false;
    client.on('error', (err) => {
      if (!released) this.onLost(environment, err);
    });
    await client.connect();
    const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
    try {
      for (;;) {
        const rows = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [LOCK_NAMESPACE, lockKey(environment)])).rows;
        if (rows[0]?.locked === true) break;
        if (!options.wait || Date.now() + POLL_MS > deadline) {
          released = true;
          await client.end();
          return undefined;
        }
        await sleep(POLL_MS);
      }
    } catch (err) {
      released = true;
      await client.end().catch(() => undefined);
      throw err;
    }
    return {
      environment,
      release: async () => {
        if (released) return;
        released = true;
        // Closing the session releases its advisory locks.
        await client.end().catch(() => undefined);
      },
    };
  }
}
