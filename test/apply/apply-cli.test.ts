/**
 * `pigsty-gitops apply` end to end: a configuration file, a real git repository, the CMDB on PGlite,
 * a real sshd and a fake Pigsty home; the real validator and planner build what runs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import type { CommandIo } from '../../src/commands/command.js';
import { openStore } from '../../src/cmdb/index.js';
import { GitRevisionProvider } from '../../src/git/revision-provider.js';
import { loadInventory } from '../../src/inventory/load.js';
import { createFakePigstyHome, type FakePigstyHome } from '../support/fake-pigsty-home.js';
import { createTempRepo, makeTempDir, removeTempDirs, type TempRepo } from '../support/git-repo.js';
import { sshdAvailable, startSshd, type TestSshd } from '../support/sshd.js';
import { BASE_SECRET, BASE_TEXT, TARGET_SECRET, TARGET_TEXT } from './apply-harness.js';

const describeSsh = sshdAvailable() ? describe : describe.skip;

interface Captured {
  io: CommandIo;
  out: () => string;
  err: () => string;
}

function capture(repo: TempRepo, tty = false): Captured {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTty: tty, cwd: repo.dir, env: { ...repo.env, METADB_URL: '' } },
    out: () => out,
    err: () => err,
  };
}

describeSsh('pigsty-gitops apply', () => {
  const created: string[] = [];
  let sshd: TestSshd;
  let home: FakePigstyHome;
  let repo: TempRepo;
  let baseRev: string;
  let configPath: string;
  let dataDir: string;

  beforeEach(async () => {
    sshd = await startSshd();
    home = createFakePigstyHome();
    repo = await createTempRepo(created);
    repo.write('environments/prod/pigsty.yml', BASE_TEXT);
    await repo.add();
    baseRev = await repo.commit('base');
    repo.write('environments/prod/pigsty.yml', TARGET_TEXT);
    await repo.add();
    await repo.commit('add dbuser_app');
    writeFileSync(join(home.path, 'pigsty.yml'), BASE_TEXT);
    dataDir = join(makeTempDir('cli-cmdb', created), 'cmdb');
    configPath = join(makeTempDir('cli-config', created), 'pigsty-gitops.yml');
    writeFileSync(
      configPath,
      [
        'repo:',
        `  path: ${repo.dir}`,
        'cmdb:',
        `  data_dir: ${dataDir}`,
        'environments:',
        '  prod:',
        `    pigsty_home: ${home.path}`,
        '    ssh:',
        `      host: ${sshd.host}`,
        `      port: ${sshd.port}`,
        `      user: ${sshd.user}`,
        `      key_file: ${sshd.clientKeyPath}`,
        `      known_hosts: ${sshd.knownHostsPath}`,
        '',
      ].join('\n'),
    );
  });

  afterEach(async () => {
    await sshd.stop();
    home.remove();
    removeTempDirs(created);
  });

  async function adoptBase(): Promise<void> {
    const store = await openStore({ url: undefined, dataDir });
    try {
      const provider = await GitRevisionProvider.open(repo.dir, baseRev, repo.env);
      const { loaded } = await loadInventory(provider, 'environments/prod');
      if (loaded === undefined) throw new Error('base fixture does not load');
      await store.adopt({ environment: 'prod', inventoryPath: 'environments/prod', revision: baseRev, document: loaded.document, files: loaded.files, actor: 't', pigstyCmdbSync: false });
    } finally {
      await store.close();
    }
  }

  it('applies the planned user change, printing plain progress lines and no secret', async () => {
    await adoptBase();
    home.control('pgsql-user', { echo: `set password ${TARGET_SECRET}` });
    const c = capture(repo);
    const code = await main(['apply', 'prod', '--config', configPath], c.io);

    expect(c.err()).toBe('');
    expect(code).toBe(0);
    expect(home.calls().map((call) => call.argv)).toEqual([['bin/pgsql-user', 'pg-test', 'dbuser_app']]);
    expect(c.out()).toContain('step 1/1: bin/pgsql-user pg-test dbuser_app\n');
    expect(c.out()).toContain('  set password ******\n');
    expect(c.out()).toContain('step 1/1 succeeded');
    expect(c.out()).not.toContain(TARGET_SECRET);
    expect(c.out()).not.toContain(BASE_SECRET);
    expect(readFileSync(join(home.path, 'pigsty.yml'), 'utf8')).toBe(TARGET_TEXT);
    const note = await repo.git.raw(['notes', '--ref=refs/notes/pigsty-gitops', 'show', 'HEAD']);
    expect(note).toMatch(/^pigsty-gitops: environment=prod status=succeeded run=\d+ time=\S+\n$/);

    const again = capture(repo);
    expect(await main(['apply', 'prod', '--config', configPath], again.io)).toBe(0);
    expect(again.out()).toContain('up-to-date');
    expect(home.calls()).toHaveLength(1);
  });

  it('dry run in JSON lists the actions and runs nothing', async () => {
    await adoptBase();
    const c = capture(repo);
    const code = await main(['apply', 'prod', '--config', configPath, '--dry-run', '--format', 'json'], c.io);

    expect(code).toBe(0);
    const json = JSON.parse(c.out()) as { status: string; actions: { argv: string[]; risk: string }[]; upload: unknown };
    expect(json.status).toBe('dry-run');
    expect(json.actions.map((a) => a.argv)).toEqual([['bin/pgsql-user', 'pg-test', 'dbuser_app']]);
    expect(json.upload).toBeNull();
    expect(home.calls()).toEqual([]);
    expect(readFileSync(join(home.path, 'pigsty.yml'), 'utf8')).toBe(BASE_TEXT);
  });

  it('exits 1 with the failing step and its output tail when a step fails', async () => {
    await adoptBase();
    home.control('pgsql-user', { fail: 4 });
    const c = capture(repo);
    const code = await main(['apply', 'prod', '--config', configPath], c.io);

    expect(code).toBe(1);
    expect(c.out()).toContain(`failed — step 1/1 (bin/pgsql-user pg-test dbuser_app) exited with code 4; applied state stays at ${baseRev}`);
    expect(c.out()).toContain('  pgsql-user: failing with exit code 4');
    const note = await repo.git.raw(['notes', '--ref=refs/notes/pigsty-gitops', 'show', 'HEAD']);
    expect(note).toContain('environment=prod status=failed run=');
  });

  it('refuses with a hint to adopt when nothing was ever applied', async () => {
    const c = capture(repo);
    const code = await main(['apply', 'prod', '--config', configPath], c.io);

    expect(code).toBe(1);
    expect(c.err()).toContain('pigsty-gitops adopt prod --rev <revision>');
    expect(home.calls()).toEqual([]);
  });

  it('exits 2 on a changed host key and runs nothing', async () => {
    await adoptBase();
    const other = await startSshd();
    writeFileSync(sshd.knownHostsPath, `[127.0.0.1]:${sshd.port} ${other.knownHostsLine.split(' ').slice(1).join(' ')}\n`);
    await other.stop();
    const c = capture(repo);
    const code = await main(['apply', 'prod', '--config', configPath], c.io);

    expect(code).toBe(2);
    expect(c.out()).toContain('does not match the pinned key');
    expect(home.calls()).toEqual([]);
  });

  it('reports a run left running by a crash as interrupted, never resumes it, and re-plans from the applied state', async () => {
    await adoptBase();
    const store = await openStore({ url: undefined, dataDir });
    const crashed = await store.createRun({ environment: 'prod', revision: 'f'.repeat(40), baseRevision: baseRev, trigger: 'cli', actor: 't', pullRequest: undefined });
    await store.startRun(crashed, new Date());
    await store.close();

    const c = capture(repo);
    expect(await main(['apply', 'prod', '--config', configPath], c.io)).toBe(0);
    expect(c.err()).toBe(`pigsty-gitops: run ${crashed} (prod at ${'f'.repeat(40)}) was interrupted by a crash; it is not resumed — the next apply re-plans from the last applied state\n`);
    expect(home.calls().map((call) => call.argv)).toEqual([['bin/pgsql-user', 'pg-test', 'dbuser_app']]);
    const reopened = await openStore({ url: undefined, dataDir });
    try {
      expect((await reopened.getRun(crashed))?.status).toBe('interrupted');
    } finally {
      await reopened.close();
    }
  });

  it('refuses a real plan that removes a cluster without --allow-destroy, and runs the removal against the base inventory with it', async () => {
    const withOld = BASE_TEXT.replace(
      '        pg_cluster: pg-test\n',
      '        pg_cluster: pg-test\n    pg-old:\n      hosts:\n        10.10.10.21: { pg_seq: 1, pg_role: primary }\n      vars:\n        pg_cluster: pg-old\n',
    );
    repo.write('environments/prod/pigsty.yml', withOld);
    await repo.add();
    const oldRev = await repo.commit('with pg-old');
    repo.write('environments/prod/pigsty.yml', BASE_TEXT);
    await repo.add();
    await repo.commit('remove pg-old');
    baseRev = oldRev;
    writeFileSync(join(home.path, 'pigsty.yml'), withOld);
    await adoptBase();

    const refused = capture(repo);
    expect(await main(['apply', 'prod', '--config', configPath], refused.io)).toBe(1);
    expect(refused.out()).toContain(
      ': refused — the plan has 2 destructive action(s) (bin/pgsql-rm pg-old; bin/node-rm pg-old); re-run with --allow-destroy to run them\n',
    );
    expect(home.calls()).toEqual([]);
    expect(readFileSync(join(home.path, 'pigsty.yml'), 'utf8')).toBe(withOld);

    const allowed = capture(repo);
    expect(await main(['apply', 'prod', '--config', configPath, '--allow-destroy'], allowed.io)).toBe(0);
    expect(home.calls().map((call) => call.argv)).toEqual([
      ['bin/pgsql-rm', 'pg-old'],
      ['bin/node-rm', 'pg-old'],
    ]);
    expect(readFileSync(join(home.path, `pigsty.base-${oldRev.slice(0, 12)}.yml`), 'utf8')).toBe(withOld);
    expect(readFileSync(join(home.path, 'pigsty.yml'), 'utf8')).toBe(BASE_TEXT);
  });

  it('rewrites one status line on a terminal', async () => {
    await adoptBase();
    const c = capture(repo, true);
    expect(await main(['apply', 'prod', '--config', configPath], c.io)).toBe(0);
    expect(c.out()).toContain('\r\u001b[2K[1/1 ');
    expect(c.out()).toContain('step 1/1 bin/pgsql-user pg-test dbuser_app succeeded');
  });
});
