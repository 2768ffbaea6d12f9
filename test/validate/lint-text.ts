/** Test helper: validates inline YAML (rules only, or with the schema) and renders diagnostics as `line:column severity CODE message`. */
import { loadInventoryText } from '../../src/inventory/load.js';
import { createValidator, type ValidationResult } from '../../src/validate/validate.js';

/** Lines 1-9 of every small inventory: valid globals and one etcd member. Children written after it start on line 10. */
export const HEAD = `all:
  vars:
    version: v4.0.0
    admin_ip: 10.10.10.10
    region: default
  children:
    etcd:
      hosts: { 10.10.10.10: { etcd_seq: 1 } }
      vars: { etcd_cluster: etcd }
`;

/** A complete, valid inventory: HEAD plus one healthy two-node cluster. */
export const VALID = `${HEAD}    pg-test:
      hosts:
        10.10.10.11: { pg_seq: 1, pg_role: primary }
        10.10.10.12: { pg_seq: 2, pg_role: replica }
      vars:
        pg_cluster: pg-test
        pg_users: [{ name: dbuser_test, password: Str0ng.Secret1, pgbouncer: true, roles: [dbrole_admin] }]
        pg_databases: [{ name: test, owner: dbuser_test }]
        pg_services: [{ name: standby, port: 5435, dest: postgres, selector: "[]" }]
        pg_hba_rules: [{ user: all, db: all, addr: intra, auth: pwd, title: intranet }]
`;

export function validateText(text: string, withSchema = false): ValidationResult {
  const validator = createValidator(withSchema ? {} : { schemaChecker: null });
  const { loaded, diagnostics } = loadInventoryText(text, 'inv.yml');
  if (loaded === undefined) throw new Error(`test inventory did not load: ${diagnostics.map((d) => d.message).join('; ')}`);
  return validator.validateInventory(loaded, diagnostics);
}

/** Diagnostics whose code matches `codes`, as `line:column severity CODE message`. */
export function lint(text: string, codes: RegExp = /./): string[] {
  return validateText(text)
    .diagnostics.filter((d) => codes.test(d.code))
    .map((d) => `${d.line ?? 0}:${d.column ?? 0} ${d.severity} ${d.code} ${d.message}`);
}
