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
  /** Both: HBA rules and services depend on it (pg_offline_query: the `offline` HBA role and service selector). */
  | { kind: 'pg-hba-svc' }
  /** `bin/pgsql-ext <cls>` (tag `pg_ext`) — https://pigsty.io/docs/pgsql/admin/extension/ */
  | { kind: 'pg-ext' }
  /** `./pgsql.yml -l <scope> -t <tags>` — https://pigsty.io/docs/pgsql/playbook/ */
  | { kind: 'pg-tags'; tags: string[]; risk: Risk; review: boolean; why: string }
  /** `./node.yml -l <scope> -t <tags>` — https://pigsty.io/docs/node/playbook/ */
  | { kind: 'node-tags'; tags: string[]; risk: Risk; why: string; review?: boolean }
  /** A whole module playbook limited to the scope, flagged for review. */
  | { kind: 'broad'; playbook: string; module: string }
  /** Read only when a module is removed or (re)installed: nothing to run now; `why` says when it applies. */
  | { kind: 'none'; why: string };

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
/**
 * Node settings and the node.yml tag whose tasks read them (roles/node/tasks/*.yml, the haproxy role
 * and the templates they render): https://pigsty.io/docs/node/playbook/#nodeyml
 */
const NODE_TAG_GROUPS: readonly { keys: readonly string[]; tags: string[]; risk: Risk; why: string; review?: boolean }[] = [
  // time.yml `node_crontab`: https://pigsty.io/docs/node/param/#node_crontab
  { keys: ['node_crontab'], tags: ['node_crontab'], risk: 'safe', why: 'rewrite /etc/crontab entries' },
  // main.yml `node_name` (hostname, when nodename_overwrite), dns.yml `node_hosts` (the node's own name in /etc/hosts)
  { keys: ['nodename', 'nodename_overwrite'], tags: ['node_name', 'node_hosts'], risk: 'safe', why: 'set the hostname and its /etc/hosts entry' },
  // dns.yml `node_hosts`, `node_resolv`
  { keys: ['node_etc_hosts', 'node_default_etc_hosts', 'node_write_etc_hosts'], tags: ['node_hosts'], risk: 'safe', why: 'rewrite the static /etc/hosts records' },
  { keys: ['node_dns_method', 'node_dns_servers', 'node_dns_options'], tags: ['node_resolv'], risk: 'safe', why: 'rewrite /etc/resolv.conf' },
  // pkg.yml `node_repo`, `node_pkg`
  { keys: ['node_repo_modules', 'node_repo_remove'], tags: ['node_repo'], risk: 'safe', why: 'rewrite the package repository files' },
  { keys: ['node_packages', 'node_default_packages'], tags: ['node_pkg'], risk: 'safe', review: true, why: 'install the listed packages' },
  // tune.yml `node_feature` (numa and swap: grub and swapoff), `node_kernel`, `node_tune` (the tuned profile,
  // whose templates carry hugepages and overcommit), `node_sysctl`
  { keys: ['node_disable_numa', 'node_disable_swap', 'node_static_network', 'node_disk_prefetch'], tags: ['node_feature'], risk: 'disruptive', review: true, why: 'change numa, swap, network or disk features; numa takes effect at the next reboot' },
  { keys: ['node_kernel_modules'], tags: ['node_kernel'], risk: 'safe', why: 'load the kernel modules' },
  { keys: ['node_tune', 'node_hugepage_count', 'node_hugepage_ratio', 'node_overcommit_ratio'], tags: ['node_tune'], risk: 'safe', why: 'render and activate the tuned profile (kernel parameters change live, no service restarts)' },
  { keys: ['node_sysctl_params'], tags: ['node_sysctl'], risk: 'safe', why: 'apply the sysctl parameters' },
  // time.yml `node_timezone`, `node_ntp` (chrony.conf from node_ntp_servers)
  { keys: ['node_timezone'], tags: ['node_timezone'], risk: 'safe', why: 'set the timezone' },
  { keys: ['node_ntp_enabled', 'node_ntp_servers'], tags: ['node_ntp'], risk: 'safe', why: 'configure and restart chronyd' },
  // vip.yml `node_vip` (keepalived, only while vip_enabled)
  { keys: ['vip_address', 'vip_vrid', 'vip_role', 'vip_preempt', 'vip_interface', 'vip_dns_suffix', 'vip_auth_pass', 'vip_exporter_port'], tags: ['node_vip'], risk: 'disruptive', why: 'reconfigure and reload keepalived: the node VIP may move' },
  // the haproxy role's `haproxy_config` renders the config and reloads HAProxy (the reload task carries both tags)
  { keys: ['haproxy_services', 'haproxy_admin_username', 'haproxy_admin_password', 'haproxy_auth_enabled', 'haproxy_client_timeout', 'haproxy_server_timeout', 'haproxy_exporter_port'], tags: ['haproxy_config'], risk: 'safe', why: 'render the HAProxy config and reload it (existing connections are kept)' },
];
const NODE_TAGS: ReadonlyMap<string, { tags: string[]; risk: Risk; why: string; review?: boolean }> = new Map(
  NODE_TAG_GROUPS.flatMap(({ keys, ...how }) => keys.map((key) => [key, how] as const)),
);
const INFRA_PREFIXES = ['infra_', 'grafana_', 'nginx_', 'dns_', 'vmetrics_', 'vlogs_', 'vtraces_', 'vmalert_', 'alertmanager_', 'blackbox_', 'prometheus_', 'loki_', 'repo_', 'certbot_'];

