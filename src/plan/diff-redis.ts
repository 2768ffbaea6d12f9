import type { RedisCluster, RedisInstance } from '../inventory/model.js';
import { addChange, splitKeys, type DiffContext } from './diff-context.js';
import { diffVars } from './diff-vars.js';
import { describeFields, fieldChanges } from './field-changes.js';

const STRUCTURAL = new Set(['redis_cluster', 'redis_instances', 'redis_node']);

function instances(c: RedisCluster): Map<string, RedisInstance> {
  return new Map(c.instances.map((i) => [`${i.ip}:${i.port}`, i]));
}

/** Redis clusters by `redis_cluster`, and their instances by `ip:port`. */
export function diffRedis(ctx: DiffContext): void {
  const baseClusters = ctx.base?.redisClusters ?? new Map<string, RedisCluster>();
  const { removed, common, added } = splitKeys(baseClusters.keys(), ctx.target.redisClusters.keys());
  for (const name of added) {
    const c = ctx.target.redisClusters.get(name);
    if (c !== undefined) addChange(ctx, { entity: 'redis.cluster', op: 'add', name, summary: `redis cluster ${name} added (${c.instances.length} instance(s))`, targetPath: c.path, hint: { t: 'redis-cluster-add', cluster: name } });
  }
  for (const name of removed) {
    const c = baseClusters.get(name);
    if (c !== undefined) addChange(ctx, { entity: 'redis.cluster', op: 'remove', name, summary: `redis cluster ${name} removed`, basePath: c.path, hint: { t: 'redis-cluster-remove', cluster: name } });
  }
  for (const name of common) {
    const b = baseClusters.get(name);
    const t = ctx.target.redisClusters.get(name);
    if (b === undefined || t === undefined) continue;
    const bi = instances(b);
    const ti = instances(t);
    const keys = splitKeys(bi.keys(), ti.keys());
    const nodesBefore = new Set(b.instances.map((i) => i.ip));
    const nodesAfter = new Set(t.instances.map((i) => i.ip));
    for (const key of keys.added) {
      const i = ti.get(key);
      if (i !== undefined) addChange(ctx, { entity: 'redis.instance', op: 'add', scope: name, name: key, summary: `redis instance ${key} added`, targetPath: i.path, hint: { t: 'redis-instance', op: 'add', ip: i.ip, port: i.port, wholeNode: !nodesBefore.has(i.ip) } });
    }
    for (const key of keys.removed) {
      const i = bi.get(key);
      if (i !== undefined) addChange(ctx, { entity: 'redis.instance', op: 'remove', scope: name, name: key, summary: `redis instance ${key} removed`, basePath: i.path, hint: { t: 'redis-instance', op: 'remove', ip: i.ip, port: i.port, wholeNode: !nodesAfter.has(i.ip) } });
    }
    for (const key of keys.common) {
      const x = bi.get(key);
      const y = ti.get(key);
      if (x === undefined || y === undefined) continue;
      const fields = fieldChanges(x.spec, y.spec);
      if (fields.length > 0) addChange(ctx, { entity: 'redis.instance', op: 'modify', scope: name, name: key, summary: `redis instance ${key}: ${describeFields(fields)}`, fields, basePath: x.path, targetPath: y.path, hint: { t: 'redis-instance', op: 'modify', ip: y.ip, port: y.port, wholeNode: false } });
    }
    diffVars(ctx, 'redis.var', name, { level: 'redis-cluster', cluster: name }, { vars: b.vars, path: [...b.path, 'vars'] }, { vars: t.vars, path: [...t.path, 'vars'] }, STRUCTURAL);
  }
}
