import { main } from '../../src/cli.js';
import type { CommandIo } from '../../src/commands/command.js';
import type { AuditReport } from '../../src/cmdb/audit-report.js';
import { openStore } from '../../src/cmdb/store.js';
import { createTempRepo, removeTempDirs, type TempRepo } from '../support/git-repo.js';
import { backends } from './backends.js';

const inventory = (version: number): string => `all:
  vars:
    admin_ip: 10.10.10.10
    version: v${version}
  children:
    pg-test:
      hosts:
        10.10.10.11: { pg_seq: 1, pg_role: primary }
      vars:
        pg_cluster: pg-test
`;

function captureIo(cwd: string, env: NodeJS.ProcessEnv): CommandIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTty: false, cwd, env };
}

describe.each(backends)('adopt and audit end to end on $name', (backend) => {
  const created: string[] = [];
  afterAll(() => removeTempDirs(created));

  it('adopts a revision without running anything, notes it in git (pushed to origin) and audits the history', async () => {
    const fixture = await backend.create('adopt');
    try {
      const remote = await createTempRepo(created, { bare: true });
      const repo: TempRepo = await createTempRepo(created);
      await repo.git.raw(['remote', 'add', 'origin', remote.dir]);
      repo.write('environments/prod/pigsty.yml', inventory(1));
      await repo.add();
      const c1 = await repo.commit('prod: first inventory');
      repo.write('README.md', 'not the inventory\n');
      await repo.add();
      await repo.commit('docs only');
      repo.write('environments/prod/pigsty.yml', inventory(2));
      await repo.add();
      const c3 = await repo.commit('prod: v2');
      await repo.git.raw(['push', '--quiet', 'origin', 'main']);

      const env = { ...repo.env, USER: 'carol', ...(fixture.options.url === undefined ? {} : { METADB_URL: fixture.options.url }) };
      const dataEnv = env;

      const adoptIo = captureIo(repo.dir, dataEnv);
      expect(await main(['adopt', 'prod', '--rev', c1, '--format', 'json'], adoptIo)).toBe(0);
      const adopted = JSON.parse(adoptIo.out.join('')) as { runId: string; revision: string };
      expect(adopted.revision).toBe(c1);

      // Adopting again is refused without --force.
      const againIo = captureIo(repo.dir, dataEnv);
      expect(await main(['adopt', 'prod', '--rev', c3], againIo)).toBe(1);
      expect(againIo.err.join('')).toContain(`prod already has an applied revision ${c1.slice(0, 7)}`);

      const note = (await repo.git.raw(['notes', '--ref=refs/notes/pigsty-gitops', 'show', c1])).trim();
      expect(note).toMatch(new RegExp(`^pigsty-gitops: environment=prod status=succeeded run=${adopted.runId} time=\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z$`));
      const remoteNotes = await remote.git.raw(['notes', '--ref=refs/notes/pigsty-gitops', 'show', c1]);
      expect(remoteNotes.trim()).toBe(note);

      const auditIo = captureIo(repo.dir, dataEnv);
      expect(await main(['audit', 'prod', '--format', 'json'], auditIo)).toBe(0);
      const report = JSON.parse(auditIo.out.join('')) as AuditReport;
      expect(report.currentRevision).toBe(c1);
      expect(report.commits.map((c) => [c.commit, c.subject, c.applied, c.current, c.runs.length])).toEqual([
        [c3, 'prod: v2', false, false, 0],
        [c1, 'prod: first inventory', true, true, 1],
      ]);
      expect(report.commits[1]?.appliedBy).toMatchObject({ id: adopted.runId, status: 'succeeded', trigger: 'adopt', actor: 'carol' });

      const textIo = captureIo(repo.dir, dataEnv);
      expect(await main(['audit', 'prod'], textIo)).toBe(0);
      const lines = textIo.out.join('').split('\n');
      expect(lines[0]).toBe('audit of prod (environments/prod)');
      expect(lines[1]).toBe(`  ${c3.slice(0, 7)} ${report.commits[0]?.date.slice(0, 10)} never run — prod: v2 (Test Author)`);
      expect(lines[2]).toMatch(new RegExp(`^\\* ${c1.slice(0, 7)} \\S+ applied \\S+ run ${adopted.runId} succeeded \\(adopt\\) by carol — prod: first inventory \\(Test Author\\)$`));

      const futureIo = captureIo(repo.dir, dataEnv);
      expect(await main(['audit', 'prod', '--since', '2099-01-01', '--format', 'json'], futureIo)).toBe(0);
      expect((JSON.parse(futureIo.out.join('')) as AuditReport).commits).toEqual([]);

      const store = await openStore({ url: fixture.options.url, dataDir: `${repo.dir}/.pigsty-gitops/cmdb` });
      try {
        const state = await store.appliedState('prod');
        expect(state?.revision).toBe(c1);
        expect(state?.document.all.vars).toEqual({ admin_ip: '10.10.10.10', version: 'v1' });
        expect(state?.files.map((f) => f.text)).toEqual([inventory(1)]);
        expect(await store.listSteps(adopted.runId)).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      await fixture.cleanup();
    }
  });
});
