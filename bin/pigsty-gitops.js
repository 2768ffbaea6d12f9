#!/usr/bin/env node
// Thin launcher: `npm run build` compiles src/ with tsc into dist/ and bundles the CLI into dist/bundle/.
import { main } from '../dist/bundle/cli.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`pigsty-gitops: ${err?.stack ?? err}\n`); process.exitCode = 2; },
);
