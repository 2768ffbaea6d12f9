/**
 * A base read with `reuse` takes the target's values for entries whose lines did not change, and is
 * otherwise exactly the document it would be without reuse: same values, same diagnostics, same
 * positions, same plan. The target is never written to.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildInventory } from '../../src/inventory/build.js';
import { DiskContentProvider } from '../../src/inventory/disk-provider.js';
import { loadInventory, loadInventoryText } from '../../src/inventory/load.js';
import type { LoadedInventory, YamlValue } from '../../src/inventory/model.js';
import { collectSecretStrings } from '../../src/inventory/secrets.js';
import { buildPlan } from '../../src/plan/plan.js';
import { renderContextFor } from '../../src/plan/render-context.js';
import { renderJson } from '../../src/plan/render-json.js';
import { renderMarkdown } from '../../src/plan/render-markdown.js';
import { createValidator } from '../../src/validate/validate.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const confDir = path.resolve(repoRoot, '..', 'shared', 'pigsty-conf');
const generator = pathToFileURL(path.join(repoRoot, 'bench', 'generate-inventory.mjs')).href;
type Generate = (o: { clusters?: number; seed?: number; mutate?: number }) => string;

function load(text: string, label: string, reuse?: LoadedInventory): LoadedInventory {
  const { loaded } = loadInventoryText(text, label, reuse === undefined ? {} : { reuse });
  if (loaded === undefined) throw new Error(`${label} did not load`);
  return loaded;
}

function groupsOf(loaded: LoadedInventory): Record<string, unknown> {
  return (loaded.document.all.children ?? {}) as Record<string, unknown>;
}

function sharedGroups(base: LoadedInventory, target: LoadedInventory): string[] {
  const b = groupsOf(base);
  const t = groupsOf(target);
  return Object.keys(b).filter((name) => b[name] === t[name]);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The whole plan pipeline (validate target, load base, plan, render) with or without reuse (of entries and of models). */
const validator = createValidator();

function planOutputs(baseText: string, targetText: string, reuse: boolean): { json: string; markdown: string; base: LoadedInventory } {
  const target = load(targetText, 'target.yml');
  const checked = validator.validateInventory(target);
  const base = load(baseText, 'base.yml', reuse ? target : undefined);
  const baseInventory = buildInventory(base, reuse && checked.inventory !== undefined ? { reuse: checked.inventory } : {});
  const plan = buildPlan({
    base: { label: 'base.yml', inventory: baseInventory },
    target: { label: 'target.yml', inventory: checked.inventory, valid: checked.valid, diagnostics: checked.diagnostics },
  });
  const ctx = renderContextFor(baseInventory, checked.inventory);
  return { json: renderJson(plan, ctx), markdown: renderMarkdown(plan, ctx), base };
}

const TARGET = `all:
  vars:
    admin_ip: 10.0.0.10
  children:
    pg-a:
      hosts: { 10.0.0.11: { pg_seq: 1, pg_role: primary } }
      vars: { pg_cluster: pg-a, pg_users: [ { name: u1, password: Secret.One1 } ] }
    pg-b:
      hosts:
        10.0.0.12: { pg_seq: 1, pg_role: primary }
      vars:
        pg_cluster: pg-b
`;

