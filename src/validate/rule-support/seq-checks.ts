import type { JsonPath } from '../../inventory/json-path.js';
import type { Inventory } from '../../inventory/model.js';
import type { Finding } from '../finding.js';
import { error } from './findings.js';
import { definition } from './var-path.js';
import { isInteger, show } from './values.js';

export interface SeqMember {
  ip: string;
  path: JsonPath;
}

/**
 * `<x>_seq` of each member is an integer >= 0 (`invalidCode`) and unique in its cluster
 * (`duplicateCode`). One pass with a map: linear in the members.
 */
export function checkSeqs(inventory: Inventory, key: string, clusterLabel: string, members: readonly SeqMember[], invalidCode: string, duplicateCode: string): Finding[] {
  const out: Finding[] = [];
  const bySeq = new Map<number, { ips: string[]; paths: JsonPath[] }>();
  for (const member of members) {
    const found = definition(inventory, member.path, key);
    const path = found?.path;
    const value = found?.value;
    if (path === undefined || value === undefined) {
      out.push(error(invalidCode, `${key} of ${member.ip} in ${clusterLabel} is missing`, member.path));
      continue;
    }
    if (!isInteger(value) || value < 0) {
      out.push(error(invalidCode, `${key} of ${member.ip} in ${clusterLabel} should be an integer >= 0, got ${show(value)}`, path));
      continue;
    }
    const entry = bySeq.get(value);
    if (entry) {
      entry.ips.push(member.ip);
      entry.paths.push(path);
    } else bySeq.set(value, { ips: [member.ip], paths: [path] });
  }
  for (const [seq, entry] of bySeq) {
    if (entry.ips.length < 2) continue;
    out.push(error(duplicateCode, `duplicate ${key} ${seq} in ${clusterLabel}: ${entry.ips.join(', ')}`, entry.paths[1] ?? []));
  }
  return out;
}
