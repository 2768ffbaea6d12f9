/**
 * The apply lock on a real PostgreSQL CMDB: a second store (its own connections, as a second
 * process would have) holding the environment's lock makes apply refuse before touching anything.
 */
import { applyEnvironment, type ApplyRequest } from '../../src/apply/apply-environment.js';
import { ApplyLockedError } from '../../src/apply/apply-errors.js';
import { sha256Hex } from '../../src/apply/inventory-upload-content.js';
import { RunEventBus } from '../../src/apply/run-events.js';
import { openStore, type CmdbStore } from '../../src/cmdb/index.js';
import type { Executor } from '../../src/executor/executor.js';
import { createTestDatabase, testServerUrl } from '../support/postgres.js';

const describePg = testServerUrl() === undefined ? describe.skip : describe;
const REV_A = 'a'.repeat(40);
const REV_B = 'b'.repeat(40);

describePg('apply lock on PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let mine: CmdbStore;
  let other: CmdbStore;

  beforeEach(async () => {
    db = await createTestDatabase('apply_lock');
    mine = await openStore({ url: db.url, dataDir: '/nonexistent' });
    other = await openStore({ url: db.url, dataDir: '/nonexistent' });
    const document = { all: { children: {} } };
    await mine.adopt({ environment: 'prod', inventoryPath: 'environments/prod', revision: REV_A, document, files: [], actor: 't', pigstyCmdbSync: false });
  });

  afterEach(async () => {
    await mine.close();
    await other.close();
    await db.drop();
  });

  function request(): ApplyRequest {
    const text = 'all: {}\n';
    return {
      environment: { name: 'prod', pigstyHome: '/nonexistent/pigsty', inventoryFile: 'pigsty.yml', stepTimeoutMs: 1000, pigstyCmdbSync: false },
      revision: REV_B,
      document: { all: {} },
      files: [],
      upload: { text, sha256: sha256Hex(text), mode: 'verbatim' },
      secrets: [],
      planFrom: async () => ({ plan: { base: { label: 'a' }, target: { label: 'b' }, valid: true, diagnostics: [], actions: [] }, planHash: 'h' }),
      allowDestroy: false,
      dryRun: false,
      waitForLock: false,
      trigger: 'test',
      actor: undefined,
      pullRequest: undefined,
    };
  }

  const deps = (store: CmdbStore) => ({
    store,
    connect: async (): Promise<Executor> => {
      throw new Error('must not connect');
    },
    events: new RunEventBus(),
    notes: undefined,
    now: () => new Date(),
  });

  it('refuses while another session holds the lock, and proceeds once it is released', async () => {
    const held = await other.lockEnvironment('prod', { wait: false });
    expect(held).toBeDefined();
    const real = request();
    await expect(applyEnvironment(real, deps(mine))).rejects.toThrow(ApplyLockedError);
    await expect(applyEnvironment(real, deps(mine))).rejects.toThrow('environment prod is being applied by another process');
    expect(await mine.listRuns({ environment: 'prod' })).toHaveLength(1); // only the adopt run

    await held?.release();
    const outcome = await applyEnvironment(real, deps(mine));
    // An empty plan to a new revision still uploads: here the connection is refused by the test's connect().
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe('cannot reach the admin node: must not connect');
  });
});
