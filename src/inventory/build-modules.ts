/** Seq-numbered module groups: etcd (`etcd_cluster`/`etcd_seq`), minio (`minio_cluster`/`minio_seq`), infra (group `infra`/`infra_seq`). */
import { clusterKeyOf, int, nameOf } from './build-helpers.js';
import type { GroupGraph } from './build-groups.js';
import type { Group, ModuleCluster } from './model.js';

function members(group: Group, graph: GroupGraph, seqKey: string): ModuleCluster['members'] {
  return group.hosts.map((ip) => {
    const host = graph.hosts.get(ip);
    return { ip, seq: int(host === undefined ? undefined : graph.effectiveVar(ip, seqKey)), vars: host?.vars ?? {}, path: [...group.path, 'hosts', ip] };
  });
}

export function buildModuleCluster(group: Group, graph: GroupGraph, module: 'etcd' | 'minio'): ModuleCluster | undefined {
  const key = clusterKeyOf(group, graph.hosts, `${module}_cluster`);
  if (key === undefined) return undefined;
  return { module, name: nameOf(key.value), group: group.name, vars: group.vars, members: members(group, graph, `${module}_seq`), path: group.path };
}

export function buildInfraGroup(group: Group, graph: GroupGraph): ModuleCluster | undefined {
  if (group.name !== 'infra') return undefined;
  return { module: 'infra', name: group.name, group: group.name, vars: group.vars, members: members(group, graph, 'infra_seq'), path: group.path };
}
