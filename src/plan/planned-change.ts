import type { Change } from './types.js';

/** Where a variable change applies: decides the `-l` limit or the cluster argument of its command. */
export type VarScope =
  | { level: 'global' }
  | { level: 'pg-cluster'; cluster: string }
  | { level: 'pg-instance'; cluster: string; ip: string }
  | { level: 'redis-cluster'; cluster: string }
  | { level: 'module-group'; module: 'etcd' | 'minio' | 'infra'; group: string }
  | { level: 'group'; group: string }
  | { level: 'host'; ip: string }
  /** Some already deployed nodes (`-l ip1,ip2`): those a plain group's vars start or stop reaching. */
  | { level: 'hosts'; ips: string[] };

/** What the mapper needs to know about a change (kept out of the published plan). */
export type MapHint =
  | { t: 'node-add'; ip: string }
  | { t: 'node-remove'; ip: string }
  | { t: 'pg-cluster-add'; cluster: string; ips: string[] }
  | { t: 'pg-cluster-remove'; cluster: string; ips: string[] }
  | { t: 'pg-instance-add'; cluster: string; ip: string }
  /** `role`: the instance's `pg_role` in the base (removing the primary also removes the cluster's backups). */
  | { t: 'pg-instance-remove'; cluster: string; ip: string; role: string | undefined }
  | { t: 'pg-instance-identity'; cluster: string; ip: string }
  | { t: 'pg-user'; cluster: string; user: string; state: string | undefined }
  | { t: 'pg-database'; cluster: string; db: string; state: string | undefined }
  | { t: 'definition-dropped' }
  /** Reported with its note, deliberately mapped to no command. */
  | { t: 'no-command' }
  /** A plain group's vars (`keys`) start or stop applying to the existing nodes `scope` limits to. */
  | { t: 'group-members'; group: string; keys: string[]; scope: { level: 'group'; group: string } | { level: 'hosts'; ips: string[] } }
  | { t: 'pg-service'; cluster: string }
  | { t: 'pg-hba'; cluster: string }
  | { t: 'var'; key: string; scope: VarScope }
  | { t: 'redis-cluster-add'; cluster: string }
  | { t: 'redis-cluster-remove'; cluster: string }
  /** `wholeNode`: the node has no instance before (add) or after (remove): the node form of the scripts. */
  | { t: 'redis-instance'; op: 'add' | 'remove' | 'modify'; ip: string; port: number; wholeNode: boolean }
  | { t: 'module-cluster'; module: 'etcd' | 'minio' | 'infra'; op: 'add' | 'remove'; group: string; ips: string[] }
  | { t: 'module-member'; module: 'etcd' | 'minio' | 'infra'; op: 'add' | 'remove' | 'modify'; group: string; ip: string };

export interface PlannedChange {
  change: Change;
  hint: MapHint;
}
