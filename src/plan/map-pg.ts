import { draft, PHASE, type ActionDraft } from './action-draft.js';
import type { PlannedChange } from './planned-change.js';
import { compareIp, safe } from './safe-argv.js';

/**
 * What pgsql-rm.yml removes with Pigsty's defaults (roles/pg_remove/defaults/main.yml: pg_rm_data,
 * pg_rm_backup, pg_rm_pkg all true); it stops at once when the inventory sets pg_safeguard.
 */
const REMOVAL_EFFECT = 'the data directory is deleted unless pg_rm_data is false and packages are uninstalled unless pg_rm_pkg is false (it stops if pg_safeguard is true)';

/** Groups `ip` by cluster for the `<cls> <ip…>` forms of bin/pgsql-add and bin/pgsql-rm (and which of them were primaries). */
function collect(changes: readonly PlannedChange[], t: 'pg-instance-add' | 'pg-instance-remove'): Map<string, { ips: string[]; ids: string[]; primaries: string[] }> {
  const out = new Map<string, { ips: string[]; ids: string[]; primaries: string[] }>();
  for (const { change, hint } of changes) {
    if (hint.t !== t) continue;
    const entry = out.get(hint.cluster) ?? { ips: [], ids: [], primaries: [] };
    entry.ips.push(hint.ip);
    entry.ids.push(change.id);
    if (hint.t === 'pg-instance-remove' && hint.role === 'primary') entry.primaries.push(hint.ip);
    out.set(hint.cluster, entry);
  }
  return out;
}

