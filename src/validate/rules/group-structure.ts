import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { error } from '../rule-support/findings.js';
import { rawGroups } from '../rule-support/groups.js';
import { isMap, kindOf } from '../rule-support/values.js';

/** Every group lists hosts (GRP001) in a map, and its vars are a map (GRP002). Groups with only `children:` are fine. */
export const groupStructureRule: Rule = {
  codes: ['GRP001', 'GRP002'],
  title: 'groups have hosts; hosts and vars are maps',
  check(inventory) {
    const out: Finding[] = [];
    for (const group of rawGroups(inventory)) {
      const value = group.value;
      if (!isMap(value)) {
        out.push(error('GRP001', `group ${group.name} is empty`, group.path));
        continue;
      }
      const hasChildren = isMap(value.children) && Object.keys(value.children).length > 0;
      if (value.hosts === undefined || value.hosts === null) {
        if (!hasChildren) out.push(error('GRP001', `group ${group.name} has no hosts`, group.path));
      } else if (!isMap(value.hosts)) {
        out.push(error('GRP002', `hosts of group ${group.name} should be a map of IP addresses, got ${kindOf(value.hosts)}`, [...group.path, 'hosts']));
      } else if (Object.keys(value.hosts).length === 0 && !hasChildren) {
        out.push(error('GRP001', `group ${group.name} has no hosts`, [...group.path, 'hosts']));
      }
      if (value.vars !== undefined && value.vars !== null && !isMap(value.vars)) {
        out.push(error('GRP002', `vars of group ${group.name} should be a map, got ${kindOf(value.vars)}`, [...group.path, 'vars']));
      }
    }
    return out;
  },
};
