/** The schema checker on small, hand-written inventories: one behaviour per test. */
import type { Finding } from '../../src/validate/finding.js';
import { checkSchema, createSchemaChecker } from '../../src/validate/schema-check.js';

type Vars = Record<string, unknown>;

/** An inventory with one pg cluster; `groupVars` and `hostVars` are merged into it. */
function inventory(groupVars: Vars = {}, hostVars: Vars = {}, globalVars: Vars = {}): unknown {
  return {
    all: {
      vars: { admin_ip: '10.10.10.10', ...globalVars },
      children: {
        'pg-test': {
          hosts: { '10.10.10.11': { pg_seq: 1, pg_role: 'primary', ...hostVars } },
          vars: { pg_cluster: 'pg-test', ...groupVars },
        },
      },
    },
  };
}

const errors = (findings: Finding[]): Finding[] => findings.filter((f) => f.severity === 'error');
const brief = (findings: Finding[]): { code: string; message: string; path: (string | number)[] }[] =>
  findings.map((f) => ({ code: f.code, message: f.message, path: [...f.path] }));

const HOST = ['all', 'children', 'pg-test', 'hosts', '10.10.10.11'];
const GROUP_VARS = ['all', 'children', 'pg-test', 'vars'];

describe('checkSchema', () => {
  it('accepts a well-formed inventory without findings', () => {
    expect(checkSchema(inventory({ pg_users: [{ name: 'dbuser_app', password: 'x', pgbouncer: true, roles: ['dbrole_readwrite'] }] }))).toEqual([]);
  });

  it('reports a wrong scalar type as SCH001 with the value and the exact path', () => {
    expect(brief(checkSchema(inventory({}, { pg_seq: 'abc' })))).toEqual([
      { code: 'SCH001', message: 'pg_seq must be an integer (got string "abc")', path: [...HOST, 'pg_seq'] },
    ]);
  });

  it('reports a boolean given as a string', () => {
    expect(brief(checkSchema(inventory({ pg_vip_enabled: 'maybe' })))).toEqual([
      { code: 'SCH001', message: 'pg_vip_enabled must be a boolean (true/false) (got string "maybe")', path: [...GROUP_VARS, 'pg_vip_enabled'] },
    ]);
  });

  it('reports a value outside an enum as SCH002 listing the allowed values', () => {
    expect(brief(checkSchema(inventory({}, { pg_role: 'master' })))).toEqual([
      { code: 'SCH002', message: 'pg_role must be one of primary, replica, standby, offline, delayed (got "master")', path: [...HOST, 'pg_role'] },
    ]);
  });

  it('reports an IPv4 address with an octet above 255 as SCH003', () => {
    expect(brief(checkSchema(inventory({}, {}, { admin_ip: '10.10.10.256' })))).toEqual([
      { code: 'SCH003', message: 'admin_ip must be an IPv4 address like 10.10.10.11 (got string "10.10.10.256")', path: ['all', 'vars', 'admin_ip'] },
    ]);
  });

  it('requires a CIDR for pg_vip_address', () => {
    expect(brief(checkSchema(inventory({ pg_vip_enabled: true, pg_vip_address: '10.10.10.2' })))).toEqual([
      { code: 'SCH003', message: 'pg_vip_address must be an IPv4 CIDR like 10.10.10.2/24 (got string "10.10.10.2")', path: [...GROUP_VARS, 'pg_vip_address'] },
    ]);
    expect(checkSchema(inventory({ pg_vip_enabled: true, pg_vip_address: '10.10.10.2/24' }))).toEqual([]);
  });

  it('reports a port out of range as SCH005', () => {
    expect(brief(checkSchema(inventory({ pg_port: 70000 })))).toEqual([
      { code: 'SCH005', message: 'pg_port must be a port number between 1 and 65535 (got number 70000)', path: [...GROUP_VARS, 'pg_port'] },
    ]);
  });

  it('reports a negative sequence number as SCH005', () => {
    expect(brief(checkSchema(inventory({}, { pg_seq: -1 })))).toEqual([
      { code: 'SCH005', message: 'pg_seq must be >= 0 (got number -1)', path: [...HOST, 'pg_seq'] },
    ]);
  });

  it('requires a name in every pg_users item (SCH004) and points at the item', () => {
    expect(brief(checkSchema(inventory({ pg_users: [{ name: 'a' }, { password: 'x', login: true }] })))).toEqual([
      { code: 'SCH004', message: "pg_users[1] is missing required field 'name'", path: [...GROUP_VARS, 'pg_users', 1] },
    ]);
  });

  it('checks nested field types of pg_databases, pg_services and hba rules', () => {
    const findings = checkSchema(
      inventory({
        pg_databases: [{ name: 'meta', extensions: ['vector', { name: 'postgis', schema: 'gis' }, { schema: 'x' }], connlimit: 'lots' }],
        pg_services: [{ name: 'standby', port: '5435x', dest: 'default' }],
        pg_hba_rules: [{ user: 'all', db: 'all', addr: 'intra', auth: 'pwd', order: 'first' }],
      }),
    );
    expect(brief(findings)).toEqual([
      { code: 'SCH001', message: 'pg_databases[0].connlimit must be an integer (got string "lots")', path: [...GROUP_VARS, 'pg_databases', 0, 'connlimit'] },
      { code: 'SCH004', message: "pg_databases[0].extensions[2] is missing required field 'name'", path: [...GROUP_VARS, 'pg_databases', 0, 'extensions', 2] },
      { code: 'SCH001', message: 'pg_services[0].port must be an integer (got string "5435x")', path: [...GROUP_VARS, 'pg_services', 0, 'port'] },
      { code: 'SCH001', message: 'pg_hba_rules[0].order must be an integer (got string "first")', path: [...GROUP_VARS, 'pg_hba_rules', 0, 'order'] },
    ]);
  });

  it('accepts a state of absent on users and recreate on databases, refuses unknown states', () => {
    expect(checkSchema(inventory({ pg_users: [{ name: 'old', state: 'absent' }], pg_databases: [{ name: 'db', state: 'recreate' }] }))).toEqual([]);
    expect(brief(checkSchema(inventory({ pg_databases: [{ name: 'db', state: 'gone' }] })))).toEqual([
      { code: 'SCH002', message: 'pg_databases[0].state must be one of create, absent, recreate (got "gone")', path: [...GROUP_VARS, 'pg_databases', 0, 'state'] },
    ]);
  });

  it('checks redis instance keys are ports', () => {
    const doc = { all: { children: { 'redis-ms': { hosts: { '10.10.10.10': { redis_node: 1, redis_instances: { 6379: {}, abc: { replica_of: '10.10.10.10 6379' } } } }, vars: { redis_cluster: 'redis-ms' } } } } };
    expect(brief(checkSchema(doc))).toEqual([
      {
        code: 'SCH006',
        message: "redis_instances has an invalid key 'abc' (expected a port number)",
        path: ['all', 'children', 'redis-ms', 'hosts', '10.10.10.10', 'redis_instances', 'abc'],
      },
    ]);
  });

  it('accepts Ansible template strings wherever a typed value is expected', () => {
    expect(checkSchema(inventory({ pg_port: '{{ base_port + 1 }}', pg_users: '{{ app_users }}', pg_vip_enabled: '{{ vip | bool }}' }, { pg_seq: '{{ idx }}' }))).toEqual([]);
  });

  it('warns (SCH010) about unknown parameters instead of failing', () => {
    const findings = checkSchema(inventory({ my_team_owner: 'dba-team' }));
    expect(errors(findings)).toEqual([]);
    expect(findings).toEqual([{ code: 'SCH010', severity: 'warning', message: "unknown parameter 'my_team_owner'", path: [...GROUP_VARS, 'my_team_owner'] }]);
  });

  it('warns (SCH011) about unknown fields inside a user definition', () => {
    expect(checkSchema(inventory({ pg_users: [{ name: 'u', pasword: 'typo' }] }))).toEqual([
      { code: 'SCH011', severity: 'warning', message: "unknown field 'pasword' in pg_users[0]", path: [...GROUP_VARS, 'pg_users', 0, 'pasword'] },
    ]);
  });

  it('warns (SCH012) about keys Ansible ignores in a group', () => {
    const doc = { all: { children: { 'pg-test': { host: { '10.10.10.11': null }, vars: { pg_cluster: 'pg-test' } } } } };
    expect(brief(checkSchema(doc))).toEqual([
      { code: 'SCH012', message: "unknown key 'host' in group pg-test (Ansible ignores it; expected hosts, vars or children)", path: ['all', 'children', 'pg-test', 'host'] },
    ]);
  });

  it('accepts hosts without vars (null) and groups without hosts', () => {
    expect(checkSchema({ all: { children: { etcd: { hosts: { '10.10.10.10': null } }, empty: null } } })).toEqual([]);
  });

  it('requires the top-level all group', () => {
    expect(brief(checkSchema({ children: {} }))).toEqual([
      { code: 'SCH004', message: "(document) is missing required field 'all'", path: [] },
      { code: 'SCH012', message: "unknown top-level key 'children' (Pigsty reads only 'all')", path: ['children'] },
    ]);
  });

  it('never echoes a secret value in a message', () => {
    const findings = checkSchema(inventory({ pg_users: [{ name: 'u', password: 12345 }], redis_password: ['s3cret-value'] }, {}, { pg_admin_password: { v: 'Sup3rSecret' } }));
    const text = findings.map((f) => f.message).join('\n');
    expect(text).not.toContain('12345');
    expect(text).not.toContain('Sup3rSecret');
    expect(brief(findings)).toEqual([
      { code: 'SCH001', message: 'pg_admin_password must be a string (got a mapping)', path: ['all', 'vars', 'pg_admin_password'] },
      { code: 'SCH001', message: 'pg_users[0].password must be a string (got a number (value hidden))', path: [...GROUP_VARS, 'pg_users', 0, 'password'] },
      { code: 'SCH001', message: 'redis_password must be a string (got a list of 1)', path: [...GROUP_VARS, 'redis_password'] },
    ]);
  });

  it('hides a credential URL given where an address is expected', () => {
    const findings = checkSchema(inventory({}, { pg_upstream: 'postgres://dbuser:Hunter2pw@10.10.10.10:5432/meta' }));
    expect(brief(findings)).toEqual([
      { code: 'SCH003', message: 'pg_upstream must be an IPv4 address like 10.10.10.11 (got a string (value hidden))', path: [...HOST, 'pg_upstream'] },
    ]);
  });

  it('gives the same answer from a reused checker instance', () => {
    const checker = createSchemaChecker();
    const bad = inventory({}, { pg_role: 'boss' });
    expect(checker.check(bad)).toEqual(checker.check(bad));
    expect(checker.check(inventory())).toEqual([]);
  });
});

