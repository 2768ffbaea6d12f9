import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(PROJECT_ROOT, 'bin', 'pigsty-gitops.js');

/** The spawned-process tests run the compiled CLI; `npm test` builds it first. */
export function requireBuiltCli(): void {
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'cli.js')) || !existsSync(join(PROJECT_ROOT, 'dist', 'bundle', 'cli.cjs'))) {
    throw new Error('dist/cli.js or dist/bundle/cli.cjs is missing: run `npm run build` before these tests (npm test does)');
  }
}

/** How hooks find the CLI in tests: the PIGSTY_GITOPS_BIN override. */
export const PIGSTY_GITOPS_BIN = `${process.execPath} ${BIN}`;
