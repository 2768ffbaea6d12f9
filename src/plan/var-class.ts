import type { Risk } from './types.js';

/**
 * How a changed variable is converged. Each entry names the narrowest Pigsty command known for it;
 * tags verified in Pigsty's roles (roles/pgsql/tasks/*.yml, roles/node/tasks/*.yml).
 */
export type VarClass =
  /** `bin/pgsql-hba <cls> [ip…]` — https://pigsty.io/docs/pgsql/admin/hba/ */
  | { kind: 'pg-hba' }
  /** `bin/pgsql-svc <cls> [ip…]` — https://pigsty.io/docs/pgsql/admin/service/ */
  | { kind: 'pg-svc' }
  /** `bin/pgsql-ext <cls>` (tag `pg_ext`) — https://pigsty.io/docs/pgsql/admin/extension/ */
  | { kind: 'pg-ext' }
  /** `./pgsql.yml -l <scope> -t <tags>` — https://pigsty.io/docs/pgsql/playbook/ */
  | { kind: 'pg-tags'; tags: string[]; risk: Risk; review: boolean; why: string }
  /** `./node.yml -l <scope> -t <tags>` — https://pigsty.io/docs/node/playbook/ */
  | { kind: 'node-tags'; tags: string[]; risk: Risk; why: string }
  /** A whole module playbook limited to the scope, flagged for review. */
  | { kind: 'broad'; playbook: string; module: string };

const PG_TAGS: Record<string, { tags: string[]; risk: Risk; review: boolean; why: string }> = {
  // postgresql.auto.conf rendered by the `pg_param` task, then `pg_reload` (roles/pgsql/tasks/patroni.yml).
  // Parameters that need a restart stay pending until one: https://pigsty.io/docs/pgsql/config/param/
  pg_parameters: { tags: ['pg_param', 'pg_reload'], risk: 'disruptive', review: false, why: 'rewrite postgresql.auto.conf and reload; parameters that need a restart stay pending until one' },
  // `pg_crontab` tag (roles/pgsql/tasks/main.yml → crontab.yml): https://pigsty.io/docs/pgsql/param/#pg_crontab
  pg_crontab: { tags: ['pg_crontab'], risk: 'safe', review: false, why: 'rewrite the postgres dbsu crontab' },
  // `pg_vip` tag (roles/pgsql/tasks/main.yml → vip.yml, vip-manager): https://pigsty.io/docs/pgsql/param/#pg_vip_enabled
  pg_vip_enabled: { tags: ['pg_vip'], risk: 'disruptive', review: false, why: 'reconfigure vip-manager: the L2 VIP moves, connections through it drop' },
  pg_vip_address: { tags: ['pg_vip'], risk: 'disruptive', review: false, why: 'reconfigure vip-manager: the L2 VIP moves, connections through it drop' },
  pg_vip_interface: { tags: ['pg_vip'], risk: 'disruptive', review: false, why: 'reconfigure vip-manager: the L2 VIP moves, connections through it drop' },
  // packages: `pg_pkg` tag (roles/pgsql/tasks/install.yml): pg_packages are installed `state=present`
  // (never upgraded), the extension packages in the same block `state=latest`.
  pg_packages: { tags: ['pg_pkg'], risk: 'disruptive', review: true, why: 'install missing PostgreSQL packages; the same task upgrades the extension packages to their latest version, which a restart then loads' },
  // Default roles, their privileges and the system users' passwords are applied only by pg-init-roles.sql,
  // which the `pg_init` tag runs on the primary (roles/pgsql/tasks/patroni.yml, templates/pg-init-roles.sql:
  // CREATE then ALTER, so it is re-runnable); `pg_user` only loops over pg_users. `pg_init` runs the
  // cluster's pg_init script, which an inventory may replace: review by hand.
  pg_default_roles: { tags: ['pg_init'], risk: 'safe', review: true, why: 'create or alter the default roles (pg-init-roles.sql, run by the cluster\'s pg_init script on the primary)' },
  pg_default_privileges: { tags: ['pg_init'], risk: 'safe', review: true, why: 'default privileges of the default roles (pg-init-roles.sql, run by the cluster\'s pg_init script on the primary)' },
  // + `pg_pass` rewrites the dbsu's .pgpass (patroni.yml); + `pg_exporter` reconfigures the exporter (roles/pg_monitor);
  // + `pg_conf,patroni_reload` re-renders and reloads Patroni's config, which carries the replication credentials.
  pg_admin_password: { tags: ['pg_init', 'pg_pass'], risk: 'safe', review: true, why: 'admin password changed: alter the role (pg-init-roles.sql on the primary) and rewrite .pgpass; check tools that use it' },
  pg_monitor_password: { tags: ['pg_init', 'pg_pass', 'pg_exporter'], risk: 'safe', review: true, why: 'monitor password changed: alter the role, rewrite .pgpass and reconfigure pg_exporter' },
  pg_replication_password: { tags: ['pg_init', 'pg_pass', 'pg_conf', 'patroni_reload'], risk: 'disruptive', review: true, why: 'replication password changed: alter the role, rewrite .pgpass, re-render and reload Patroni (replicas reconnect with the new password)' },
};

