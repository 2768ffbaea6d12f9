import { draft, PHASE, type ActionDraft } from './action-draft.js';
import type { PlannedChange } from './planned-change.js';
import { compareIp, safe } from './safe-argv.js';

/**
 * etcd, MinIO and infra groups and members.
 * - etcd: `bin/etcd-add [ip…]` / `bin/etcd-rm [ip…]` (https://pigsty.io/docs/etcd/admin). Pigsty's
 *   etcd.yml and etcd-rm.yml run on the group named `etcd` only (`hosts: etcd`): an etcd cluster in
 *   a group of another name is reported with a note and no command (nothing Pigsty runs would reach it).
 * - MinIO: `./minio.yml -l <cls>` / `./minio-rm.yml -l <cls>` (https://pigsty.io/docs/minio/playbook);
 *   adding members to a running MinIO means a new server pool: review by hand.
 * - infra: `./infra.yml -l <group|ip>` / `./infra-rm.yml -l <group|ip>` (https://pigsty.io/docs/infra/playbook).
 */
export function mapModules(changes: readonly PlannedChange[]): ActionDraft[] {
  const out: ActionDraft[] = [];
  const etcdMembers = new Map<string, { group: string; op: 'add' | 'remove'; ips: string[]; ids: string[] }>();
  for (const { change, hint } of changes) {
    const id = [change.id];
    if (hint.t === 'module-cluster') {
      const g = safe.group(hint.group);
      if (hint.module === 'etcd') {
        if (g !== 'etcd') change.note = unmanagedEtcd(g);
        else if (hint.op === 'add') out.push(draft({ phase: PHASE.etcdAdd, sortKey: g, kind: 'etcd-add', argv: ['bin/etcd-add'], risk: 'disruptive', reason: `create etcd cluster ${g} (etcd is (re)started)`, changes: id }));
        else out.push(draft({ phase: PHASE.etcdRemove, sortKey: g, kind: 'etcd-rm', argv: ['bin/etcd-rm'], risk: 'destructive', reason: `remove etcd cluster ${g}: its data is lost; Patroni clusters using it lose their DCS`, changes: id, inventory: 'base' }));
      } else if (hint.module === 'minio') {
        if (hint.op === 'add') out.push(draft({ phase: PHASE.minioAdd, sortKey: g, kind: 'minio-add', argv: ['./minio.yml', '-l', g], risk: 'safe', reason: `create MinIO cluster ${g}`, changes: id }));
        else out.push(draft({ phase: PHASE.minioRemove, sortKey: g, kind: 'minio-rm', argv: ['./minio-rm.yml', '-l', g], risk: 'destructive', reason: `remove MinIO cluster ${g}: objects (and backups kept there) are lost`, changes: id, inventory: 'base' }));
      } else if (hint.op === 'add') {
        out.push(draft({ phase: PHASE.infraAdd, sortKey: g, kind: 'infra-add', argv: ['./infra.yml', '-l', g], risk: 'safe', reason: `install infrastructure on ${g}`, changes: id }));
      } else {
        out.push(draft({ phase: PHASE.infraRemove, sortKey: g, kind: 'infra-rm', argv: ['./infra-rm.yml', '-l', g], risk: 'destructive', reason: `remove infrastructure from ${g}: monitoring data is lost`, changes: id, inventory: 'base' }));
      }
      continue;
    }
    if (hint.t !== 'module-member') continue;
    const ip = safe.ip(hint.ip);
    const g = safe.group(hint.group);
    if (hint.module === 'etcd' && g !== 'etcd') {
      change.note = unmanagedEtcd(g);
    } else if (hint.module === 'etcd' && hint.op !== 'modify') {
      const key = `${hint.op} ${g}`;
      const entry = etcdMembers.get(key) ?? { group: g, op: hint.op, ips: [], ids: [] };
      entry.ips.push(ip);
      entry.ids.push(change.id);
      etcdMembers.set(key, entry);
    } else if (hint.op === 'modify') {
      const playbook = `./${hint.module}.yml`;
      out.push(draft({ phase: PHASE.review, sortKey: ip, kind: 'playbook', argv: [playbook, '-l', ip], risk: 'disruptive', review: true, reason: `${hint.module} member ${ip} vars changed: no narrow command is known, ${playbook} runs on it — review by hand`, changes: id }));
    } else if (hint.module === 'minio') {
      if (hint.op === 'add') out.push(draft({ phase: PHASE.review, sortKey: g, kind: 'playbook', argv: ['./minio.yml', '-l', g], risk: 'disruptive', review: true, reason: `MinIO member ${ip} added to ${g}: expanding MinIO means a new server pool and a restart — review by hand`, changes: id }));
      else out.push(draft({ phase: PHASE.minioRemove, sortKey: ip, kind: 'minio-rm', argv: ['./minio-rm.yml', '-l', ip], risk: 'destructive', review: true, reason: `MinIO member ${ip} removed from ${g}: its drives leave the pool — review by hand`, changes: id, inventory: 'base' }));
    } else if (hint.op === 'add') {
      out.push(draft({ phase: PHASE.infraAdd, sortKey: ip, kind: 'infra-add', argv: ['./infra.yml', '-l', ip], risk: 'safe', reason: `install infrastructure on ${ip}`, changes: id }));
    } else {
      out.push(draft({ phase: PHASE.infraRemove, sortKey: ip, kind: 'infra-rm', argv: ['./infra-rm.yml', '-l', ip], risk: 'destructive', reason: `remove infrastructure from ${ip}`, changes: id, inventory: 'base' }));
    }
  }
  for (const { group, op, ips, ids } of etcdMembers.values()) {
    const sorted = [...ips].sort(compareIp);
    const others = `'etcd,!${sorted.join(',!')}'`;
    // bin/etcd-add and bin/etcd-rm end with these instructions: the other members' config one at a
    // time (-f 1: etcd_launch restarts etcd), then Patroni's and vip-manager's etcd endpoints.
    const followUp = `then, as the script instructs, update the other members one at a time (./etcd.yml -l ${others} --tags=etcd_config,etcd_launch -f 1) and the etcd endpoints of Patroni and vip-manager (./pgsql.yml -t pg_conf,patroni_reload and -t pg_vip) — review by hand`;
    if (op === 'add') {
      out.push(draft({ phase: PHASE.etcdAdd, sortKey: group, kind: 'etcd-add', argv: ['bin/etcd-add', ...sorted], risk: 'disruptive', review: true, reason: `add etcd member(s) ${sorted.join(', ')} to ${group}; ${followUp}`, changes: ids }));
    } else {
      out.push(draft({ phase: PHASE.etcdRemove, sortKey: group, kind: 'etcd-rm', argv: ['bin/etcd-rm', ...sorted], risk: 'destructive', review: true, reason: `remove etcd member(s) ${sorted.join(', ')} from ${group}; ${followUp}`, changes: ids, inventory: 'base' }));
    }
  }
  return out;
}

function unmanagedEtcd(group: string): string {
  return `Pigsty's etcd.yml and etcd-rm.yml run on the group named etcd only (hosts: etcd), so no Pigsty command reaches group ${group}: rename it to etcd or converge it by hand`;
}
