import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandInventoryTarget } from '../../src/commands/expand-inventory-paths.js';
import { resolveInventoryArg } from '../../src/commands/resolve-inventory-arg.js';
import { createTempRepo, makeTempDir, removeTempDirs } from '../support/git-repo.js';

const created: string[] = [];
afterAll(() => removeTempDirs(created));

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe('resolveInventoryArg', () => {
  it('resolves a disk path relative to cwd and shows it as typed', async () => {
    const root = makeTempDir('disk', created);
    writeTree(root, { 'environments/prod/pigsty.yml': 'all: {}\n' });
    const resolved = await resolveInventoryArg('environments/prod/', root);
    expect(resolved.path).toBe('environments/prod');
    expect(resolved.display).toBe('environments/prod');
    expect(resolved.provider.displayPath?.('environments/prod/pigsty.yml')).toBe('environments/prod/pigsty.yml');
    expect(await resolved.provider.readFile('environments/prod/pigsty.yml')).toBe('all: {}\n');
  });

  it('reports a missing disk path as an INPUT error naming it', async () => {
    const root = makeTempDir('disk', created);
    await expect(resolveInventoryArg('environments/nope', root)).rejects.toMatchObject({
      code: 'INPUT',
      message: 'no such file or directory: environments/nope',
    });
  });

  it('reads git:REV:PATH relative to the current directory, labelled with the short commit', async () => {
    const repo = await createTempRepo(created);
    repo.write('environments/prod/pigsty.yml', 'all: { vars: { v: 1 } }\n');
    await repo.add();
    const commit = await repo.commit('one');
    repo.write('environments/prod/pigsty.yml', 'all: { vars: { v: 2 } }\n');
    const resolved = await resolveInventoryArg('git:HEAD:prod/pigsty.yml', join(repo.dir, 'environments'), { env: repo.env });
    expect(resolved.path).toBe('environments/prod/pigsty.yml');
    expect(resolved.display).toBe(`${commit.slice(0, 7)}:environments/prod/pigsty.yml`);
    expect(await resolved.provider.readFile(resolved.path)).toBe('all: { vars: { v: 1 } }\n');
  });

  it('uses defaultPath for git:REV without a path, and refuses it without one', async () => {
    const repo = await createTempRepo(created);
    repo.write('environments/prod/pigsty.yml', 'all: {}\n');
    await repo.add();
    await repo.commit('one');
    const resolved = await resolveInventoryArg('git:main', repo.dir, { env: repo.env, defaultPath: 'environments/prod' });
    expect(resolved.path).toBe('environments/prod');
    await expect(resolveInventoryArg('git:main', repo.dir, { env: repo.env })).rejects.toMatchObject({
      code: 'USAGE',
      message: 'missing path in "git:main" (use git:REV:PATH, e.g. git:main:environments/prod)',
    });
  });

  it('reads staged content with git:INDEX:PATH and reports paths missing at a revision', async () => {
    const repo = await createTempRepo(created);
    repo.write('a.yml', 'all: {}\n');
    await repo.add();
    await repo.commit('one');
    repo.write('b.yml', 'all: { staged: 1 }\n');
    await repo.add('b.yml');
    const staged = await resolveInventoryArg('git:INDEX:b.yml', repo.dir, { env: repo.env });
    expect(staged.display).toBe('INDEX:b.yml');
    expect(await staged.provider.readFile('b.yml')).toBe('all: { staged: 1 }\n');
    await expect(resolveInventoryArg('git:HEAD:b.yml', repo.dir, { env: repo.env })).rejects.toMatchObject({
      code: 'INPUT',
      message: 'no such file or directory at HEAD: b.yml',
    });
  });
});

describe('expandInventoryTarget', () => {
  it('keeps an environment directory and a file, expands a directory of environments in name order', async () => {
    const root = makeTempDir('envs', created);
    writeTree(root, {
      'environments/staging/hosts.yml': 'all: {}\n',
      'environments/prod/pigsty.yml': 'all: {}\n',
      'environments/notes/README.md': 'not an env\n',
    });
    const envs = await expandInventoryTarget(await resolveInventoryArg('environments', root));
    expect(envs.map((t) => t.display)).toEqual(['environments/prod', 'environments/staging']);
    const single = await expandInventoryTarget(await resolveInventoryArg('environments/prod', root));
    expect(single.map((t) => t.display)).toEqual(['environments/prod']);
    const file = await expandInventoryTarget(await resolveInventoryArg('environments/prod/pigsty.yml', root));
    expect(file.map((t) => t.display)).toEqual(['environments/prod/pigsty.yml']);
  });

  it('rejects a directory that neither is nor holds an inventory', async () => {
    const root = makeTempDir('envs', created);
    writeTree(root, { 'docs/README.md': 'x\n' });
    await expect(expandInventoryTarget(await resolveInventoryArg('docs', root))).rejects.toMatchObject({
      code: 'INPUT',
      message: 'not an inventory: docs (a directory needs pigsty.yml or hosts.yml, or environment directories that have one)',
    });
  });
});
