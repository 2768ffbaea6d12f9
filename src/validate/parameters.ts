import { INVENTORY_PARAMETERS } from '../generated/inventory-parameters.js';

/** A documented Pigsty parameter, as described by schemas/inventory.schema.json. */
export interface ParameterInfo {
  /** Pigsty module: INFRA, NODE, ETCD, MINIO, PGSQL, REDIS, DOCKER, JUICE, VIBE, KAFKA, MYSQL, FERRET, ANSIBLE. */
  module: string;
  /** Short type label: `integer`, `string`, `boolean`, `ipv4`, `ipv4-cidr`, `enum`, `PgUser[]`, `map<RedisInstance>`… */
  type: string;
  description: string;
  /** True when the value is a password, key or token: never print it. */
  secret: boolean;
  /** Allowed values, for enum parameters. */
  enum?: readonly (string | number)[];
}

/** Every known parameter by name (a fresh map per call; callers keep it if they need it often). */
export function knownParameters(): ReadonlyMap<string, ParameterInfo> {
  const map = new Map<string, ParameterInfo>();
  for (const [name, info] of Object.entries(INVENTORY_PARAMETERS)) map.set(name, info);
  return map;
}
