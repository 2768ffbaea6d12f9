import { main } from '../../src/cli.js';
import type { AuditReport } from '../../src/cmdb/audit-report.js';
import type { CommandIo } from '../../src/commands/command.js';
import { createTempRepo, removeTempDirs } from '../support/git-repo.js';
import { backends } from './backends.js';

const inventory = (version: number): string =>
  `all:\n  vars:\n    admin_ip: 10.10.10.10\n    version: v${version}\n  children:\n    pg-test:\n      hosts:\n        10.10.10.11: { pg_seq: 1, pg_role: primary }\n      vars:\n        pg_cluster: pg-test\n`;

function captureIo(cwd: string, env: NodeJS.ProcessEnv): CommandIo & { out: string[] } {
  const out: string[] = [];
  return { out, stdout: (t) => out.push(t), stderr: () => undefined, isTty: false, cwd, env };
}

describe.each(backends)('audit of a branch that merges pull requests, on $name', (backend) => {
  const created: string[] = [];
  afterAll(() => removeTempDirs(created));

  it('lists the merge commits of the deployment branch and joins a run at a later revision to the commit it deploys', async () => {
    const fixture = await backend.create('audit-merges');
    try {
      const repo = await createTempRepo(created);
      repo.write('environments/prod/pigsty.yml', inventory(1));
      await repo.add();
      const first = await repo.commit('prod: first inventory');
      await repo.git.raw(['checkout', '--quiet', '-b', 'pr-2']);
      repo.write('environments/prod/pigsty.yml', inventory(2));
      await repo.add();
      const branchCommit = await repo.commit('prod: v2 on a branch');
      await repo.git.raw(['checkout', '--quiet', 'main']);
      await repo.git.raw(['merge', '--quiet', '--no-ff', '-m', 'Merge pull request #2', 'pr-2']);
      const merge = (await repo.git.raw(['rev-parse', 'HEAD'])).trim();
      repo.write('README.md', 'docs only\n');
      await repo.add();
      const docsOnly = await repo.commit('docs only');

      const env = { ...repo.env, USER: 'dave', ...(fixture.options.url === undefined ? {} : { METADB_URL: fixture.options.url }) };
      // The deployment is adopted at the branch tip, a commit that did not touch the inventory itself.
      expect(await main(['adopt', 'prod', '--rev', docsOnly], captureIo(repo.dir, env))).toBe(0);

      const io = captureIo(repo.dir, env);
      expect(await main(['audit', 'prod', '--format', 'json'], io)).toBe(0);
      const report = JSON.parse(io.out.join('')) as AuditReport;
      expect(report.commits.map((c) => [c.subject, c.applied, c.current])).toEqual([
        ['Merge pull request #2', true, true],
        ['prod: first inventory', false, false],
      ]);
      expect(report.commits.map((c) => c.commit)).toEqual([merge, first]);
      expect(report.commits.map((c) => c.commit)).not.toContain(branchCommit);
      expect(report.commits[0]?.appliedBy).toMatchObject({ revision: docsOnly, trigger: 'adopt', actor: 'dave' });

      const text = captureIo(repo.dir, env);
      expect(await main(['audit', 'prod'], text)).toBe(0);
      expect(text.out.join('').split('\n')[1]).toMatch(new RegExp(`^\\* ${merge.slice(0, 7)} \\S+ applied \\S+ run \\d+ succeeded \\(adopt\\) via ${docsOnly.slice(0, 7)} by dave — Merge pull request #2 `));
    } finally {
      await fixture.cleanup();
    }
  });
});
