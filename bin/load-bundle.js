// Loads the CLI bundle (dist/bundle/cli.cjs, one CommonJS file built by scripts/bundle.mjs) with
// V8's code cache for it (dist/bundle/cli.cjs.cache, written at build time by
// scripts/code-cache.mjs after a training run): the functions a command runs start as
// deserialised bytecode instead of being parsed and compiled again by every process. A cache V8
// refuses (another Node version, other flags, a rebuilt bundle) or a missing one costs only that
// compile time; the code that runs is the bundle either way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const BUNDLE = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));

function readCache(cachePath) {
  try {
    return readFileSync(cachePath);
  } catch {
    return undefined;
  }
}

/**
 * Runs the bundle's module body; returns its exports and the compiled script (for createCachedData).
 * `bundle` is another build of the CLI (benchmarks build variants); its cache is `<bundle>.cache`.
 */
export function loadBundle({ useCache = true, bundle = BUNDLE } = {}) {
  const source = readFileSync(bundle, 'utf8');
  const cachedData = useCache ? readCache(`${bundle}.cache`) : undefined;
  // The CommonJS wrapper on the bundle's first line, so stack traces keep its line numbers.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    ...(cachedData !== undefined ? { cachedData } : {}),
    // import() inside the bundle (ESM-only packages kept external) resolves like the bundle's own.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { exports: module.exports, script, cacheRejected: cachedData !== undefined && script.cachedDataRejected === true };
}
