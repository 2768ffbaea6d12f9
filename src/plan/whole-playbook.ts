import type { Risk } from './types.js';

/**
 * What running a whole module playbook does to hosts that already run it (the fallback when no
 * narrow command converges a change), read from Pigsty's playbooks and roles: the header of
 * pgsql.yml ("the full playbook is for initial bootstrap only. Do not rerun it on initialized
 * hosts: it restarts Patroni/PostgreSQL and reapplies managed configuration and bootstrap SQL"),
 * roles/pgsql/tasks/database.yml (drops databases declared `recreate`), roles/etcd/tasks/main.yml
 * (etcd_launch restarts etcd), app.yml (docker compose up), kafka.yml and mysql.yml ("converge", "reconcile"), roles/docker/tasks/main.yml (docker_launch restarts docker), roles/haproxy/tasks/main.yml (node.yml restarts HAProxy), roles/redis/tasks/instance.yml (redis_launch restarts every
 * instance), minio.yml ("re-run this playbook may restart the running minio server").
 */
const EFFECTS: Readonly<Record<string, { risk: Risk; effect: string }>> = {
  './pgsql.yml': {
    risk: 'destructive',
    effect: 'Pigsty runs it for initial bootstrap only: on running instances it restarts Patroni and PostgreSQL and re-applies bootstrap SQL (databases declared recreate are dropped)',
  },
  './deploy.yml': {
    risk: 'destructive',
    effect: 'it re-runs every module, the full ./pgsql.yml included, which Pigsty runs for initial bootstrap only (it restarts Patroni and PostgreSQL and re-applies bootstrap SQL)',
  },
  './etcd.yml': { risk: 'disruptive', effect: 'it restarts etcd on every member at once: Patroni loses its DCS until they are back' },
  './redis.yml': { risk: 'disruptive', effect: 'it restarts every redis instance' },
  './minio.yml': { risk: 'disruptive', effect: 'it may restart the running MinIO server' },
  './node.yml': { risk: 'disruptive', effect: 'it re-applies node tuning, packages and services: HAProxy restarts (connections to the Postgres services through it drop), chronyd and keepalived too' },
  './infra.yml': { risk: 'disruptive', effect: 'it reconfigures and restarts the infra services' },
  './pgsql-monitor.yml': { risk: 'safe', effect: 'it (re)configures the local pg_exporter services that monitor the remote Postgres instances' },
  './app.yml': { risk: 'disruptive', effect: "it copies the compose files of the hosts' `app` (or -e app=<name>) and runs docker compose up: changed containers are recreated" },
  './docker.yml': { risk: 'disruptive', effect: 'it restarts the docker daemon: containers restart unless live-restore is on' },
  './kafka.yml': { risk: 'disruptive', effect: 'it converges each selected kafka cluster to its declared state, restarting changed nodes one at a time (Pigsty refuses a partial member selection: limit it to whole clusters)' },
  './mysql.yml': { risk: 'disruptive', effect: 'it reconciles config, accounts, cluster, Router, backup and monitoring without removing initialized data; a config change restarts members' },
};

const UNKNOWN = { risk: 'destructive' as Risk, effect: 'its effect on running hosts is not known' };

/** Risk and effect of running `playbook` whole on hosts that already run it. */
export function wholePlaybookEffect(playbook: string): { risk: Risk; effect: string } {
  return EFFECTS[playbook] ?? UNKNOWN;
}