describe('reusing unchanged entries of the other side', () => {
  it('shares the groups and global vars whose lines are unchanged, and builds the others', () => {
    const target = load(TARGET, 'target.yml');
    const base = load(TARGET.replace('pg_cluster: pg-b', 'pg_cluster: pg-b # was here'), 'base.yml', target);
    expect(sharedGroups(base, target)).toEqual(['pg-a']);
    expect(base.document.all.vars).toBe(target.document.all.vars);
    expect(groupsOf(base)['pg-b']).toEqual(groupsOf(target)['pg-b']);
  });

  it('shares nothing when indentation differs, even if the entries read the same', () => {
    const target = load(TARGET, 'target.yml');
    const reindented = TARGET.split('\n').map((l) => (l.startsWith('  ') ? `  ${l}` : l)).join('\n');
    const base = load(reindented, 'base.yml', target);
    expect(sharedGroups(base, target)).toEqual([]);
    expect(base.document).toEqual(target.document);
  });

  it('shares nothing with a file that has anchors or aliases, a duplicate key, or flow-style groups', () => {
    const withAlias = TARGET.replace('    admin_ip: 10.0.0.10', '    admin_ip: &ip 10.0.0.10\n    other_ip: *ip');
    const withDuplicate = TARGET.replace('        pg_cluster: pg-b\n', '        pg_cluster: pg-b\n        pg_cluster: pg-b\n');
    const flow = 'all:\n  children: { pg-a: { hosts: { 10.0.0.11: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-a } } }\n';
    for (const text of [withAlias, withDuplicate, flow]) {
      const first = load(text, 'first.yml');
      const second = load(text, 'second.yml', first);
      expect(sharedGroups(second, first)).toEqual([]);
      const alone = loadInventoryText(text, 'second.yml');
      expect(second.document).toEqual(alone.loaded?.document);
    }
    // …and the other way round: the reusing side's own duplicate key is still reported.
    const target = load(TARGET, 'target.yml');
    const { diagnostics } = loadInventoryText(withDuplicate, 'base.yml', { reuse: target });
    expect(diagnostics.map((d) => d.code)).toEqual(['YAML002']);
  });

  it('does not share a group whose name appears twice in the reusing file', () => {
    const target = load(TARGET, 'target.yml');
    const twice = `${TARGET}    pg-a:\n      vars: { pg_cluster: pg-a2 }\n`;
    const { loaded, diagnostics } = loadInventoryText(twice, 'base.yml', { reuse: target });
    expect(diagnostics.some((d) => d.code === 'YAML002')).toBe(true);
    expect(groupsOf(loaded as LoadedInventory)['pg-a']).toEqual({ vars: { pg_cluster: 'pg-a2' } });
  });

  it('locates positions in the reusing file, not in the one it took values from', () => {
    const target = load(TARGET, 'target.yml');
    const base = load(`# a comment line\n${TARGET}`, 'base.yml', target);
    expect(sharedGroups(base, target)).toEqual(['pg-a', 'pg-b']);
    expect(target.locate(['all', 'children', 'pg-b', 'vars', 'pg_cluster'])?.line).toBe(12);
    expect(base.locate(['all', 'children', 'pg-b', 'vars', 'pg_cluster'])).toMatchObject({ file: 'base.yml', line: 13 });
  });

  it('never reuses into or out of a split inventory (its vars files are merged into the document)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pigsty-gitops-share-'));
    try {
      for (const side of ['base', 'target']) {
        mkdirSync(path.join(dir, side, 'group_vars'), { recursive: true });
        writeFileSync(path.join(dir, side, 'pigsty.yml'), TARGET);
      }
      writeFileSync(path.join(dir, 'target', 'group_vars', 'pg-a.yml'), 'pg_version: 17\n');
      writeFileSync(path.join(dir, 'single.yml'), TARGET);
      const provider = new DiskContentProvider(dir);
      const target = (await loadInventory(provider, 'target')).loaded as LoadedInventory;
      const fromSplit = (await loadInventory(provider, 'single.yml', { reuse: target })).loaded as LoadedInventory;
      expect(sharedGroups(fromSplit, target)).toEqual([]);
      expect((groupsOf(fromSplit)['pg-a'] as { vars: Record<string, unknown> }).vars['pg_version']).toBeUndefined();
      const single = (await loadInventory(provider, 'single.yml')).loaded as LoadedInventory;
      const intoSplit = (await loadInventory(provider, 'base', { reuse: single })).loaded as LoadedInventory;
      expect(sharedGroups(intoSplit, single)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('plans exactly as without reuse, and never writes to the target, on generated inventories', async () => {
    const { generateInventory } = (await import(generator)) as { generateInventory: Generate };
    for (const [clusters, mutate, seed] of [[60, 12, 1], [40, 40, 3], [25, 3, 9]] as const) {
      const baseText = generateInventory({ clusters, seed });
      const targetText = generateInventory({ clusters, seed, mutate });
      const plain = planOutputs(baseText, targetText, false);
      const target = load(targetText, 'target.yml');
      deepFreeze(target.document);
      const base = load(baseText, 'base.yml', target);
      expect(sharedGroups(base, target).length).toBeGreaterThan(0);
      expect(base.document).toEqual(plain.base.document);
      const reused = planOutputs(baseText, targetText, true);
      expect(reused.json).toBe(plain.json);
      expect(reused.markdown).toBe(plain.markdown);
      // The reusing side's secrets still cover its whole document (its own entries' and the shared ones').
      const walked = collectSecretStrings(base.document as unknown as YamlValue);
      expect(walked.size).toBeGreaterThan(0);
      expect([...walked].filter((s) => !base.secrets?.has(s))).toEqual([]);
    }
  });

  const confFiles = existsSync(confDir)
    ? readdirSync(confDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.yml'))
        .map((f) => path.join(confDir, f))
        .filter((f) => statSync(f).isFile())
        .sort()
    : [];
  const maybe = confFiles.length > 1 ? it : it.skip;
  maybe('plans exactly as without reuse between consecutive Pigsty templates and between edits of one', () => {
    for (let i = 1; i < confFiles.length; i++) {
      const a = readFileSync(confFiles[i - 1] as string, 'utf8');
      const b = readFileSync(confFiles[i] as string, 'utf8');
      if (loadInventoryText(a, 'a').loaded === undefined || loadInventoryText(b, 'b').loaded === undefined) continue;
      const edited = b.replace(/pg_version: \d+/, 'pg_version: 16').replace(/password: \S+/, 'password: Rotated.Secret9');
      for (const [base, target] of [[a, b], [edited, b]] as const) {
        const plain = planOutputs(base, target, false);
        const reused = planOutputs(base, target, true);
        expect(reused.base.document).toEqual(plain.base.document);
        expect(reused.json).toBe(plain.json);
      }
    }
  });
});
