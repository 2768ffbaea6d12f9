/**
 * Compiles src/cmdb (and what it imports) to plain JavaScript for child processes the tests spawn
 * (jest's transform only applies in-process). Output under node_modules/.cache so `pg` resolves.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function compileCmdbForChildren(): string {
  const outDir = join(repoRoot, 'node_modules', '.cache', 'pigsty-gitops-test', `cmdb-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  execFileSync(process.execPath, [
    join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
    '--outDir', outDir, '--rootDir', join(repoRoot, 'src'), '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--target', 'es2022', '--skipLibCheck', '--types', 'node', '--noCheck', '--ignoreConfig',
    join(repoRoot, 'src', 'cmdb', 'store.ts'), join(repoRoot, 'src', 'cmdb', 'file-locker.ts'),
  ], { cwd: repoRoot, stdio: 'pipe' });
  return outDir;
}
