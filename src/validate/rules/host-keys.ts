import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { isIPv4 } from '../safe-names.js';
import { error } from '../rule-support/findings.js';
import { rawGroups } from '../rule-support/groups.js';
import { ipProblem } from '../rule-support/ip-problem.js';
import { isMap } from '../rule-support/values.js';

/** Host keys are IPv4 addresses with octets 0..255 and no leading zeros (NET001). */
export const hostKeysRule: Rule = {
  codes: ['NET001'],
  title: 'host keys are IPv4 addresses',
  check(inventory) {
    const out: Finding[] = [];
    const all: unknown = inventory.source.document.all;
    if (isMap(all) && isMap(all.hosts)) {
      for (const ip of Object.keys(all.hosts)) if (!isIPv4(ip)) out.push(error('NET001', ipProblem('host key', ip) + ' (in all.hosts)', ['all', 'hosts', ip]));
    }
    for (const group of rawGroups(inventory)) {
      if (!isMap(group.value) || !isMap(group.value.hosts)) continue;
      for (const ip of Object.keys(group.value.hosts)) {
        if (!isIPv4(ip)) out.push(error('NET001', `${ipProblem('host key', ip)} (in group ${group.name})`, [...group.path, 'hosts', ip]));
      }
    }
    return out;
  },
};
