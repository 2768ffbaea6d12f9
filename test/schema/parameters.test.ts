/** knownParameters(): the parameter table built from schemas/inventory.schema.json. */
import { knownParameters } from '../../src/validate/parameters.js';

describe('knownParameters', () => {
  const params = knownParameters();

  it('knows every documented Pigsty module with its parameters', () => {
    const counts = new Map<string, number>();
    for (const info of params.values()) counts.set(info.module, (counts.get(info.module) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['ANSIBLE', 'DOCKER', 'ETCD', 'FERRET', 'INFRA', 'JUICE', 'KAFKA', 'MINIO', 'MYSQL', 'NODE', 'PGSQL', 'REDIS', 'VIBE']);
    expect(params.size).toBeGreaterThanOrEqual(400);
    expect(counts.get('PGSQL')).toBeGreaterThanOrEqual(120);
  });

  it('describes identity and structured parameters with module, type and description', () => {
    expect(params.get('pg_cluster')).toEqual({ module: 'PGSQL', type: 'string', description: 'pgsql cluster name, required identity parameter', secret: false });
    expect(params.get('pg_users')?.type).toBe('PgUser[]');
    expect(params.get('pg_port')?.type).toBe('port');
    expect(params.get('admin_ip')).toMatchObject({ module: 'INFRA', type: 'ipv4' });
    expect(params.get('pg_vip_address')?.type).toBe('ipv4-cidr');
    expect(params.get('etcd_seq')).toMatchObject({ module: 'ETCD', type: 'integer' });
    expect(params.get('redis_instances')).toMatchObject({ module: 'REDIS', type: 'map<RedisInstance>' });
    expect(params.get('pg_role')).toMatchObject({ type: 'enum', enum: ['primary', 'replica', 'standby', 'offline', 'delayed'] });
  });

  it('marks passwords and keys as secret, and ordinary settings as not', () => {
    for (const name of ['pg_admin_password', 'pg_replication_password', 'minio_secret_key', 'redis_password', 'patroni_password', 'grafana_admin_password', 'etcd_root_password', 'vip_auth_pass']) {
      expect([name, params.get(name)?.secret]).toEqual([name, true]);
    }
    for (const name of ['pg_admin_username', 'pg_port', 'minio_access_key', 'pg_users']) expect([name, params.get(name)?.secret]).toEqual([name, false]);
  });

  it('does not know made-up names', () => {
    expect(params.has('pg_clustr')).toBe(false);
  });
});
