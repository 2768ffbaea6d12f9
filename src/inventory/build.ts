/**
 * Builds the typed model from a loaded inventory. Lenient: never throws on bad content;
 * wrong types become `undefined` and the validator reports them. When two groups claim the
 * same cluster name, the first keeps the map entry (the validator reports the clash).
 */
import { buildGroups } from './build-groups.js';
import { buildInfraGroup, buildModuleCluster } from './build-modules.js';
import { buildPgClusters } from './build-pgsql.js';
import { buildRedisCluster } from './build-redis.js';
import type { Inventory, LoadedInventory, ModuleCluster, PgCluster, RedisCluster } from './model.js';

function addFirst<T>(map: Map<string, T>, name: string, value: T | undefined): void {
  if (value !== undefined && !map.has(name)) map.set(name, value);
}

export function buildInventory(loaded: LoadedInventory): Inventory {
  const graph = buildGroups(loaded.document);
  const pgClusters = new Map<string, PgCluster>();
  const redisClusters = new Map<string, RedisCluster>();
  const etcdClusters = new Map<string, ModuleCluster>();
  const minioClusters = new Map<string, ModuleCluster>();
  const infraGroups = new Map<string, ModuleCluster>();
  for (const group of graph.groups.values()) {
    for (const pg of buildPgClusters(group, graph)) addFirst(pgClusters, pg.name, pg);
    const redis = buildRedisCluster(group, graph);
    if (redis !== undefined) addFirst(redisClusters, redis.name, redis);
    const etcd = buildModuleCluster(group, graph, 'etcd');
    if (etcd !== undefined) addFirst(etcdClusters, etcd.name, etcd);
    const minio = buildModuleCluster(group, graph, 'minio');
    if (minio !== undefined) addFirst(minioClusters, minio.name, minio);
    const infra = buildInfraGroup(group, graph);
    if (infra !== undefined) addFirst(infraGroups, infra.name, infra);
  }
  return {
    source: loaded,
    globalVars: graph.globalVars,
    groups: graph.groups,
    hosts: graph.hosts,
    pgClusters,
    redisClusters,
    etcdClusters,
    minioClusters,
    infraGroups,
  };
}