// pgBackRest settings: the `pgbackrest` tag (roles/pgsql/tasks/pgbackrest.yml) rewrites pgbackrest.conf,
// creates the stanza in the repo and, with pgbackrest_init_backup (default true), takes a full backup.
// https://pigsty.io/docs/pgsql/backup/
const PGBACKREST = { tags: ['pgbackrest'], risk: 'disruptive' as Risk, review: true, why: 'rewrite pgbackrest.conf and create the stanza in the repo; with pgbackrest_init_backup (the default) a full backup runs on the primary' };

const HBA = new Set(['pg_hba_rules', 'pgb_hba_rules', 'pg_default_hba_rules', 'pgb_default_hba_rules']);
const SVC = new Set(['pg_services', 'pg_default_services', 'pg_service_provider', 'pg_default_service_dest']);
const EXT = new Set(['pg_extensions']);
// `node_crontab` tag (roles/node/tasks/time.yml): https://pigsty.io/docs/node/param/#node_crontab
const NODE_TAGS: Record<string, { tags: string[]; risk: Risk; why: string }> = {
  node_crontab: { tags: ['node_crontab'], risk: 'safe', why: 'rewrite /etc/crontab entries' },
};
const INFRA_PREFIXES = ['infra_', 'grafana_', 'nginx_', 'dns_', 'vmetrics_', 'vlogs_', 'vtraces_', 'vmalert_', 'alertmanager_', 'blackbox_', 'prometheus_', 'loki_', 'repo_', 'certbot_'];

/** Classifies a variable by name (the same at global, cluster and host level). */
export function classifyVar(key: string): VarClass {
  if (HBA.has(key)) return { kind: 'pg-hba' };
  if (SVC.has(key)) return { kind: 'pg-svc' };
  if (EXT.has(key)) return { kind: 'pg-ext' };
  const pg = PG_TAGS[key];
  if (pg !== undefined) return { kind: 'pg-tags', ...pg };
  const node = NODE_TAGS[key];
  if (node !== undefined) return { kind: 'node-tags', ...node };
  if (key.startsWith('pgbackrest_')) return { kind: 'pg-tags', ...PGBACKREST };
  // Docker compose apps (app.yml, https://pigsty.io/docs/app) and the docker daemon (docker.yml,
  // https://pigsty.io/docs/docker/playbook) have playbooks of their own.
  if (key === 'app' || key === 'apps') return { kind: 'broad', playbook: './app.yml', module: 'app' };
  if (key.startsWith('docker_')) return { kind: 'broad', playbook: './docker.yml', module: 'docker' };
  if (/^(pg_|pgb_|pgbouncer_|patroni_|pgbackrest_|pg_exporter)/.test(key)) return { kind: 'broad', playbook: './pgsql.yml', module: 'pgsql' };
  if (/^(node_|haproxy_|vip_|keepalived_|vector_)/.test(key)) return { kind: 'broad', playbook: './node.yml', module: 'node' };
  if (key.startsWith('redis_')) return { kind: 'broad', playbook: './redis.yml', module: 'redis' };
  if (key.startsWith('etcd_')) return { kind: 'broad', playbook: './etcd.yml', module: 'etcd' };
  if (key.startsWith('minio_')) return { kind: 'broad', playbook: './minio.yml', module: 'minio' };
  if (INFRA_PREFIXES.some((p) => key.startsWith(p))) return { kind: 'broad', playbook: './infra.yml', module: 'infra' };
  return { kind: 'broad', playbook: './deploy.yml', module: 'all' };
}
