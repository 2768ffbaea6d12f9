// esbuild options of the CLI bundle (dist/bundle/cli.cjs), shared by scripts/bundle.mjs and the
// benchmarks that build variants of it (bench/plan-floor.mjs). Packages with native parts, WASM or
// worker files of their own stay external (loaded from node_modules at run time).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXTERNAL = ['ssh2', 'cpu-features', 'pg', 'pg-native', '@electric-sql/pglite', 'pino', 'prom-client', 'express', 'chokidar'];

/** Options for bundling src/cli.ts into `outfile` (with extra esbuild `plugins`, for variants). */
export function cliBundleOptions(outfile, plugins = []) {
  return {
    absWorkingDir: ROOT,
    entryPoints: ['src/cli.ts'],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    external: EXTERNAL,
    // Sources locate package files from their own URL (schemas/, hooks/): in the bundle that is the bundle's.
    define: { 'import.meta.url': '__pigstyGitopsBundleUrl' },
    banner: { js: "const __pigstyGitopsBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
    plugins,
  };
}
