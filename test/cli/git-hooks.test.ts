import { spawnSync } from 'node:child_process';
import { copyFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import { createTempRepo, removeTempDirs, type TempRepo } from '../support/git-repo.js';
import { captureIo } from './capture-io.js';
import { PIGSTY_GITOPS_BIN, PROJECT_ROOT, requireBuiltCli } from './built-cli.js';
import { DUPLICATE_KEY_INVENTORY, DUPLICATE_KEY_LINE, VALID_INVENTORY } from './fixtures.js';

const created: string[] = [];
beforeAll(requireBuiltCli);
afterAll(() => removeTempDirs(created));

function git(repo: { dir: string; env: NodeJS.ProcessEnv }, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  return spawnSync('git', args, { cwd: repo.dir, env: { ...repo.env, ...extraEnv }, encoding: 'utf8' });
}

async function repoWithHook(): Promise<TempRepo> {
  const repo = await createTempRepo(created);
  repo.write('README.md', 'inventories\n');
  await repo.add();
  await repo.commit('init');
  expect(await main(['hooks', 'install'], captureIo(repo.dir, repo.env))).toBe(0);
  return repo;
}

describe('pre-commit hook (installed with hooks install)', () => {
  it('rejects a bad staged inventory even when the work tree copy was fixed', async () => {
    const repo = await repoWithHook();
    repo.write('environments/prod/pigsty.yml', DUPLICATE_KEY_INVENTORY);
    await repo.add('environments/prod/pigsty.yml');
    repo.write('environments/prod/pigsty.yml', VALID_INVENTORY); // fixed, but not staged
    const commit = git(repo, ['commit', '-m', 'add prod']);
    expect(commit.status).toBe(1);
    expect(commit.stderr).toContain(`INDEX:environments/prod/pigsty.yml${DUPLICATE_KEY_LINE}\n`);
    expect(commit.stderr).toContain('pigsty-gitops: commit rejected: the staged inventory is invalid');
    expect(git(repo, ['rev-list', '--count', 'HEAD']).stdout).toBe('1\n');
  });

  it('accepts the commit once the fix is staged, and ignores commits touching no inventory', async () => {
    const repo = await repoWithHook();
    repo.write('environments/prod/pigsty.yml', VALID_INVENTORY);
    await repo.add('environments/prod/pigsty.yml');
    const good = git(repo, ['commit', '-m', 'add prod']);
    expect(good.status).toBe(0);
    expect(good.stderr).toMatch(/^INDEX:environments\/prod: ok/m);
    // A broken inventory in the work tree does not matter when the commit does not touch it.
    repo.write('environments/prod/pigsty.yml', DUPLICATE_KEY_INVENTORY);
    repo.write('README.md', 'changed\n');
    await repo.add('README.md');
    const docs = git(repo, ['commit', '-m', 'docs']);
    expect(docs.status).toBe(0);
    expect(docs.stderr).not.toContain('pigsty-gitops');
  });

  it('validates the temporary index of `git commit <path>`', async () => {
    const repo = await repoWithHook();
    repo.write('environments/prod/pigsty.yml', VALID_INVENTORY);
    await repo.add();
    await repo.commit('prod');
    repo.write('environments/prod/pigsty.yml', DUPLICATE_KEY_INVENTORY);
    const commit = git(repo, ['commit', '-m', 'edit', 'environments/prod/pigsty.yml']);
    expect(commit.status).toBe(1);
    expect(commit.stderr).toContain('YAML002');
  });
});

describe('pre-commit hook in a new repository', () => {
  it('validates the first commit, before HEAD exists', async () => {
    const repo = await createTempRepo(created);
    expect(await main(['hooks', 'install'], captureIo(repo.dir, repo.env))).toBe(0);
    repo.write('environments/prod/pigsty.yml', DUPLICATE_KEY_INVENTORY);
    await repo.add();
    const commit = git(repo, ['commit', '-m', 'first']);
    expect(commit.status).toBe(1);
    expect(commit.stderr).toContain(`INDEX:environments/prod/pigsty.yml${DUPLICATE_KEY_LINE}\n`);
  });
});

describe('pre-receive hook on a bare repository', () => {
  async function server(): Promise<TempRepo> {
    const bare = await createTempRepo(created, { bare: true });
    const hook = join(bare.dir, 'hooks', 'pre-receive');
    copyFileSync(join(PROJECT_ROOT, 'hooks', 'pre-receive'), hook);
    chmodSync(hook, 0o755);
    return bare;
  }
  const pushEnv = { PIGSTY_GITOPS_BIN };

  it('rejects a push with an invalid inventory, printing the diagnostics, and accepts the fix', async () => {
    const bare = await server();
    const client = await createTempRepo(created);
    client.write('environments/prod/pigsty.yml', DUPLICATE_KEY_INVENTORY);
    await client.add();
    const bad = await client.commit('bad prod');
    const rejected = git(client, ['push', bare.dir, 'main'], pushEnv);
    expect(rejected.status).toBe(1);
    expect(rejected.stderr).toContain(`remote: ${bad.slice(0, 7)}:environments/prod/pigsty.yml${DUPLICATE_KEY_LINE}`);
    expect(rejected.stderr).toContain('remote: pigsty-gitops: refs/heads/main rejected: invalid inventory');
    expect(rejected.stderr).toContain('pre-receive hook declined');
    expect(git(bare, ['rev-parse', '--verify', '--quiet', 'refs/heads/main']).status).not.toBe(0);

    client.write('environments/prod/pigsty.yml', VALID_INVENTORY);
    await client.add();
    const fixed = await client.commit('fix prod');
    const accepted = git(client, ['push', bare.dir, 'main'], pushEnv);
    expect(accepted.status).toBe(0);
    expect(accepted.stderr).toMatch(/remote: [0-9a-f]{7}:environments\/prod: ok/);
    expect(git(bare, ['rev-parse', 'refs/heads/main']).stdout).toBe(`${fixed}\n`);
  });

  it('validates only what a push changes, and accepts branch deletions', async () => {
    const bare = await server();
    const client = await createTempRepo(created);
    client.write('environments/prod/pigsty.yml', VALID_INVENTORY);
    await client.add();
    await client.commit('prod');
    expect(git(client, ['push', bare.dir, 'main', 'main:refs/heads/feature'], pushEnv).status).toBe(0);
    client.write('notes.txt', 'no inventory here\n');
    await client.add();
    await client.commit('notes');
    const notes = git(client, ['push', bare.dir, 'main'], pushEnv);
    expect(notes.status).toBe(0);
    expect(notes.stderr).not.toContain('environments/prod');
    const deletion = git(client, ['push', bare.dir, ':refs/heads/feature'], pushEnv);
    expect(deletion.status).toBe(0);
    expect(git(bare, ['rev-parse', '--verify', '--quiet', 'refs/heads/feature']).status).not.toBe(0);
  });
});
