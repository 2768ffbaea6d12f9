#!/usr/bin/env node
// Thin launcher: `npm run build` compiles src/ with tsc into dist/, bundles the CLI into
// dist/bundle/cli.cjs and writes V8's code cache for it (see load-bundle.js).
import { loadBundle } from './load-bundle.js';

const { main } = loadBundle().exports;
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`pigsty-gitops: ${err?.stack ?? err}\n`); process.exitCode = 2; },
);
