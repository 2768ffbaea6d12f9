import { loadInventoryText } from '../../src/inventory/load.js';
import type { JsonPath } from '../../src/inventory/json-path.js';

const TEXT = `all:
  children:
    pg-test:
      hosts:
        10.10.10.11: { pg_seq: 1, pg_role: primary }
        10.10.10.12:
          pg_seq: 2
          pg_role: "replica"
      vars:
        pg_cluster: pg-test
        pg_users:
          - name: dbuser_app
            password: x
          - { name: dbuser_ro }
        base: &base { a: 1 }
        merged:
          <<: *base
          b: 2
  vars:
    admin_ip: 10.10.10.10
`;

describe('locate maps a JSON path to file:line:column', () => {
  const { loaded } = loadInventoryText(TEXT, 'env/pigsty.yml');
  const at = (p: JsonPath): string => {
    const pos = loaded?.locate(p);
    return `${pos?.file}:${pos?.line}:${pos?.column}`;
  };

  it('points at scalar values, quoted ones at their quote', () => {
    expect(at(['all', 'vars', 'admin_ip'])).toBe('env/pigsty.yml:20:15');
    expect(at(['all', 'children', 'pg-test', 'hosts', '10.10.10.11', 'pg_role'])).toBe('env/pigsty.yml:5:44');
    expect(at(['all', 'children', 'pg-test', 'hosts', '10.10.10.12', 'pg_role'])).toBe('env/pigsty.yml:8:20');
  });

  it('points at the key of block collections and at the brace of flow ones', () => {
    expect(at(['all', 'children', 'pg-test', 'hosts', '10.10.10.12'])).toBe('env/pigsty.yml:6:9');
    expect(at(['all', 'children', 'pg-test', 'hosts', '10.10.10.11'])).toBe('env/pigsty.yml:5:22');
  });

  it('walks list items by index', () => {
    expect(at(['all', 'children', 'pg-test', 'vars', 'pg_users', 0, 'password'])).toBe('env/pigsty.yml:13:23');
    expect(at(['all', 'children', 'pg-test', 'vars', 'pg_users', 1, 'name'])).toBe('env/pigsty.yml:14:21');
  });

  it('finds keys that come through a merge key in the anchored mapping', () => {
    expect(at(['all', 'children', 'pg-test', 'vars', 'merged', 'a'])).toBe('env/pigsty.yml:15:26');
    expect(at(['all', 'children', 'pg-test', 'vars', 'merged', 'b'])).toBe('env/pigsty.yml:18:14');
  });

  it('falls back to the nearest existing ancestor', () => {
    expect(at(['all', 'children', 'pg-test', 'hosts', '10.10.10.11', 'pg_upstream'])).toBe('env/pigsty.yml:5:22');
    expect(at(['all', 'children', 'pg-missing', 'vars'])).toBe('env/pigsty.yml:2:3');
  });
});
