import type { Rule } from '../rule.js';
import { checkSeqs } from '../rule-support/seq-checks.js';

/** Every infra node has an integer `infra_seq` >= 0 (INFRA001), unique in its group (INFRA002). */
export const infraMembersRule: Rule = {
  codes: ['INFRA001', 'INFRA002'],
  title: 'infra_seq present, integer >= 0, unique',
  check(inventory) {
    return [...inventory.infraGroups.values()].flatMap((group) => checkSeqs(inventory, 'infra_seq', group.name, group.members, 'INFRA001', 'INFRA002'));
  },
};
