import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { error, warning } from '../rule-support/findings.js';
import { rawGroups } from '../rule-support/groups.js';
import { varScopes } from '../rule-support/var-scopes.js';
import { isMap, show } from '../rule-support/values.js';

/**
 * MinIO identity and engine: `minio_cluster` never in all.vars (MINIO003, every host would
 * inherit it), a non-empty string in each minio group and present in the conventional
 * `minio` group (MINIO004), `minio_type` only `silo` (MINIO005), and a minio cluster exists
 * when pgBackRest uses it (MINIO006, warning).
 */
export const minioConfigRule: Rule = {
  codes: ['MINIO003', 'MINIO004', 'MINIO005', 'MINIO006'],
  title: 'minio_cluster placement, minio_type, pgBackRest repo',
  check(inventory) {
    const out: Finding[] = [];
    if ('minio_cluster' in inventory.globalVars) {
      out.push(error('MINIO003', 'minio_cluster is not allowed in all.vars: define it in the minio cluster group vars', ['all', 'vars', 'minio_cluster']));
    }
    for (const group of rawGroups(inventory)) {
      if (!isMap(group.value)) continue;
      const vars = isMap(group.value.vars) ? group.value.vars : undefined;
      if (vars && 'minio_cluster' in vars) {
        const name = vars.minio_cluster;
        if (typeof name !== 'string' || name === '') out.push(error('MINIO004', `minio_cluster of group ${group.name} should be a non-empty string, got ${show(name)}`, [...group.path, 'vars', 'minio_cluster']));
      } else if (group.name === 'minio') {
        out.push(error('MINIO004', 'group minio has no minio_cluster in its vars', vars ? [...group.path, 'vars'] : group.path));
      }
    }
    for (const scope of varScopes(inventory)) {
      if ('minio_type' in scope.vars && scope.vars.minio_type !== 'silo') {
        out.push(error('MINIO005', `minio_type in ${scope.label} is ${show(scope.vars.minio_type)}: only silo is supported`, [...scope.path, 'minio_type']));
      }
    }
    if (inventory.minioClusters.size === 0 && inventory.globalVars.pgbackrest_method === 'minio') {
      out.push(warning('MINIO006', 'pgbackrest_method is minio but the inventory has no minio cluster', ['all', 'vars', 'pgbackrest_method']));
    }
    return out;
  },
};
