import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { warning } from '../rule-support/findings.js';
import { rawGroups } from '../rule-support/groups.js';
import { isMap } from '../rule-support/values.js';

/** A group's `pg_cluster` names the group itself (PG007, warning): Pigsty's playbooks are run with `-l <cluster>`. */
export const pgClusterGroupRule: Rule = {
  codes: ['PG007'],
  title: 'pg_cluster equals its group name',
  check(inventory) {
    const out: Finding[] = [];
    for (const group of rawGroups(inventory)) {
      if (!isMap(group.value) || !isMap(group.value.vars)) continue;
      const name = group.value.vars.pg_cluster;
      if (typeof name === 'string' && name !== group.name) {
        out.push(warning('PG007', `pg_cluster ${name} differs from its group name ${group.name}`, [...group.path, 'vars', 'pg_cluster']));
      }
    }
    return out;
  },
};
