import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { isIPv4 } from '../safe-names.js';
import { error } from '../rule-support/findings.js';
import { checkSeqs } from '../rule-support/seq-checks.js';
import { definition } from '../rule-support/var-path.js';
import { isMap, kindOf, show } from '../rule-support/values.js';

const PORT_KEY = /^[0-9]{1,5}$/;
/** bin/redis-add and bin/redis-rm: `(( port < 1024 || port > 65535 ))` is an invalid port. */
const MIN_REDIS_PORT = 1024;

/**
 * Redis nodes: `redis_node` an integer >= 0 unique in the cluster (REDIS001, REDIS002);
 * `redis_instances` a non-empty map (REDIS003) keyed by ports 1024..65535 (REDIS004: bin/redis-add and
 * bin/redis-rm reject lower ports), unique per
 * node (REDIS005); `replica_of` is `"<ipv4> <port>"` (REDIS006).
 */
export const redisInstancesRule: Rule = {
  codes: ['REDIS001', 'REDIS002', 'REDIS003', 'REDIS004', 'REDIS005', 'REDIS006'],
  title: 'redis_node, redis_instances ports, replica_of',
  check(inventory) {
    const out: Finding[] = [];
    for (const cluster of inventory.redisClusters.values()) {
      out.push(...checkSeqs(inventory, 'redis_node', cluster.name || cluster.group, cluster.nodes, 'REDIS001', 'REDIS002'));
      for (const node of cluster.nodes) {
        const found = definition(inventory, node.path, 'redis_instances');
        const path = found?.path;
        const instances = found?.value;
        if (path === undefined || !isMap(instances) || Object.keys(instances).length === 0) {
          const problem = path === undefined ? 'is missing' : isMap(instances) ? 'is empty' : `should be a map of port: {…}, got ${kindOf(instances)}`;
          out.push(error('REDIS003', `redis_instances of ${node.ip} in ${cluster.name} ${problem}`, path ?? node.path));
          continue;
        }
        const ports = new Map<number, string>();
        for (const [key, spec] of Object.entries(instances)) {
          const port = Number(key);
          if (!PORT_KEY.test(key) || port < MIN_REDIS_PORT || port > 65535) {
            out.push(error('REDIS004', `redis port ${show(key)} on ${node.ip} in ${cluster.name} should be an integer 1024..65535 (Pigsty's bin/redis-add and bin/redis-rm reject lower ports)`, [...path, key]));
            continue;
          }
          const first = ports.get(port);
          if (first !== undefined) out.push(error('REDIS005', `redis port ${port} is defined twice on ${node.ip} in ${cluster.name} (${first} and ${key})`, [...path, key]));
          else ports.set(port, key);
          if (isMap(spec) && spec.replica_of !== undefined && spec.replica_of !== null) {
            const parts = typeof spec.replica_of === 'string' ? spec.replica_of.trim().split(/\s+/) : [];
            const [ip, replicaPort] = parts;
            if (parts.length !== 2 || !isIPv4(ip) || replicaPort === undefined || !PORT_KEY.test(replicaPort) || Number(replicaPort) > 65535) {
              out.push(error('REDIS006', `replica_of ${show(spec.replica_of)} of ${node.ip}:${key} in ${cluster.name} should be "<ipv4> <port>"`, [...path, key, 'replica_of']));
            }
          }
        }
      }
    }
    return out;
  },
};
