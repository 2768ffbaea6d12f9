import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { createExecutor } from '../../src/executor/create-executor.js';
import { LocalExecutor } from '../../src/executor/local-executor.js';
import { SshExecutor } from '../../src/executor/ssh-executor.js';
import { sshdAvailable, startSshd } from '../support/sshd.js';

const itSsh = sshdAvailable() ? it : it.skip;

describe('createExecutor from the loaded configuration', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gitops-create-'));
    mkdirSync(join(root, 'repo', 'environments', 'dev'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('makes a local executor for a local environment', async () => {
    const config = await loadConfig({ cwd: join(root, 'repo'), env: {} });
    const dev = config.environments.dev;
    expect(dev).toBeDefined();
    if (dev === undefined) return;
    expect(createExecutor(dev, { env: {} })).toBeInstanceOf(LocalExecutor);
  });

  itSsh('makes an SSH executor that reaches the configured admin node with the pinned key', async () => {
    const sshd = await startSshd({ clientKeyPassphrase: 's3cret' });
    try {
      const file = join(root, 'pigsty-gitops.yml');
      writeFileSync(
        file,
        `repo: { path: repo }\nenvironments:\n  prod:\n    pigsty_home: /tmp\n    ssh: { host: 127.0.0.1, port: ${sshd.port}, user: ${sshd.user}, key_file: ${sshd.clientKeyPath}, passphrase_env: PROD_PASS, known_hosts: ${sshd.knownHostsPath} }\n    timeouts: { connect: 5s }\n`,
      );
      const config = await loadConfig({ file, cwd: root, env: {} });
      const prod = config.environments.prod;
      if (prod === undefined) throw new Error('prod missing');
      expect(() => createExecutor(prod, { env: {} })).toThrow('the key passphrase variable PROD_PASS is not set');
      const executor = createExecutor(prod, { env: { PROD_PASS: 's3cret' } });
      expect(executor).toBeInstanceOf(SshExecutor);
      expect(executor.target).toBe(`${sshd.user}@127.0.0.1:${sshd.port}`);
      const lines: string[] = [];
      const result = await executor.run(['pwd'], { cwd: prod.pigstyHome, onLine: (line) => lines.push(line) });
      expect(result.exitCode).toBe(0);
      expect(lines).toEqual(['/tmp']);
      await executor.close();
    } finally {
      await sshd.stop();
    }
  });
});
