import { collectSecretStrings, isSecretKey, REDACTED, redactDeep } from '../../src/inventory/secrets.js';

describe('secret fields', () => {
  it.each([
    'pg_admin_password',
    'pg_monitor_password',
    'pg_replication_password',
    'patroni_password',
    'haproxy_admin_password',
    'grafana_admin_password',
    'etcd_root_password',
    'minio_secret_key',
    'secret_key',
    'cipher_pass',
    's3_key_secret',
    'vip_auth_pass',
    'redis_password',
    'password',
    'JWT_SECRET',
    'SERVICE_ROLE_KEY',
    'BOOTSTRAP_TOKEN',
    'POSTGRES_PASSWORD',
    'SECRET_KEY_BASE',
    'apiKey',
  ])('%s is secret', (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each(['pg_users', 'node_admin_ssh_exchange', 'minio_access_key', 'access_key', 's3_key', 'pg_pwd_enc', 'cipher_type', 'mysql_secret_dir', 'pg_tokenizer', 'authorized_key', 'ssl_key_file', 'haproxy_auth_enabled', 'pgbouncer_auth_query', 'key', 'bypassrls'])(
    '%s is not secret',
    (key) => {
      expect(isSecretKey(key)).toBe(false);
    },
  );

  const doc = {
    all: {
      vars: { pg_admin_password: 'Adm.1', empty_password: '', pgbackrest_repo: { minio: { s3_key: 'pgbackrest', s3_key_secret: 'S3.2', cipher_pass: 'Ciph.3' } } },
      children: { 'pg-test': { vars: { pg_users: [{ name: 'u', password: 'User.4' }, { name: 'v', password: 12345 }] } } },
    },
  };

  it('redacts secret values at any depth and keeps keys, empty values and the original untouched', () => {
    expect(redactDeep(doc)).toEqual({
      all: {
        vars: { pg_admin_password: REDACTED, empty_password: '', pgbackrest_repo: { minio: { s3_key: 'pgbackrest', s3_key_secret: REDACTED, cipher_pass: REDACTED } } },
        children: { 'pg-test': { vars: { pg_users: [{ name: 'u', password: REDACTED }, { name: 'v', password: REDACTED }] } } },
      },
    });
    expect(doc.all.vars.pg_admin_password).toBe('Adm.1');
    expect(REDACTED).toBe('<redacted>');
  });

  it('collects every non-empty secret value so free text can be scrubbed', () => {
    expect([...collectSecretStrings(doc)].sort()).toEqual(['12345', 'Adm.1', 'Ciph.3', 'S3.2', 'User.4']);
  });

  it('skips only what a document shares with one already collected (the same objects at the same path)', () => {
    const group = doc.all.children['pg-test'];
    const other = {
      all: {
        vars: { ...doc.all.vars, pg_admin_password: 'Adm.new' },
        children: { 'pg-test': group, 'pg-copy': { vars: { pg_users: [{ name: 'w', password: 'Copy.5' }] } }, 'pg-moved': group },
      },
    };
    // pg-test is the very object already walked; pg-moved holds it at another path, so it is walked again.
    expect([...collectSecretStrings(other, doc)].sort()).toEqual(['12345', 'Adm.new', 'Copy.5', 'User.4']);
    expect([...collectSecretStrings(doc, doc)]).toEqual([]);
  });
});
