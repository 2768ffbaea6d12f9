/**
 * The typed inventory model every later stage (validate, plan, apply, cmdb) uses.
 *
 * Layers:
 *  1. `InventorySource`  — the files an inventory was read from (text, display path).
 *  2. `InventoryDocument` — the merged Ansible-shaped document (`all.vars`, `all.children.<g>.hosts|vars`),
 *     plain JSON values, exactly as Ansible would see it after reading a single file or a split layout.
 *  3. `LoadedInventory`  — document + sources + a `locate()` that maps a JSON path back to file:line:column.
 *  4. `Inventory`        — the typed model built from a loaded document (groups, hosts with effective vars,
 *     Postgres clusters, redis, etcd, minio, infra). Built leniently: it never throws on bad content;
 *     the validator reports what is wrong.
 */
import type { JsonPath } from './json-path.js';

/** Plain YAML/JSON value after loading (YAML 1.1 scalars already resolved). */
export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };
export type Vars = Record<string, YamlValue>;

export interface SourcePosition {
  /** Display path of the file (relative to the working directory or `REV:path` for git sources). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface SourceFile {
  /** Display path, e.g. `environments/prod/pigsty.yml` or `HEAD:environments/prod/pigsty.yml`. */
  path: string;
  text: string;
}

/** The merged document: `{ all: { vars?, hosts?, children?: { <group>: { hosts?, vars?, children? } } } }`. */
export interface InventoryDocument {
  all: {
    vars?: Vars;
    hosts?: Record<string, Vars | null>;
    children?: Record<string, GroupDocument>;
  };
}
export interface GroupDocument {
  hosts?: Record<string, Vars | null>;
  vars?: Vars;
  children?: Record<string, GroupDocument | null>;
}

export interface LoadedInventory {
  /** What was loaded: a file path or an environment directory (display form). */
  origin: string;
  /** `single` = one pigsty.yml; `split` = hosts.yml + group_vars/ + host_vars/. */
  layout: 'single' | 'split';
  document: InventoryDocument;
  files: SourceFile[];
  /**
   * Every secret value met while reading the files (see secrets.ts), or more: a load that reused
   * another inventory's entries also holds that inventory's secrets. Absent for a document built
   * in code; whoever needs the secrets then walks the document (`collectSecretStrings`).
   */
  secrets?: ReadonlySet<string>;
  /**
   * Position of the value at `path` in the merged document, or of the nearest ancestor that exists
   * in some file. Computed lazily (a fast parse first; positions only when a diagnostic needs them).
   */
  locate(path: JsonPath): SourcePosition | undefined;
}

export interface Group {
  name: string;
  /** Host IPs listed directly under this group. */
  hosts: string[];
  /** Group vars (from `vars:` or `group_vars/<name>.yml`). */
  vars: Vars;
  /** Child group names (Ansible `children:`), rarely used by Pigsty. */
  children: string[];
  path: JsonPath;
}

export interface Host {
  /** Host key: an IPv4 address in Pigsty inventories (validated, not assumed). */
  ip: string;
  /** Groups the host belongs to, in document order. */
  groups: string[];
  /** Host vars only (inline under the group's `hosts:` and `host_vars/<ip>.yml`). */
  vars: Vars;
  /** Ansible precedence: all.vars < group vars (parents before children, then by name) < host vars. */
  effective: Vars;
}

export type PgRole = 'primary' | 'replica' | 'standby' | 'offline' | 'delayed';

export interface PgInstance {
  ip: string;
  /** `pg_seq`, undefined when missing or not an integer (the validator reports it). */
  seq: number | undefined;
  role: string | undefined;
  upstream: string | undefined;
  /** Host vars of this instance within the cluster group. */
  vars: Vars;
  path: JsonPath;
}

/** An entry of `pg_users` (or `pg_default_roles`), fields as documented by Pigsty. */
export interface PgUser {
  name: string;
  /** `absent` drops the user; default `present`/undefined. */
  state: string | undefined;
  /** Raw definition, including secret fields: redact before rendering. */
  spec: Vars;
  /** Index in the list; `path` points at the list item. */
  index: number;
  path: JsonPath;
}

/** An entry of `pg_databases`. `state`: create (default) | absent | recreate. */
export interface PgDatabase {
  name: string;
  state: string | undefined;
  owner: string | undefined;
  spec: Vars;
  index: number;
  path: JsonPath;
}

/** An entry of `pg_services` (cluster) or `pg_default_services` (global). */
export interface PgService {
  name: string;
  port: number | undefined;
  spec: Vars;
  index: number;
  path: JsonPath;
}

/** An entry of `pg_hba_rules` / `pgb_hba_rules`. */
export interface HbaRule {
  /** `pg` for pg_hba_rules, `pgb` for pgb_hba_rules. */
  kind: 'pg' | 'pgb';
  spec: Vars;
  index: number;
  path: JsonPath;
}

export interface PgCluster {
  /** `pg_cluster` value. */
  name: string;
  /** Inventory group that defines it (usually equal to `name`). */
  group: string;
  vars: Vars;
  instances: PgInstance[];
  users: PgUser[];
  databases: PgDatabase[];
  services: PgService[];
  hbaRules: HbaRule[];
  /** `pg_vip_enabled` / `pg_vip_address` / `pg_vip_interface` when set. */
  vip: { enabled: boolean; address: string | undefined; interface: string | undefined } | undefined;
  path: JsonPath;
}

export interface RedisInstance {
  /** Node IP. */
  ip: string;
  /** Port number (the key of `redis_instances`). */
  port: number;
  /** `replica_of` etc. */
  spec: Vars;
  path: JsonPath;
}

export interface RedisCluster {
  /** `redis_cluster` value. */
  name: string;
  group: string;
  /** `redis_mode`: standalone | cluster | sentinel. */
  mode: string | undefined;
  vars: Vars;
  nodes: { ip: string; seq: number | undefined; path: JsonPath }[];
  instances: RedisInstance[];
  path: JsonPath;
}

/** A member of a seq-numbered module group: etcd, minio, infra. */
export interface ModuleMember {
  ip: string;
  seq: number | undefined;
  vars: Vars;
  path: JsonPath;
}

export interface ModuleCluster {
  module: 'etcd' | 'minio' | 'infra';
  /** `etcd_cluster` / `minio_cluster` value, or the group name for infra. */
  name: string;
  group: string;
  vars: Vars;
  members: ModuleMember[];
  path: JsonPath;
}

export interface Inventory {
  source: LoadedInventory;
  globalVars: Vars;
  /** By group name, in document order. */
  groups: Map<string, Group>;
  /** By host key, in first-seen order. */
  hosts: Map<string, Host>;
  /** By `pg_cluster` name. */
  pgClusters: Map<string, PgCluster>;
  redisClusters: Map<string, RedisCluster>;
  etcdClusters: Map<string, ModuleCluster>;
  minioClusters: Map<string, ModuleCluster>;
  infraGroups: Map<string, ModuleCluster>;
}
