import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import { createTempRepo, removeTempDirs } from '../support/git-repo.js';
import { captureIo } from './capture-io.js';

const created: string[] = [];
afterAll(() => removeTempDirs(created));

describe('pigsty-gitops hooks install', () => {
  it('installs an executable pre-commit hook that records this installation', async () => {
    const repo = await createTempRepo(created);
    const io = captureIo(repo.dir, repo.env);
    expect(await main(['hooks', 'install'], io)).toBe(0);
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    expect(io.stdoutText()).toBe(`installed pre-commit hook: ${hook}\n`);
    const text = readFileSync(hook, 'utf8');
    expect(text).toContain('pigsty-gitops pre-commit hook');
    expect(text).toContain('run_gitops validate --staged');
    expect(text).toMatch(/^PIGSTY_GITOPS_INSTALLED_BIN='\/.*\/bin\/pigsty-gitops\.js'$/m);
    expect(statSync(hook).mode & 0o111).toBe(0o111);
  });

  it('updates its own hook when run again', async () => {
    const repo = await createTempRepo(created);
    expect(await main(['hooks', 'install'], captureIo(repo.dir, repo.env))).toBe(0);
    const io = captureIo(repo.dir, repo.env);
    expect(await main(['hooks', 'install'], io)).toBe(0);
    expect(io.stdoutText()).toBe(`updated pre-commit hook: ${join(repo.dir, '.git', 'hooks', 'pre-commit')}\n`);
  });

  it('leaves a foreign hook alone without --force and exits 2', async () => {
    const repo = await createTempRepo(created);
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho mine\n', { mode: 0o755 });
    const io = captureIo(repo.dir, repo.env);
    expect(await main(['hooks', 'install'], io)).toBe(2);
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\necho mine\n');
    expect(io.stderrText()).toBe(
      `pigsty-gitops: ${hook} exists and was not installed by pigsty-gitops; not replacing it (use --force to replace it, keeping a backup)\n`,
    );
  });

  it('replaces a foreign hook with --force and keeps it as a backup', async () => {
    const repo = await createTempRepo(created);
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho mine\n', { mode: 0o755 });
    expect(await main(['hooks', 'install', '--force'], captureIo(repo.dir, repo.env))).toBe(0);
    expect(readFileSync(`${hook}.pre-pigsty-gitops`, 'utf8')).toBe('#!/bin/sh\necho mine\n');
    expect(readFileSync(hook, 'utf8')).toContain('pigsty-gitops pre-commit hook');
  });

  it('honours core.hooksPath, relative to the work tree, from a subdirectory', async () => {
    const repo = await createTempRepo(created);
    await repo.git.raw(['config', 'core.hooksPath', '.githooks']);
    mkdirSync(join(repo.dir, 'environments', 'prod'), { recursive: true });
    const io = captureIo(join(repo.dir, 'environments', 'prod'), repo.env);
    expect(await main(['hooks', 'install'], io)).toBe(0);
    expect(existsSync(join(repo.dir, '.githooks', 'pre-commit'))).toBe(true);
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });

  it('refuses a bare repository with a usage error', async () => {
    const bare = await createTempRepo(created, { bare: true });
    const io = captureIo(bare.dir, bare.env);
    expect(await main(['hooks', 'install'], io)).toBe(2);
    expect(io.stderrText()).toBe(
      'pigsty-gitops: hooks install needs a repository with a work tree (on a git server, install hooks/pre-receive instead)\n',
    );
  });
});
