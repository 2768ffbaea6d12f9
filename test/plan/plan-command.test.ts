import { main } from '../../src/cli.js';
import { captureIo } from '../cli/capture-io.js';
import { createTempRepo, removeTempDirs } from '../support/git-repo.js';
import { baseText, edit } from './plan-fixture.js';

const created: string[] = [];
afterAll(() => removeTempDirs(created));

describe('pigsty-gitops plan', () => {
  it('plans a git revision against the same path at an older one, exit 0', async () => {
    const repo = await createTempRepo(created);
    repo.write('environments/prod/pigsty.yml', baseText);
    await repo.add();
    const first = await repo.commit('base');
    repo.write('environments/prod/pigsty.yml', edit(baseText, 'password: App.Secret.2', 'password: App.Rotated.8'));
    await repo.add();
    const second = await repo.commit('rotate');
    const io = captureIo(repo.dir, repo.env);
    const code = await main(['plan', '--format', 'json', '--env', 'prod', '--base', `git:${first}`, `git:${second}:environments/prod`], io);
    expect(code).toBe(0);
    const plan = JSON.parse(io.stdoutText()) as { env: string; base: { revision: string }; target: { revision: string }; actions: { argv: string[] }[] };
    expect(plan.env).toBe('prod');
    expect(plan.base.revision).toBe(first);
    expect(plan.target.revision).toBe(second);
    expect(plan.actions.map((a) => a.argv)).toEqual([['bin/pgsql-user', 'pg-test', 'dbuser_app']]);
    expect(io.stdoutText()).not.toContain('App.Rotated.8');
  });

  it('plans from an empty base when --base is omitted, and prints nothing to do for an unchanged file', async () => {
    const repo = await createTempRepo(created);
    repo.write('pigsty.yml', baseText);
    const empty = captureIo(repo.dir, repo.env);
    expect(await main(['plan', 'pigsty.yml'], empty)).toBe(0);
    expect(empty.stdoutText()).toContain('a01  ./infra.yml -l infra');
    const same = captureIo(repo.dir, repo.env);
    expect(await main(['plan', '--base', 'pigsty.yml', 'pigsty.yml'], same)).toBe(0);
    expect(same.stdoutText()).toContain('No changes: nothing to do.');
  });

  it('exits 1 with file:line diagnostics for an invalid target, 2 for a missing file', async () => {
    const repo = await createTempRepo(created);
    repo.write('base.yml', baseText);
    repo.write('bad.yml', edit(baseText, 'pg_role: replica }\n        10.10.10.13', 'pg_role: leader }\n        10.10.10.13'));
    const bad = captureIo(repo.dir, repo.env);
    expect(await main(['plan', '--format', 'markdown', '--base', 'base.yml', 'bad.yml'], bad)).toBe(1);
    expect(bad.stdoutText()).toContain('The target inventory is invalid');
    expect(bad.stdoutText()).toMatch(/`bad\.yml:29:\d+`/);
    const missing = captureIo(repo.dir, repo.env);
    expect(await main(['plan', '--base', 'base.yml', 'nope.yml'], missing)).toBe(2);
    expect(missing.stderrText()).toContain('no such file or directory: nope.yml');
  });
});
