import { GitRevisionProvider } from '../../src/git/revision-provider.js';
import { GitRepo, INDEX_REV } from '../../src/git/repo.js';
import { GitopsError } from '../../src/util/errors.js';
import { dirname } from 'node:path';
import { createTempRepo, makeTempDir, removeTempDirs, sealedGitEnv, type TempRepo } from '../support/git-repo.js';

const created: string[] = [];
afterAll(() => removeTempDirs(created));

async function repoWithTwoCommits(): Promise<{ repo: TempRepo; first: string; second: string }> {
  const repo = await createTempRepo(created);
  repo.write('environments/prod/pigsty.yml', 'all:\n  vars: { admin_ip: 10.10.10.10 }\n');
  repo.write('environments/staging/hosts.yml', 'all: {}\n');
  repo.write('environments/staging/group_vars/all.yml', 'admin_ip: 10.10.10.20\n');
  repo.write('README.md', 'readme\n');
  await repo.add();
  const first = await repo.commit('first');
  repo.write('environments/prod/pigsty.yml', 'all:\n  vars: { admin_ip: 10.10.10.11 }\n');
  await repo.add();
  const second = await repo.commit('second');
  return { repo, first, second };
}

describe('GitRevisionProvider', () => {
  it('reads a file as it was at an older revision, not as the work tree has it', async () => {
    const { repo, first } = await repoWithTwoCommits();
    repo.write('environments/prod/pigsty.yml', 'all: {} # unstaged edit\n');
    const provider = await GitRevisionProvider.open(repo.dir, first, repo.env);
    expect(await provider.readFile('environments/prod/pigsty.yml')).toBe('all:\n  vars: { admin_ip: 10.10.10.10 }\n');
    expect(provider.label).toBe(first.slice(0, 7));
    expect(provider.displayPath('environments/prod/pigsty.yml')).toBe(`${first.slice(0, 7)}:environments/prod/pigsty.yml`);
  });

  it('resolves symbolic revisions such as HEAD~1 and branch names', async () => {
    const { repo, first, second } = await repoWithTwoCommits();
    const older = await GitRevisionProvider.open(repo.dir, 'HEAD~1', repo.env);
    const tip = await GitRevisionProvider.open(repo.dir, 'main', repo.env);
    expect(older.commit).toBe(first);
    expect(tip.commit).toBe(second);
    expect(await tip.readFile('./environments//prod/pigsty.yml')).toBe('all:\n  vars: { admin_ip: 10.10.10.11 }\n');
    expect(await tip.fileSize('environments/prod/pigsty.yml')).toBe(39);
    expect(await tip.fileSize('environments/prod')).toBeUndefined();
  });

  it('lists directories with file and dir types, sorted, and the root as "."', async () => {
    const { repo } = await repoWithTwoCommits();
    const provider = await GitRevisionProvider.open(repo.dir, 'HEAD', repo.env);
    expect(await provider.list('.')).toEqual([
      { name: 'README.md', type: 'file' },
      { name: 'environments', type: 'dir' },
    ]);
    expect(await provider.list('environments/staging')).toEqual([
      { name: 'group_vars', type: 'dir' },
      { name: 'hosts.yml', type: 'file' },
    ]);
  });

  it('answers undefined for missing files and directories, and for a directory read as a file', async () => {
    const { repo } = await repoWithTwoCommits();
    const provider = await GitRevisionProvider.open(repo.dir, 'HEAD', repo.env);
    expect(await provider.readFile('environments/qa/pigsty.yml')).toBeUndefined();
    expect(await provider.readFile('environments/prod')).toBeUndefined();
    expect(await provider.list('environments/qa')).toBeUndefined();
    expect(await provider.list('README.md')).toBeUndefined();
  });

  it('reads staged content from the index, not the work tree', async () => {
    const { repo } = await repoWithTwoCommits();
    repo.write('environments/qa/pigsty.yml', 'all: { vars: { staged: true } }\n');
    await repo.add('environments/qa/pigsty.yml');
    repo.write('environments/qa/pigsty.yml', 'all: { vars: { staged: false } }\n');
    const provider = await GitRevisionProvider.open(repo.dir, INDEX_REV, repo.env);
    expect(provider.label).toBe('INDEX');
    expect(await provider.readFile('environments/qa/pigsty.yml')).toBe('all: { vars: { staged: true } }\n');
    expect(await provider.fileSize('environments/qa/pigsty.yml')).toBe(32);
    expect(await provider.list('environments')).toEqual([
      { name: 'prod', type: 'dir' },
      { name: 'qa', type: 'dir' },
      { name: 'staging', type: 'dir' },
    ]);
  });

  it('works in a bare repository that received a push', async () => {
    const { repo, second } = await repoWithTwoCommits();
    const bare = await createTempRepo(created, { bare: true });
    await repo.git.raw(['push', '--quiet', bare.dir, 'main']);
    const provider = await GitRevisionProvider.open(bare.dir, 'main', bare.env);
    expect(provider.commit).toBe(second);
    expect(await provider.readFile('environments/staging/group_vars/all.yml')).toBe('admin_ip: 10.10.10.20\n');
    const opened = await GitRepo.open(bare.dir, bare.env);
    expect(opened.topLevel).toBeUndefined();
  });

  it('rejects an unknown revision and an option-looking revision with an INPUT error', async () => {
    const { repo } = await repoWithTwoCommits();
    await expect(GitRevisionProvider.open(repo.dir, 'no-such-branch', repo.env)).rejects.toMatchObject({
      code: 'INPUT',
      message: 'unknown git revision: no-such-branch',
    });
    await expect(GitRevisionProvider.open(repo.dir, '--output=/tmp/x', repo.env)).rejects.toBeInstanceOf(GitopsError);
  });

  it('rejects a directory that is not a git repository', async () => {
    const plain = makeTempDir('plain', created);
    await expect(GitRepo.open(plain, { ...sealedGitEnv(plain), GIT_CEILING_DIRECTORIES: dirname(plain) })).rejects.toMatchObject({
      code: 'INPUT',
      message: `not a git repository: ${plain}`,
    });
  });

  it('lists paths changed between two commits and in the index', async () => {
    const { repo, first, second } = await repoWithTwoCommits();
    const opened = await GitRepo.open(repo.dir, repo.env);
    expect(await opened.changedPaths(first, second)).toEqual(['environments/prod/pigsty.yml']);
    expect((await opened.changedPaths(undefined, first)).sort()).toEqual([
      'README.md',
      'environments/prod/pigsty.yml',
      'environments/staging/group_vars/all.yml',
      'environments/staging/hosts.yml',
    ]);
    repo.write('environments/staging/hosts.yml', 'all: { hosts: {} }\n');
    await repo.add('environments/staging/hosts.yml');
    expect(await opened.changedPaths('HEAD', INDEX_REV)).toEqual(['environments/staging/hosts.yml']);
  });
});