describe('checkSchema on odd documents and nested values', () => {
  it('suggests the closest known parameter for a misspelt name', () => {
    expect(checkSchema(inventory({ pg_clustr: 'pg-test', pg_databses: [] }))).toEqual([
      { code: 'SCH010', severity: 'warning', message: "unknown parameter 'pg_clustr' (did you mean 'pg_cluster'?)", path: [...GROUP_VARS, 'pg_clustr'] },
      { code: 'SCH010', severity: 'warning', message: "unknown parameter 'pg_databses' (did you mean 'pg_databases'?)", path: [...GROUP_VARS, 'pg_databses'] },
    ]);
  });

  it('reports a document that is not a mapping', () => {
    expect(brief(checkSchema('../supabase.yml'))).toEqual([{ code: 'SCH001', message: '(document) must be a mapping (got string "../supabase.yml")', path: [] }]);
  });

  it('checks CIDR items of node_firewall_intranet and the VRRP id range', () => {
    expect(brief(checkSchema(inventory({ node_firewall_intranet: ['10.0.0.0/8', '192.168.0.0'], vip_vrid: 255 })))).toEqual([
      { code: 'SCH003', message: 'node_firewall_intranet[1] must be an IPv4 CIDR like 10.10.10.2/24 (got string "192.168.0.0")', path: [...GROUP_VARS, 'node_firewall_intranet', 1] },
      { code: 'SCH005', message: 'vip_vrid must be between 1 and 254 (got number 255)', path: [...GROUP_VARS, 'vip_vrid'] },
    ]);
  });

  it('requires a port in every pg_services item', () => {
    expect(brief(checkSchema(inventory({ pg_services: [{ name: 'standby', dest: 'postgres' }] })))).toEqual([
      { code: 'SCH004', message: "pg_services[0] is missing required field 'port'", path: [...GROUP_VARS, 'pg_services', 0] },
    ]);
  });

  it('accepts template strings inside structured items', () => {
    expect(checkSchema(inventory({ pg_users: [{ name: 'app', password: '{{ vault_app_password }}', connlimit: '{{ limit }}' }] }))).toEqual([]);
  });

  it('checks parameters given in pg_instances like any other vars', () => {
    expect(brief(checkSchema(inventory({}, { pg_instances: { 5433: { pg_seq: 'two' } } })))).toEqual([
      { code: 'SCH001', message: 'pg_instances["5433"].pg_seq must be an integer (got string "two")', path: [...HOST, 'pg_instances', '5433', 'pg_seq'] },
    ]);
  });
});
