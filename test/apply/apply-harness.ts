/**
 * Test bench for apply against real parts: an OpenSSH sshd on loopback, a fake Pigsty home
 * recording every call, a sealed git repository holding two revisions of an inventory, and
 * the CMDB store on PGlite.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplyDeps, ApplyRequest } from '../../src/apply/apply-environment.js';
import { inventoryUploadContent } from '../../src/apply/inventory-upload-content.js';
import type { ApplyAction, ApplyPlan } from '../../src/apply/ports.js';
import { RunEventBus, type RunEvent } from '../../src/apply/run-events.js';
import { SshExecutor } from '../../src/executor/ssh-executor.js';
import { GitRevisionProvider } from '../../src/git/revision-provider.js';
import { loadInventory } from '../../src/inventory/load.js';
import type { LoadedInventory } from '../../src/inventory/model.js';
import { createFakePigstyHome, type FakePigstyHome } from '../support/fake-pigsty-home.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startSshd, type TestSshd } from '../support/sshd.js';
import { openTestStore, type TestStore } from './open-test-store.js';

export const ENV = 'prod';
export const BASE_SECRET = 'Base-Adm1n-Secret';
export const TARGET_SECRET = "Target-S3cret 'Pa55'";

export const BASE_TEXT = `# prod inventory
all:
  vars:
    admin_ip: 10.10.10.10
    pg_admin_password: ${BASE_SECRET}
  children:
    pg-test:
      hosts:
        10.10.10.11: { pg_seq: 1, pg_role: primary }
      vars:
        pg_cluster: pg-test
`;

export const TARGET_TEXT = `# prod inventory
all:
  vars:
    admin_ip: 10.10.10.10
    pg_admin_password: ${BASE_SECRET}
  children:
    pg-test:
      hosts:
        10.10.10.11: { pg_seq: 1, pg_role: primary }
      vars:
        pg_cluster: pg-test
        pg_users:
          - { name: dbuser_app, password: "${TARGET_SECRET.replace(/"/g, '\\"')}" }
`;

export interface Bench {
  sshd: TestSshd;
  home: FakePigstyHome;
  repo: TempRepo;
  baseRev: string;
  targetRev: string;
  base: LoadedInventory;
  target: LoadedInventory;
  store: TestStore;
  events: RunEvent[];
  bus: RunEventBus;
  cleanup(): Promise<void>;
}

export async function startBench(created: string[]): Promise<Bench> {
  const sshd = await startSshd();
  const home = createFakePigstyHome();
  const repo = await createTempRepo(created);
  repo.write('environments/prod/pigsty.yml', BASE_TEXT);
  await repo.add();
  const baseRev = await repo.commit('base');
  repo.write('environments/prod/pigsty.yml', TARGET_TEXT);
  await repo.add();
  const targetRev = await repo.commit('target');
  const base = await loadAt(repo, baseRev);
  const target = await loadAt(repo, targetRev);
  const store = await openTestStore(created);
  // The node runs what was adopted: the base revision.
  writeFileSync(join(home.path, 'pigsty.yml'), BASE_TEXT);
  await store.adopt(ENV, baseRev, base);
  const bus = new RunEventBus();
  const events: RunEvent[] = [];
  bus.subscribe((e) => events.push(e));
  return {
    sshd,
    home,
    repo,
    baseRev,
    targetRev,
    base,
    target,
    store,
    events,
    bus,
    async cleanup() {
      await store.close();
      await sshd.stop();
      home.remove();
    },
  };
}

async function loadAt(repo: TempRepo, rev: string): Promise<LoadedInventory> {
  const provider = await GitRevisionProvider.open(repo.dir, rev, repo.env);
  const { loaded, diagnostics } = await loadInventory(provider, 'environments/prod');
  if (loaded === undefined) throw new Error(`fixture inventory does not load: ${JSON.stringify(diagnostics)}`);
  return loaded;
}

export function sshExecutorFor(sshd: TestSshd, overrides: Partial<ConstructorParameters<typeof SshExecutor>[0]> = {}): SshExecutor {
  return new SshExecutor({
    host: sshd.host,
    port: sshd.port,
    user: sshd.user,
    privateKeyPath: sshd.clientKeyPath,
    knownHostsPath: sshd.knownHostsPath,
    connectTimeoutMs: 5000,
    killGraceMs: 500,
    ...overrides,
  });
}

export function action(id: string, argv: string[], risk: ApplyAction['risk'] = 'safe', inventory: 'base' | 'target' = 'target'): ApplyAction {
  return { id, kind: argv[0]?.replace(/^.*\//, '') ?? '', argv, risk, reason: `test ${id}`, inventory };
}

export function planOf(bench: Bench, actions: ApplyAction[], valid = true): ApplyPlan {
  return { base: { label: 'base', revision: bench.baseRev }, target: { label: 'target', revision: bench.targetRev }, valid, diagnostics: [], actions };
}

export function requestFor(bench: Bench, plan: ApplyPlan, overrides: Partial<ApplyRequest> = {}): ApplyRequest {
  return {
    environment: { name: ENV, pigstyHome: bench.home.path, inventoryFile: 'pigsty.yml', stepTimeoutMs: 20000, pigstyCmdbSync: false },
    revision: bench.targetRev,
    document: bench.target.document,
    files: bench.target.files,
    upload: inventoryUploadContent(bench.target, bench.targetRev),
    baseUpload: async () => inventoryUploadContent(bench.base, bench.baseRev),
    secrets: [BASE_SECRET, TARGET_SECRET],
    planFrom: async () => ({ plan, planHash: `hash-of-${plan.actions.length}` }),
    allowDestroy: false,
    dryRun: false,
    waitForLock: false,
    trigger: 'test',
    actor: 'tester',
    pullRequest: undefined,
    ...overrides,
  };
}

export function depsFor(bench: Bench, connect: () => Promise<SshExecutor> = async () => sshExecutorFor(bench.sshd)): ApplyDeps {
  return { store: bench.store.store, connect, events: bench.bus, notes: undefined, now: () => new Date() };
}

export function homeFile(bench: Bench, name: string): string {
  return readFileSync(join(bench.home.path, name), 'utf8');
}
