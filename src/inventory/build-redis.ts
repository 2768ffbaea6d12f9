/** Redis clusters: groups that set `redis_cluster`; nodes by `redis_node`, instances from `redis_instances` (port → spec). */
import { clusterKeyOf, int, nameOf, str, varsOf } from './build-helpers.js';
import type { GroupGraph } from './build-groups.js';
import { isMapping } from './document-shape.js';
import type { Group, RedisCluster, RedisInstance, YamlValue } from './model.js';

export function buildRedisCluster(group: Group, graph: GroupGraph): RedisCluster | undefined {
  const key = clusterKeyOf(group, graph.hosts, 'redis_cluster');
  if (key === undefined) return undefined;
  const nodes: RedisCluster['nodes'] = [];
  const instances: RedisInstance[] = [];
  for (const ip of group.hosts) {
    const known = graph.hosts.has(ip);
    const effective = (key: string): YamlValue | undefined => (known ? graph.effectiveVar(ip, key) : undefined);
    const hostPath = [...group.path, 'hosts', ip];
    nodes.push({ ip, seq: int(effective('redis_node')), path: hostPath });
    const defined = effective('redis_instances');
    if (!isMapping(defined)) continue;
    for (const [port, spec] of Object.entries(defined)) {
      const number = int(port);
      if (number === undefined) continue; // the validator reports ports that are not numbers
      instances.push({ ip, port: number, spec: varsOf(spec), path: [...hostPath, 'redis_instances', port] });
    }
  }
  const mode = str(group.vars['redis_mode'] ?? graph.globalVars['redis_mode']);
  return { name: nameOf(key.value), group: group.name, mode, vars: group.vars, nodes, instances, path: group.path };
}
