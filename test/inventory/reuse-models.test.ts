/**
 * A base built with `reuse` takes the target's models only for groups whose every input is the
 * same object, and is otherwise exactly the model it would be without reuse: the cases below
 * change an input of an unchanged group from somewhere else (a parent group, a second listing of
 * a host, the global vars) and must see it rebuilt.
 */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { buildInventory } from '../../src/inventory/build.js';
import { loadInventoryText } from '../../src/inventory/load.js';
import type { Inventory, LoadedInventory } from '../../src/inventory/model.js';
import { buildPlan } from '../../src/plan/plan.js';
import { renderContextFor } from '../../src/plan/render-context.js';
import { renderJson } from '../../src/plan/render-json.js';

const generator = pathToFileURL(path.join(import.meta.dirname, '..', '..', 'bench', 'generate-inventory.mjs')).href;

function load(text: string, label: string, reuse?: LoadedInventory): LoadedInventory {
  const { loaded } = loadInventoryText(text, label, reuse === undefined ? {} : { reuse });
  if (loaded === undefined) throw new Error(`${label} did not load`);
  return loaded;
}

interface Sides {
  target: Inventory;
  reused: Inventory;
  plain: Inventory;
}

function build(baseText: string, targetText: string): Sides {
  const target = buildInventory(load(targetText, 'target.yml'));
  const reused = buildInventory(load(baseText, 'base.yml', target.source), { reuse: target });
  const plain = buildInventory(load(baseText, 'base.yml'));
  return { target, reused, plain };
}

function planJson(base: Inventory, target: Inventory): string {
  const plan = buildPlan({ base: { label: 'base.yml', inventory: base }, target: { label: 'target.yml', inventory: target, valid: true, diagnostics: [] } });
  return renderJson(plan, renderContextFor(base, target));
}

function expectSameAsPlain({ target, reused, plain }: Sides): void {
  for (const key of ['pgClusters', 'redisClusters', 'etcdClusters', 'minioClusters', 'infraGroups'] as const) {
    expect([...reused[key].entries()]).toEqual([...plain[key].entries()]);
  }
  expect(planJson(reused, target)).toBe(planJson(plain, target));
}

const reusedClusters = ({ target, reused }: Sides): string[] => [...reused.pgClusters.keys()].filter((name) => reused.pgClusters.get(name) === target.pgClusters.get(name));

const TARGET = `all:
  vars:
    pg_version: 17
  children:
    dbs:
      vars: { pg_role: replica }
      children:
        pg-a:
          hosts:
            10.0.0.11: { pg_seq: 1, pg_role: primary }
            10.0.0.12: { pg_seq: 2 }
          vars: { pg_cluster: pg-a }
    pg-b:
      hosts:
        10.0.0.21: { pg_seq: 1, pg_role: primary }
      vars:
        pg_cluster: pg-b
    redis-c:
      hosts: { 10.0.0.31: { redis_node: 1, redis_instances: { 6379: {} } } }
      vars: { redis_cluster: redis-c }
    etcd:
      hosts: { 10.0.0.41: { etcd_seq: 1 } }
      vars: { etcd_cluster: etcd }
`;

describe('building a base from the target\'s models', () => {
  it('takes the models of groups whose inputs did not change', () => {
    const sides = build(TARGET.replace('pg_cluster: pg-b', 'pg_cluster: pg-b\n        pg_version: 16'), TARGET);
    expect(reusedClusters(sides)).toEqual(['pg-a']);
    expect(sides.reused.redisClusters.get('redis-c')).toBe(sides.target.redisClusters.get('redis-c'));
    expect(sides.reused.etcdClusters.get('etcd')).toBe(sides.target.etcdClusters.get('etcd'));
    expectSameAsPlain(sides);
  });

  it('rebuilds a group when a parent group\'s vars change its hosts\' effective vars', () => {
    const sides = build(TARGET.replace('vars: { pg_role: replica }', 'vars: { pg_role: offline }'), TARGET);
    expect(reusedClusters(sides)).toEqual(['pg-b']);
    expect(sides.reused.pgClusters.get('pg-a')?.instances[1]?.role).toBe('offline');
    expectSameAsPlain(sides);
  });

  it('rebuilds a group when another group lists one of its hosts with vars', () => {
    const extra = '    pinned:\n      hosts: { 10.0.0.21: { pg_role: replica } }\n';
    for (const [base, target] of [[TARGET + extra, TARGET], [TARGET, TARGET + extra]] as const) {
      const sides = build(base, target);
      expect(reusedClusters(sides)).toEqual(['pg-a']);
      expectSameAsPlain(sides);
    }
  });

  it('rebuilds everything when the global vars change', () => {
    const sides = build(TARGET.replace('pg_version: 17', 'pg_version: 16'), TARGET);
    expect(reusedClusters(sides)).toEqual([]);
    expectSameAsPlain(sides);
  });

  it('rebuilds a group defined twice (its vars are merged afresh)', () => {
    const twice = `${TARGET}    more:\n      children:\n        pg-b:\n          vars: { pg_version: 15 }\n`;
    const sides = build(twice, twice.replace('pg_version: 15', 'pg_version: 14'));
    expect(reusedClusters(sides)).toEqual(['pg-a']);
    expectSameAsPlain(sides);
  });

  it('equals a plain build on generated inventories with scattered changes', async () => {
    const { generateInventory } = (await import(generator)) as { generateInventory: (o: { clusters?: number; seed?: number; mutate?: number }) => string };
    for (const [clusters, mutate, seed] of [[80, 20, 2], [40, 60, 5]] as const) {
      const baseText = generateInventory({ clusters, seed });
      const targetText = generateInventory({ clusters, seed, mutate });
      for (const [a, b] of [[baseText, targetText], [targetText, baseText]] as const) {
        const sides = build(a, b);
        expect(reusedClusters(sides).length).toBeGreaterThan(0);
        expectSameAsPlain(sides);
      }
    }
  });
});
