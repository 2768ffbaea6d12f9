/** src/generated/ must be exactly what `npm run gen` produces from schemas/. */
import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

describe('generated code', () => {
  it('matches the schemas (regenerated in memory by scripts/gen-types.mjs --check)', async () => {
    const outcome = await run(process.execPath, ['scripts/gen-types.mjs', '--check'], { cwd: repoRoot }).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code?: number; stderr?: string }) => ({ code: err.code ?? -1, stderr: err.stderr ?? '' }),
    );
    expect(outcome).toEqual({ code: 0, stderr: '' });
  });
});
