import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationJson } from '../../src/commands/format-diagnostics.js';
import { makeTempDir, removeTempDirs } from '../support/git-repo.js';
import { BIN, requireBuiltCli } from './built-cli.js';
import { DUPLICATE_KEY_INVENTORY, VALID_INVENTORY } from './fixtures.js';

const created: string[] = [];
beforeAll(requireBuiltCli);
afterAll(() => removeTempDirs(created));

function run(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('bin/pigsty-gitops.js as a process', () => {
  it('validates environments with JSON output and the exit code of the worst result', () => {
    const root = makeTempDir('bin', created);
    mkdirSync(join(root, 'environments', 'good'), { recursive: true });
    mkdirSync(join(root, 'environments', 'bad'), { recursive: true });
    writeFileSync(join(root, 'environments', 'good', 'pigsty.yml'), VALID_INVENTORY);
    writeFileSync(join(root, 'environments', 'bad', 'pigsty.yml'), DUPLICATE_KEY_INVENTORY);
    const result = run(root, ['validate', '--format', 'json', 'environments']);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as ValidationJson;
    expect(json.results.map((r) => [r.path, r.valid, r.errors.map((e) => e.code)])).toEqual([
      ['environments/bad', false, ['YAML002']],
      ['environments/good', true, []],
    ]);
    expect(result.stderr).toBe('');
  });

  it('exits 0 for a valid file and 2 for a missing one', () => {
    const root = makeTempDir('bin', created);
    writeFileSync(join(root, 'pigsty.yml'), VALID_INVENTORY);
    expect(run(root, ['validate', 'pigsty.yml']).status).toBe(0);
    const missing = run(root, ['validate', 'nope.yml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('pigsty-gitops: no such file or directory: nope.yml\n');
  });
});