/** Postgres clusters, instances, users, databases, services and HBA rules → Pigsty's bin/pgsql-* scripts. */
export function mapPg(changes: readonly PlannedChange[]): ActionDraft[] {
  const out: ActionDraft[] = [];
  for (const { change, hint } of changes) {
    const id = [change.id];
    switch (hint.t) {
      // https://pigsty.io/docs/pgsql/admin/cluster/#create-cluster — `bin/pgsql-add <cls>` runs `./pgsql.yml -l <cls>`
      case 'pg-cluster-add':
        out.push(draft({ phase: PHASE.pgClusterAdd, sortKey: hint.cluster, kind: 'pgsql-add', argv: ['bin/pgsql-add', safe.cluster(hint.cluster)], risk: 'safe', reason: `create cluster ${hint.cluster} with its users, databases, services and HBA rules`, changes: id }));
        break;
      // https://pigsty.io/docs/pgsql/admin/cluster/#remove-cluster — `bin/pgsql-rm <cls>` runs `./pgsql-rm.yml -l <cls>`
      case 'pg-cluster-remove':
        out.push(draft({ phase: PHASE.pgClusterRemove, sortKey: hint.cluster, kind: 'pgsql-rm', argv: ['bin/pgsql-rm', safe.cluster(hint.cluster)], risk: 'destructive', reason: `remove cluster ${hint.cluster}: ${REMOVAL_EFFECT}; the primary's pgBackRest backups too unless pg_rm_backup is false`, changes: id, inventory: 'base' }));
        break;
      // https://pigsty.io/docs/pgsql/admin/user/ — `bin/pgsql-user <cls> <user>` runs `./pgsql-user.yml -l <cls> -e username=<user>`
      case 'pg-user': {
        const drop = hint.state === 'absent';
        out.push(draft({ phase: drop ? PHASE.userDrop : PHASE.users, sortKey: `${hint.cluster} ${hint.user}`, kind: 'pgsql-user', argv: ['bin/pgsql-user', safe.cluster(hint.cluster), safe.identifier(hint.user)], risk: drop ? 'destructive' : 'safe', reason: drop ? `drop user ${hint.user} on ${hint.cluster} (state: absent)` : `create or update user ${hint.user} on ${hint.cluster}`, changes: id }));
        break;
      }
      // https://pigsty.io/docs/pgsql/admin/db/ — `bin/pgsql-db <cls> <db>` runs `./pgsql-db.yml -l <cls> -e dbname=<db>`; after the owner exists
      case 'pg-database': {
        const drop = hint.state === 'absent';
        const recreate = hint.state === 'recreate';
        out.push(draft({
          phase: drop ? PHASE.dbDrop : PHASE.databases, sortKey: `${hint.cluster} ${hint.db}`, kind: 'pgsql-db',
          argv: ['bin/pgsql-db', safe.cluster(hint.cluster), safe.identifier(hint.db)],
          risk: drop || recreate ? 'destructive' : 'safe',
          reason: drop ? `drop database ${hint.db} on ${hint.cluster} (state: absent)` : recreate ? `drop and recreate database ${hint.db} on ${hint.cluster} (state: recreate): its data is lost` : `create or update database ${hint.db} on ${hint.cluster}`,
          changes: id,
        }));
        break;
      }
      // https://pigsty.io/docs/pgsql/admin/service/ — `bin/pgsql-svc <cls>` runs `./pgsql.yml -l <cls> -t pg_service`
      case 'pg-service':
        out.push(draft({ phase: PHASE.config, sortKey: hint.cluster, kind: 'pgsql-svc', argv: ['bin/pgsql-svc', safe.cluster(hint.cluster)], risk: 'safe', reason: `refresh HAProxy services of ${hint.cluster}`, changes: id }));
        break;
      // https://pigsty.io/docs/pgsql/admin/hba/ — `bin/pgsql-hba <cls>` runs `./pgsql.yml -l <cls> -t pg_hba,pg_reload,pgbouncer_hba,pgbouncer_reload`
      case 'pg-hba':
        out.push(draft({ phase: PHASE.config, sortKey: hint.cluster, kind: 'pgsql-hba', argv: ['bin/pgsql-hba', safe.cluster(hint.cluster)], risk: 'safe', reason: `refresh PostgreSQL and Pgbouncer HBA rules of ${hint.cluster}`, changes: id }));
        break;
      // Role changes are made by switchover (https://pigsty.io/docs/pgsql/admin/patroni/), not by a playbook;
      // afterwards services and HBA rules are refreshed (pgsql.yml: "bin/pgsql-hba pg-test # reload pg/pgb hba
      // rules of pg-test (when role/hba changed)"; HBA rules can be limited to a role). Review by hand.
      case 'pg-instance-identity': {
        const why = `pg_role/pg_seq/pg_upstream of ${hint.ip} changed: perform the switchover by hand (pg switchover ${hint.cluster}) first`;
        out.push(draft({ phase: PHASE.review, sortKey: hint.cluster, kind: 'pgsql-svc', argv: ['bin/pgsql-svc', safe.cluster(hint.cluster)], risk: 'disruptive', review: true, reason: `${why}, then refresh services — review by hand`, changes: id }));
        out.push(draft({ phase: PHASE.review, sortKey: hint.cluster, kind: 'pgsql-hba', argv: ['bin/pgsql-hba', safe.cluster(hint.cluster)], risk: 'disruptive', review: true, reason: `${why}, then reload HBA rules, which can depend on the role — review by hand`, changes: id }));
        break;
      }
      default:
        break;
    }
  }
  // https://pigsty.io/docs/pgsql/admin/cluster/#add-instance — `bin/pgsql-add <cls> <ip…>` (nodes added first with bin/node-add <ip…>)
  for (const [cluster, { ips, ids }] of collect(changes, 'pg-instance-add')) {
    const sorted = [...ips].sort(compareIp);
    out.push(draft({ phase: PHASE.pgInstanceAdd, sortKey: cluster, kind: 'pgsql-add', argv: ['bin/pgsql-add', safe.cluster(cluster), ...sorted.map(safe.ip)], risk: 'safe', reason: `add instance(s) ${sorted.join(', ')} to ${cluster}; HAProxy on existing members is reloaded`, changes: ids }));
  }
  // https://pigsty.io/docs/pgsql/admin/cluster/#remove-instance — `bin/pgsql-rm <cls> <ip…>`
  for (const [cluster, { ips, ids, primaries }] of collect(changes, 'pg-instance-remove')) {
    const sorted = [...ips].sort(compareIp);
    // roles/pg_remove: pgBackRest backups go with the primary (`when: pg_role == 'primary'`, pg_rm_backup).
    const backups = primaries.length > 0 ? `; ${primaries.join(', ')} is the primary: the cluster's pgBackRest backups are deleted too unless pg_rm_backup is false` : '';
    out.push(draft({ phase: PHASE.pgInstanceRemove, sortKey: cluster, kind: 'pgsql-rm', argv: ['bin/pgsql-rm', safe.cluster(cluster), ...sorted.map(safe.ip)], risk: 'destructive', reason: `remove instance(s) ${sorted.join(', ')} from ${cluster}: ${REMOVAL_EFFECT}${backups}`, changes: ids, inventory: 'base' }));
    // bin/pgsql-rm leaves the remaining members' services as they were: "then refresh pg_service with
    // updated inventory: bin/pgsql-svc <cls>".
    out.push(draft({ phase: PHASE.pgServiceAfterRemove, sortKey: cluster, kind: 'pgsql-svc', argv: ['bin/pgsql-svc', safe.cluster(cluster)], risk: 'safe', reason: `refresh HAProxy services of ${cluster} without the removed instance(s)`, changes: ids }));
  }
  return out;
}
