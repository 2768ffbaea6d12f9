/** Small inventories for CLI and hook tests. */

/** A single-node sandbox-like inventory that validates with no errors. */
export const VALID_INVENTORY = `all:
  children:
    infra:
      hosts:
        10.10.10.10: { infra_seq: 1 }
    etcd:
      hosts:
        10.10.10.10: { etcd_seq: 1 }
      vars:
        etcd_cluster: etcd
    pg-meta:
      hosts:
        10.10.10.10: { pg_seq: 1, pg_role: primary }
      vars:
        pg_cluster: pg-meta
  vars:
    version: v3.6.0
    admin_ip: 10.10.10.10
    region: default
`;

/** The same inventory with `admin_ip` defined twice (line 20, column 5): a YAML002 error. */
export const DUPLICATE_KEY_INVENTORY = VALID_INVENTORY.replace(
  '    region: default\n',
  '    region: default\n    admin_ip: 10.10.10.11\n',
);

export const DUPLICATE_KEY_LINE =
  ':20:5 error YAML002 duplicate key "admin_ip" (first defined at line 18, column 5)';
