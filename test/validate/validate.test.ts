import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskContentProvider } from '../../src/inventory/disk-provider.js';
import { loadInventoryText } from '../../src/inventory/load.js';
import { InputError } from '../../src/util/errors.js';
import type { Diagnostic } from '../../src/validate/diagnostic.js';
import type { Rule } from '../../src/validate/rule.js';
import { sortDiagnostics } from '../../src/validate/to-diagnostics.js';
import { createValidator } from '../../src/validate/validate.js';
import { VALID, validateText } from './lint-text.js';

const render = (d: Diagnostic): string => `${d.file ?? '-'}:${d.line ?? 0}:${d.column ?? 0} ${d.severity} ${d.code} ${d.message} @ ${d.path}`;

describe('validateInventory', () => {
  it('returns valid with no diagnostics for a clean inventory, and the built model', () => {
    const result = validateText(VALID, true);
    expect(result.diagnostics.map(render)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.origin).toBe('inv.yml');
    expect([...(result.inventory?.pgClusters.keys() ?? [])]).toEqual(['pg-test']);
  });

  it('runs the schema check and the rules together, sorted by position, one diagnostic per problem', () => {
    const text = `all:\n  vars: { version: v4, admin_ip: 10.10.10.999, region: default, pg_port: abc }\n  children:\n    etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }\n`;
    const result = validateText(text, true);
    expect(result.valid).toBe(false);
    expect(result.diagnostics.map(render)).toEqual([
      'inv.yml:2:34 error VAR002 admin_ip 10.10.10.999 is not a valid IPv4 address (octet 999) @ all.vars.admin_ip',
      'inv.yml:2:74 error SCH001 pg_port must be an integer (got string "abc") @ all.vars.pg_port',
    ]);
  });

  it('is valid when only warnings are found', () => {
    const result = validateText(VALID.replace('region: default', 'region: mars'));
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning VAR004']);
    expect(result.valid).toBe(true);
  });

  it('turns a rule that throws into an error diagnostic instead of passing silently', () => {
    const broken: Rule = { codes: ['BRK001'], title: 'broken', check: () => { throw new Error('boom'); } };
    const validator = createValidator({ schemaChecker: null, rules: [broken] });
    const { loaded } = loadInventoryText(VALID, 'inv.yml');
    if (!loaded) throw new Error('did not load');
    const result = validator.validateInventory(loaded);
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(['VAL000 internal error in rule BRK001 (broken): boom']);
    expect(result.valid).toBe(false);
  });
});

describe('sortDiagnostics', () => {
  it('drops exact repeats and orders by file order, line, column, errors first', () => {
    const d = (file: string, line: number, column: number, severity: 'error' | 'warning', code: string): Diagnostic => ({ code, severity, message: 'm', path: 'p', file, line, column });
    const sorted = sortDiagnostics(
      [d('group_vars/all.yml', 1, 1, 'error', 'B'), d('hosts.yml', 9, 1, 'warning', 'A'), d('hosts.yml', 9, 1, 'error', 'C'), d('hosts.yml', 2, 5, 'error', 'D'), d('hosts.yml', 2, 5, 'error', 'D')],
      ['hosts.yml', 'group_vars/all.yml'],
    );
    expect(sorted.map((x) => `${x.file}:${x.line}:${x.column} ${x.code}`)).toEqual(['hosts.yml:2:5 D', 'hosts.yml:9:1 C', 'hosts.yml:9:1 A', 'group_vars/all.yml:1:1 B']);
  });
});

describe('validateSource', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'validate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('validates a split inventory and points at the group_vars file that holds the mistake', async () => {
    mkdirSync(join(dir, 'staging', 'group_vars'), { recursive: true });
    writeFileSync(join(dir, 'staging', 'hosts.yml'), 'all:\n  children:\n    etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }\n    pg-test:\n      hosts:\n        10.10.10.11: { pg_seq: 1, pg_role: primary }\n        10.10.10.12: { pg_seq: 2, pg_role: primary }\n');
    writeFileSync(join(dir, 'staging', 'group_vars', 'all.yml'), 'version: v4\nadmin_ip: 10.10.10.10\nregion: default\n');
    writeFileSync(join(dir, 'staging', 'group_vars', 'pg-test.yml'), 'pg_cluster: pg-test\npg_vip_enabled: true\npg_vip_address: 10.10.10.2\n');
    const result = await createValidator().validateSource(new DiskContentProvider(dir), 'staging');
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file ?? '-'}:${d.line ?? 0}:${d.column ?? 0} ${d.code} ${d.message}`)).toEqual([
      expect.stringMatching(/hosts\.yml:7:44 PG003 two primaries in pg-test: 10\.10\.10\.11, 10\.10\.10\.12$/),
      expect.stringMatching(/group_vars\/pg-test\.yml:3:17 VIP002 pg_vip_address 10\.10\.10\.2 in group pg-test should be an IPv4 CIDR such as 10\.10\.10\.2\/24$/),
    ]);
    expect(result.valid).toBe(false);
  });

  it('reports a YAML syntax error as a diagnostic with no model', async () => {
    writeFileSync(join(dir, 'pigsty.yml'), 'all:\n  vars: { admin_ip: [ }\n');
    const result = await createValidator().validateSource(new DiskContentProvider(dir), 'pigsty.yml');
    expect(result.valid).toBe(false);
    expect(result.inventory).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['YAML001']);
  });

  it('throws an InputError for a path that does not exist', async () => {
    await expect(createValidator().validateSource(new DiskContentProvider(dir), 'nope.yml')).rejects.toBeInstanceOf(InputError);
  });
});
