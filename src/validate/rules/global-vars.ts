import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { isIPv4 } from '../safe-names.js';
import { ipProblem } from '../rule-support/ip-problem.js';
import { error, warning } from '../rule-support/findings.js';
import { show } from '../rule-support/values.js';

const REGIONS = ['default', 'china', 'europe'];

/** all.vars essentials: admin_ip (VAR001, VAR002), version (VAR003), region (VAR004). */
export const globalVarsRule: Rule = {
  codes: ['VAR001', 'VAR002', 'VAR003', 'VAR004'],
  title: 'global vars: admin_ip, version, region',
  check(inventory) {
    const vars = inventory.globalVars;
    const out: Finding[] = [];
    const adminIp = vars.admin_ip;
    if (adminIp === undefined) out.push(error('VAR001', 'admin_ip is not set in all.vars', ['all', 'vars']));
    else if (!isIPv4(adminIp)) out.push(error('VAR002', ipProblem('admin_ip', adminIp), ['all', 'vars', 'admin_ip']));
    if (vars.version === undefined) out.push(warning('VAR003', 'version is not set in all.vars: is this a Pigsty inventory?', ['all', 'vars']));
    const region = vars.region;
    if (region === undefined) out.push(warning('VAR004', 'region is not set in all.vars (default, china or europe)', ['all', 'vars']));
    else if (typeof region !== 'string' || !REGIONS.includes(region)) out.push(warning('VAR004', `region ${show(region)} is not one of default, china, europe`, ['all', 'vars', 'region']));
    return out;
  },
};
