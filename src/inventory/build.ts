/**
 * Builds the typed model from a loaded inventory. Lenient: never throws on bad content;
 * wrong types become `undefined` and the validator reports them. When two groups claim the
 * same cluster name, the first keeps the map entry (the validator reports the clash).
 */
import { buildGroups, type GroupGraph } from './build-groups.js';
import { buildInfraGroup, buildModuleCluster } from './build-modules.js';
import { buildPgClusters } from './build-pgsql.js';
import { buildRedisCluster } from './build-redis.js';
import type { Group, Inventory, LoadedInventory, ModuleCluster, PgCluster, RedisCluster } from './model.js';
import { sameGroupInputs } from './reuse-models.js';

export interface BuildOptions {
  /**
   * An inventory built earlier from a similar document (the other side of a plan): groups whose
   * inputs are the same objects take its models (see reuse-models.ts).
   */
  reuse?: Inventory;
}

/** Every model one group yields. */
interface GroupModels {
  group: Group;
  pg: PgCluster[];
  redis: RedisCluster | undefined;
  etcd: ModuleCluster | undefined;
  minio: ModuleCluster | undefined;
  infra: ModuleCluster | undefined;
}

/** What a later build may reuse, by the inventory it produced. */
const builds = new WeakMap<Inventory, { graph: GroupGraph; byGroup: Map<string, GroupModels> }>();

function addFirst<T>(map: Map<string, T>, name: string, value: T | undefined): void {
  if (value !== undefined && !map.has(name)) map.set(name, value);
}

function modelsOf(group: Group, graph: GroupGraph): GroupModels {
  return {
    group,
    pg: buildPgClusters(group, graph),
    redis: buildRedisCluster(group, graph),
    etcd: buildModuleCluster(group, graph, 'etcd'),
    minio: buildModuleCluster(group, graph, 'minio'),
    infra: buildInfraGroup(group, graph),
  };
}

export function buildInventory(loaded: LoadedInventory, options: BuildOptions = {}): Inventory {
  const graph = buildGroups(loaded.document);
  const earlier = options.reuse === undefined ? undefined : builds.get(options.reuse);
  const byGroup = new Map<string, GroupModels>();
  const pgClusters = new Map<string, PgCluster>();
  const redisClusters = new Map<string, RedisCluster>();
  const etcdClusters = new Map<string, ModuleCluster>();
  const minioClusters = new Map<string, ModuleCluster>();
  const infraGroups = new Map<string, ModuleCluster>();
  for (const group of graph.groups.values()) {
    const theirs = earlier?.byGroup.get(group.name);
    const models = earlier !== undefined && theirs !== undefined && sameGroupInputs(group, graph, theirs.group, earlier.graph) ? theirs : modelsOf(group, graph);
    byGroup.set(group.name, models);
    for (const pg of models.pg) addFirst(pgClusters, pg.name, pg);
    if (models.redis !== undefined) addFirst(redisClusters, models.redis.name, models.redis);
    if (models.etcd !== undefined) addFirst(etcdClusters, models.etcd.name, models.etcd);
    if (models.minio !== undefined) addFirst(minioClusters, models.minio.name, models.minio);
    if (models.infra !== undefined) addFirst(infraGroups, models.infra.name, models.infra);
  }
  const inventory: Inventory = {
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
  builds.set(inventory, { graph, byGroup });
  return inventory;
}
