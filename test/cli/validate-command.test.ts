import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import type { ValidationJson } from '../../src/commands/format-diagnostics.js';
import { createTempRepo, makeTempDir, removeTempDirs } from '../support/git-repo.js';
import { captureIo } from './capture-io.js';
import { DUPLICATE_KEY_INVENTORY, DUPLICATE_KEY_LINE, VALID_INVENTORY } from './fixtures.js';

const created: string[] = [];
afterAll(() => removeTempDirs(created));

function workspace(files: Record<string, string>): string {
  const root = makeTempDir('validate', created);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const env = { NO_COLOR: '1' };

describe('pigsty-gitops validate', () => {
  it('exits 0 and prints one summary line per valid inventory', async () => {
    const root = workspace({ 'environments/prod/pigsty.yml': VALID_INVENTORY });
    const io = captureIo(root, env);
    expect(await main(['validate', 'environments/prod'], io)).toBe(0);
    expect(io.stdoutText()).toMatch(/^environments\/prod: ok \(0 errors, \d+ warnings?\)\n$/m);
    expect(io.stdoutText()).not.toContain(' error ');
    expect(io.stderrText()).toBe('');
  });

  it('exits 1 and prints compiler-style diagnostics for an invalid inventory', async () => {
    const root = workspace({ 'environments/prod/pigsty.yml': DUPLICATE_KEY_INVENTORY });
    const io = captureIo(root, env);
    expect(await main(['validate', 'environments/prod'], io)).toBe(1);
    const lines = io.stdoutText().split('\n');
    expect(lines).toContain(`environments/prod/pigsty.yml${DUPLICATE_KEY_LINE}`);
    expect(lines.filter((l) => l.startsWith('environments/prod: '))).toEqual([
      expect.stringMatching(/^environments\/prod: invalid \([1-9]\d* errors?, \d+ warnings?\)$/),
    ]);
  });

  it('expands a directory of environments and validates each, several paths at once', async () => {
    const root = workspace({
      'environments/prod/pigsty.yml': DUPLICATE_KEY_INVENTORY,
      'environments/staging/pigsty.yml': VALID_INVENTORY,
      'extra.yml': VALID_INVENTORY,
    });
    const io = captureIo(root, env);
    expect(await main(['validate', '--format', 'json', 'environments', 'extra.yml'], io)).toBe(1);
    const json = JSON.parse(io.stdoutText()) as ValidationJson;
    expect(json.results.map((r) => [r.path, r.valid])).toEqual([
      ['environments/prod', false],
      ['environments/staging', true],
      ['extra.yml', true],
    ]);
    expect(json.results[0]?.errors).toContainEqual({
      code: 'YAML002',
      severity: 'error',
      message: 'duplicate key "admin_ip" (first defined at line 18, column 5)',
      path: expect.any(String),
      file: 'environments/prod/pigsty.yml',
      line: 20,
      column: 5,
    });
    expect(json.results[1]?.errors).toEqual([]);
  });

  it('exits 2 with a clear message for a missing path, and validates nothing', async () => {
    const root = workspace({ 'environments/prod/pigsty.yml': VALID_INVENTORY });
    const io = captureIo(root, env);
    expect(await main(['validate', 'environments/prod', 'environments/nope'], io)).toBe(2);
    expect(io.stderrText()).toBe('pigsty-gitops: no such file or directory: environments/nope\n');
    expect(io.stdoutText()).toBe('');
  });

  it('exits 2 for a directory that is no inventory, for no path and for an unknown format', async () => {
    const root = workspace({ 'docs/README.md': 'x\n' });
    const notInventory = captureIo(root, env);
    expect(await main(['validate', 'docs'], notInventory)).toBe(2);
    expect(notInventory.stderrText()).toContain('not an inventory: docs');
    const noPath = captureIo(root, env);
    expect(await main(['validate'], noPath)).toBe(2);
    expect(noPath.stderrText()).toBe('pigsty-gitops: validate needs at least one PATH\n');
    const badFormat = captureIo(root, env);
    expect(await main(['validate', '--format', 'xml', 'docs'], badFormat)).toBe(2);
    expect(badFormat.stderrText()).toContain("argument 'xml' is invalid");
  });

  it('colours output on a terminal and not when NO_COLOR is set', async () => {
    const root = workspace({ 'p.yml': DUPLICATE_KEY_INVENTORY });
    const tty = captureIo(root, {}, true);
    await main(['validate', 'p.yml'], tty);
    expect(tty.stdoutText()).toContain('\u001b[31m\u001b[1merror\u001b[0m YAML002');
    const noColor = captureIo(root, { NO_COLOR: '1' }, true);
    await main(['validate', 'p.yml'], noColor);
    expect(noColor.stdoutText()).not.toContain('\u001b[');
  });

  it('validates git:REV:PATH without a checkout and names files REV:path', async () => {
    const repo = await createTempRepo(created);
    repo.write('environments/prod/pigsty.yml', DUPLICATE_KEY_INVENTORY);
    await repo.add();
    const bad = await repo.commit('bad');
    repo.write('environments/prod/pigsty.yml', VALID_INVENTORY);
    await repo.add();
    await repo.commit('fixed');
    const io = captureIo(repo.dir, { ...repo.env });
    expect(await main(['validate', 'git:HEAD~1:environments/prod', 'git:HEAD:environments/prod'], io)).toBe(1);
    const short = bad.slice(0, 7);
    expect(io.stdoutText()).toContain(`${short}:environments/prod/pigsty.yml${DUPLICATE_KEY_LINE}\n`);
    expect(io.stdoutText()).toMatch(new RegExp(`^${short}:environments/prod: invalid`, 'm'));
    expect(io.stdoutText()).toMatch(/^[0-9a-f]{7}:environments\/prod: ok/m);
  });

  it('--rev without paths validates only the environments the revision changed', async () => {
    const repo = await createTempRepo(created);
    repo.write('environments/prod/pigsty.yml', DUPLICATE_KEY_INVENTORY);
    repo.write('environments/dev/pigsty.yml', VALID_INVENTORY);
    await repo.add();
    await repo.commit('both');
    repo.write('environments/dev/pigsty.yml', `${VALID_INVENTORY}# touched\n`);
    repo.write('README.md', 'docs\n');
    await repo.add();
    await repo.commit('touch dev');
    const io = captureIo(repo.dir, { ...repo.env, NO_COLOR: '1' });
    expect(await main(['validate', '--rev', 'HEAD', '--format', 'json'], io)).toBe(0);
    const json = JSON.parse(io.stdoutText()) as ValidationJson;
    expect(json.results.map((r) => r.path)).toEqual([expect.stringMatching(/^[0-9a-f]{7}:environments\/dev$/)]);
    const all = captureIo(repo.dir, { ...repo.env, NO_COLOR: '1' });
    expect(await main(['validate', '--rev', 'HEAD', '--since', '0000000000000000000000000000000000000000', '--format', 'json'], all)).toBe(1);
    expect((JSON.parse(all.stdoutText()) as ValidationJson).results.map((r) => r.valid)).toEqual([true, false]);
  });
});
