import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';

describe('loadConfig', () => {
  let root: string;
  let repo: string;
  let ops: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gitops-config-'));
    repo = join(root, 'repo');
    ops = join(root, 'ops');
    mkdirSync(join(repo, 'environments', 'prod'), { recursive: true });
    mkdirSync(join(repo, 'environments', 'staging'), { recursive: true });
    mkdirSync(ops);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (text: string): string => {
    const file = join(ops, 'pigsty-gitops.yml');
    writeFileSync(file, text);
    return file;
  };
  const errorOf = async (promise: Promise<unknown>): Promise<ConfigError> => {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  };

  it('uses embedded defaults when no file exists: local environments discovered in the repo', async () => {
    const config = await loadConfig({ cwd: repo, env: { METADB_URL: 'postgres://u@db/meta' } });
    expect(config.file).toBeUndefined();
    expect(config.repo).toEqual({ path: repo, branch: 'main' });
    expect(config.cmdb).toEqual({ url: 'postgres://u@db/meta', dataDir: join(repo, '.pigsty-gitops', 'cmdb') });
    expect(Object.keys(config.environments)).toEqual(['prod', 'staging']);
    expect(config.environments.prod).toEqual({
      name: 'prod',
      inventoryPath: 'environments/prod',
      pigstyHome: join(repo, '.pigsty-gitops', 'pigsty-home'),
      inventoryFile: 'pigsty.yml',
      executor: { type: 'local' },
      timeouts: { connectMs: 10_000, stepMs: 1_800_000 },
      pigstyCmdbSync: false,
    });
  });

  it('reads a full file: ssh with pinned key, jump host, defaults, timeouts, paths relative to the file', async () => {
    const file = write(`
repo: { path: ../repo, branch: release }
cmdb: { url_env: GITOPS_DB, data_dir: /var/lib/pigsty-gitops }
defaults:
  pigsty_home: /home/dba/pigsty
  ssh: { user: dba, key_file: keys/id_ed25519, known_hosts: known_hosts }
environments:
  prod:
    inventory: environments/prod
    ssh:
      host: 10.10.10.10
      port: 2222
      passphrase_env: PROD_KEY_PASSPHRASE
      keepalive: 5s
      jump: { host: bastion.example.com, user: jump, agent: true, host_key_fingerprint: "SHA256:${'A'.repeat(43)}" }
    timeouts: { connect: 5s, step: 45m }
    pigsty_cmdb_sync: true
  staging:
    executor: local
`);
    const config = await loadConfig({ file, cwd: '/', env: { GITOPS_DB: 'postgres://x@y/z' } });
    expect(config.file).toBe(file);
    expect(config.repo).toEqual({ path: repo, branch: 'release' });
    expect(config.cmdb).toEqual({ url: 'postgres://x@y/z', dataDir: '/var/lib/pigsty-gitops' });
    expect(config.environments.prod).toEqual({
      name: 'prod',
      inventoryPath: 'environments/prod',
      pigstyHome: '/home/dba/pigsty',
      inventoryFile: 'pigsty.yml',
      executor: {
        type: 'ssh',
        host: '10.10.10.10',
        port: 2222,
        user: 'dba',
        privateKeyPath: join(ops, 'keys', 'id_ed25519'),
        passphraseEnv: 'PROD_KEY_PASSPHRASE',
        agent: undefined,
        knownHostsPath: join(ops, 'known_hosts'),
        hostKeyFingerprint: undefined,
        keepaliveMs: 5000,
        jump: {
          host: 'bastion.example.com',
          port: 22,
          user: 'jump',
          privateKeyPath: undefined,
          passphraseEnv: undefined,
          agent: 'env',
          knownHostsPath: undefined,
          hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`,
        },
      },
      timeouts: { connectMs: 5000, stepMs: 2_700_000 },
      pigstyCmdbSync: true,
    });
    expect(config.environments.staging?.executor).toEqual({ type: 'local' });
    expect(config.environments.staging?.pigstyHome).toBe('/home/dba/pigsty');
  });

  it('finds pigsty-gitops.yml in the working directory', async () => {
    write('repo: { path: ../repo }\nenvironments: { dev: { executor: local } }\n');
    const config = await loadConfig({ cwd: ops, env: {} });
    expect(config.file).toBe(join(ops, 'pigsty-gitops.yml'));
    expect(Object.keys(config.environments)).toEqual(['dev']);
    expect(config.cmdb.url).toBeUndefined();
  });

  it('fails when an explicit --config file is missing', async () => {
    const error = await errorOf(loadConfig({ file: 'nope.yml', cwd: ops, env: {} }));
    expect(error.message).toBe(`${join(ops, 'nope.yml')}: cannot read the configuration file (ENOENT)`);
  });

  it('reports schema errors with file:line:column', async () => {
    const file = write(
      ['repo: { path: ../repo }', 'environments:', '  prod:', '    pigsty_home: /home/dba/pigsty', '    ssh:', '      host: 10.10.10.10', '      port: "22x"', '      colour: blue', '      known_hosts: kh', '      key_file: k', '      user: dba', '    timeouts: { step: 30 minutes }', ''].join('\n'),
    );
    const error = await errorOf(loadConfig({ file, cwd: '/', env: {} }));
    expect(error.message.split('\n')).toEqual([
      `${file}:7:13: environments.prod.ssh.port must be integer`,
      `${file}:8:7: unknown key "colour" in environments.prod.ssh`,
      `${file}:12:23: environments.prod.timeouts.step must be a duration such as 10s, 30m or 2h`,
    ]);
    expect(error.problems[0]).toEqual({ message: 'environments.prod.ssh.port must be integer', line: 7, column: 13 });
  });

  it('reports YAML syntax errors with their position', async () => {
    const file = write('repo:\n  path: [unclosed\n');
    const error = await errorOf(loadConfig({ file, cwd: '/', env: {} }));
    expect(error.problems[0]?.line).toBe(3);
    expect(error.message.startsWith(`${file}:3:1: invalid YAML: `)).toBe(true);
  });

  it('rejects inline secrets and names the reference to use instead', async () => {
    const file = write(
      [
        'repo: { path: ../repo }',
        'environments:',
        '  prod:',
        '    pigsty_home: /home/dba/pigsty',
        '    ssh:',
        '      host: h',
        '      user: dba',
        '      passphrase: hunter2',
        '      key_file: "-----BEGIN OPENSSH PRIVATE KEY-----"',
        '      known_hosts: kh',
        '      password: hunter3',
        '',
      ].join('\n'),
    );
    const error = await errorOf(loadConfig({ file, cwd: '/', env: {} }));
    expect(error.problems.slice(0, 3)).toEqual([
      { message: 'inline secret "passphrase" is not allowed: write the name of an environment variable holding it in passphrase_env', line: 8, column: 7 },
      { message: 'key_file must be the path of a key file, not the key itself', line: 9, column: 7 },
      { message: 'inline secret "password" is not allowed: passwords are not used: authenticate with key_file or agent', line: 11, column: 7 },
    ]);
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('hunter3');
  });

  it('requires a pinned host key, credentials and a Pigsty home for ssh environments', async () => {
    const file = write('repo: { path: ../repo }\nenvironments:\n  prod:\n    pigsty_home: /p\n    ssh: { host: h, user: dba }\n  bare: {}\n');
    const error = await errorOf(loadConfig({ file, cwd: '/', env: {} }));
    expect(error.message.split('\n')).toEqual([
      `${file}:5:10: set key_file or agent: the admin node is reached with a key`,
      `${file}:5:10: set known_hosts or host_key_fingerprint: the host key must be pinned (an unknown key is refused)`,
      `${file}:6:9: environment bare needs an ssh block (the admin node) or executor: local`,
    ]);
  });

  it('refuses a configuration file, key or known_hosts inside the watched repository', async () => {
    const inRepo = join(repo, 'pigsty-gitops.yml');
    writeFileSync(inRepo, 'environments: { dev: { executor: local } }\n');
    const error = await errorOf(loadConfig({ cwd: repo, env: {} }));
    expect(error.message).toContain('the configuration file is inside the watched repository');

    const file = write(`repo: { path: ../repo }\nenvironments:\n  prod:\n    pigsty_home: /p\n    ssh: { host: h, user: dba, key_file: ../repo/id, known_hosts: ../repo/kh }\n`);
    const keys = await errorOf(loadConfig({ file, cwd: '/', env: {} }));
    expect(keys.problems.map((p) => p.message)).toEqual([
      `key_file ${join(repo, 'id')} is inside the watched repository: a commit could replace it; keep it outside`,
      `known_hosts ${join(repo, 'kh')} is inside the watched repository: a commit could replace it; keep it outside`,
    ]);
  });

  it('refuses an inventory path that leaves the repository', async () => {
    const file = write('repo: { path: ../repo }\nenvironments:\n  dev: { executor: local, inventory: ../../etc }\n');
    const error = await errorOf(loadConfig({ file, cwd: '/', env: {} }));
    expect(error.problems).toEqual([{ message: 'inventory must be a relative path inside the repository, got "../../etc"', line: 3, column: 38 }]);
  });
});
