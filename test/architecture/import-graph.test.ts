/**
 * The module boundaries of ARCHITECTURE.md, checked on the real import graph of src/:
 * no import cycles, the pure pipeline (inventory, validate, plan) imports no I/O module,
 * and nothing imports the CLI wiring.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listSources(full));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g;
const DYNAMIC_IMPORT = /import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const re of [IMPORT, DYNAMIC_IMPORT]) {
    for (const match of text.matchAll(re)) {
      const spec = match[1];
      if (spec === undefined) continue;
      targets.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
    }
  }
  return targets;
}

const files = listSources(srcRoot);
const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => t !== f)]));
const area = (file: string): string => relative(srcRoot, file).split('/')[0] ?? '';

describe('import graph of src/', () => {
  it('has no import cycles', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, stack: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...stack.slice(stack.indexOf(file)), file].map((f) => relative(srcRoot, f)).join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next, [...stack, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps inventory, validate and plan free of I/O modules', () => {
    const pure = new Set(['inventory', 'validate', 'plan']);
    const io = new Set(['cmdb', 'git', 'github', 'executor', 'apply', 'server', 'commands', 'config']);
    const violations = files
      .filter((f) => pure.has(area(f)))
      .flatMap((f) => (graph.get(f) ?? []).filter((t) => io.has(area(t))).map((t) => `${relative(srcRoot, f)} imports ${relative(srcRoot, t)}`));
    expect(violations).toEqual([]);
  });

  it('lets nothing but the entry points import the CLI wiring', () => {
    const violations = files
      .filter((f) => area(f) !== 'commands' && !['cli.ts', 'service.ts'].includes(relative(srcRoot, f)))
      .flatMap((f) => (graph.get(f) ?? []).filter((t) => area(t) === 'commands' || relative(srcRoot, t) === 'cli.ts').map((t) => `${relative(srcRoot, f)} imports ${relative(srcRoot, t)}`));
    expect(violations).toEqual([]);
  });
});