/** Classifies a variable by name (the same at global, cluster and host level). */
export function classifyVar(key: string): VarClass {
  // Removal settings are read only by the removal playbooks (roles/*_remove: pg_safeguard,
  // pg_rm_data, etcd_safeguard…); *_clean flags only by install tasks, to purge data first.
  if (/_safeguard$|_rm_(data|pkg|backup)$/.test(key)) return { kind: 'none', why: 'read only when the module is removed (its *-rm.yml): nothing runs now' };
  if (/_clean$/.test(key)) return { kind: 'none', why: 'read only when the module is (re)installed: nothing runs now; while it is true, that install purges the existing data first' };
  if (HBA.has(key)) return { kind: 'pg-hba' };
  if (SVC.has(key)) return { kind: 'pg-svc' };
  // templates/pg_hba.conf and pgbouncer.hba grant `role: offline` rules to instances with pg_offline_query;
  // the default offline service selects them too.
  if (key === 'pg_offline_query') return { kind: 'pg-hba-svc' };
  // pg_exporters (infra group vars) are remote instances monitored by pgsql-monitor.yml (hosts: infra):
  // https://pigsty.io/docs/pgsql/monitor
  if (key === 'pg_exporters') return { kind: 'broad', playbook: './pgsql-monitor.yml', module: 'infra' };
  if (EXT.has(key)) return { kind: 'pg-ext' };
  const pg = PG_TAGS[key];
  if (pg !== undefined) return { kind: 'pg-tags', ...pg };
  const node = NODE_TAGS.get(key);
  if (node !== undefined) return { kind: 'node-tags', ...node };
  if (key.startsWith('pgbackrest_')) return { kind: 'pg-tags', ...PGBACKREST };
  // Docker compose apps (app.yml, https://pigsty.io/docs/app) and the docker daemon (docker.yml,
  // https://pigsty.io/docs/docker/playbook) have playbooks of their own.
  if (key === 'app' || key === 'apps') return { kind: 'broad', playbook: './app.yml', module: 'app' };
  if (key.startsWith('docker_')) return { kind: 'broad', playbook: './docker.yml', module: 'docker' };
  // Kafka and MySQL have playbooks that converge a running cluster (kafka.yml, mysql.yml headers).
  if (key.startsWith('kafka_')) return { kind: 'broad', playbook: './kafka.yml', module: 'kafka' };
  if (key.startsWith('mysql_')) return { kind: 'broad', playbook: './mysql.yml', module: 'mysql' };
  if (/^(pg_|pgb_|pgbouncer_|patroni_|pgbackrest_|pg_exporter)/.test(key)) return { kind: 'broad', playbook: './pgsql.yml', module: 'pgsql' };
  if (/^(node_|haproxy_|vip_|keepalived_|vector_)/.test(key)) return { kind: 'broad', playbook: './node.yml', module: 'node' };
  if (key.startsWith('redis_')) return { kind: 'broad', playbook: './redis.yml', module: 'redis' };
  if (key.startsWith('etcd_')) return { kind: 'broad', playbook: './etcd.yml', module: 'etcd' };
  if (key.startsWith('minio_')) return { kind: 'broad', playbook: './minio.yml', module: 'minio' };
  if (INFRA_PREFIXES.some((p) => key.startsWith(p))) return { kind: 'broad', playbook: './infra.yml', module: 'infra' };
  return { kind: 'broad', playbook: './deploy.yml', module: 'all' };
}
