import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/cmdb/store.js';
import { CmdbError } from '../../src/cmdb/errors.js';
import { backends } from './backends.js';

describe.each(backends)('opening the CMDB on $name', (backend) => {
  it('applies the migrations exactly once when two stores open a new database at the same time', async () => {
    const fixture = await backend.create('open');
    try {
      if (backend.name === 'pglite') {
        // One process at a time: the second open waits for the first to close the data directory.
        const first = await openStore(fixture.options);
        const second = openStore({ ...fixture.options, openTimeoutMs: 20_000 });
        await first.close();
        const store = await second;
        expect(await store.migrate()).toEqual([]);
        await store.close();
      } else {
        const [a, b] = await Promise.all([openStore(fixture.options), openStore(fixture.options)]);
        const rows = await a.db.query<{ version: number }>('SELECT version FROM gitops.schema_migration');
        expect(rows.map((r) => r.version)).toEqual([1]);
        await a.close();
        await b.close();
      }
    } finally {
      await fixture.cleanup();
    }
  });
});

describe('the embedded CMDB', () => {
  it('refuses a second open of its data directory while the first is open, naming the holder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pigsty-gitops-busy-'));
    try {
      const first = await openStore({ url: undefined, dataDir: join(dir, 'cmdb') });
      const second = openStore({ url: undefined, dataDir: join(dir, 'cmdb'), openTimeoutMs: 200 });
      await expect(second).rejects.toMatchObject({ code: 'CMDB_BUSY', message: expect.stringContaining(`in use by process ${process.pid}`) });
      await expect(second).rejects.toBeInstanceOf(CmdbError);
      await first.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the PostgreSQL CMDB', () => {
  it('reports an unreachable server without the password', async () => {
    const open = openStore({ url: 'postgres://gitops:hunter2@127.0.0.1:1/cmdb', dataDir: '/nonexistent' });
    await expect(open).rejects.toMatchObject({ code: 'CMDB_OPEN' });
    await expect(open).rejects.toThrow('postgres://gitops:***@127.0.0.1:1/cmdb');
    await open.catch((err: Error) => expect(err.message).not.toContain('hunter2'));
  });
});
