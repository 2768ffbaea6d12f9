/** Every real Pigsty inventory template validates against the schema with zero errors. */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSchemaChecker } from '../../src/validate/schema-check.js';
import { loadYaml11 } from './load-yaml11.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const confDir = resolve(repoRoot, '..', 'shared', 'pigsty-conf');

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

/** Documents that are inventories (app/supa.yml, for one, is a symlink stored as its target's name). */
function inventories(): { file: string; document: unknown }[] {
  return yamlFiles(confDir)
    .map((file) => ({ file: relative(confDir, file), document: loadYaml11(readFileSync(file, 'utf8')) }))
    .filter(({ document }) => document !== null && typeof document === 'object' && 'all' in document);
}

const describeIfConf = existsSync(confDir) ? describe : describe.skip;

describeIfConf('real Pigsty inventories in ../shared/pigsty-conf', () => {
  const checker = createSchemaChecker();
  const docs = existsSync(confDir) ? inventories() : [];

  it('finds the templates', () => {
    expect(docs.length).toBeGreaterThanOrEqual(50);
  });

  it('produces zero schema errors for every template', () => {
    const errors = docs.flatMap(({ file, document }) =>
      checker.check(document).filter((f) => f.severity === 'error').map((f) => `${file}: ${f.code} ${f.message}`),
    );
    expect(errors).toEqual([]);
  });

  it('warns only about the custom vars the templates really carry', () => {
    const warnings = new Set(docs.flatMap(({ document }) => checker.check(document).filter((f) => f.severity === 'warning').map((f) => `${f.code} ${f.message}`)));
    expect([...warnings].sort()).toEqual([]);
  });
});
