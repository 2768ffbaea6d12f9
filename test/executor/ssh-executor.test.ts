import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthenticationError, HostKeyMismatchError, SshConnectError, UnknownHostKeyError } from '../../src/executor/errors.js';
import type { RunOptions } from '../../src/executor/executor.js';
import { SshExecutor, type SshExecutorOptions } from '../../src/executor/ssh-executor.js';
import { createFakePigstyHome, type FakePigstyHome } from '../support/fake-pigsty-home.js';
import { processAlive, signalProcess } from '../support/processes.js';
import { waitUntil } from '../support/wait-until.js';
import { sshdAvailable, startSshd, type TestSshd } from '../support/sshd.js';

const describeSsh = sshdAvailable() ? describe : describe.skip;

function optionsFor(sshd: TestSshd, extra: Partial<SshExecutorOptions> = {}): SshExecutorOptions {
  return {
    host: sshd.host,
    port: sshd.port,
    user: sshd.user,
    privateKeyPath: sshd.clientKeyPath,
    knownHostsPath: sshd.knownHostsPath,
    killGraceMs: 1000,
    ...extra,
  };
}

describeSsh('SshExecutor against a real sshd', () => {
  let sshd: TestSshd;
  let home: FakePigstyHome;
  let executor: SshExecutor;
  const lines: Array<[string, string]> = [];
  const run = (argv: string[], extra: Partial<RunOptions> = {}) =>
    executor.run(argv, { cwd: home.path, onLine: (line, stream) => lines.push([stream, line]), ...extra });

  beforeAll(async () => {
    sshd = await startSshd();
  });
  afterAll(async () => {
    await sshd.stop();
  });
  beforeEach(() => {
    home = createFakePigstyHome();
    executor = new SshExecutor(optionsFor(sshd));
    lines.length = 0;
  });
  afterEach(async () => {
    await executor.close();
    home.remove();
  });

  it('runs a command in the working directory and reports exit code 0 and its lines', async () => {
    const result = await run(['bin/pgsql-add', 'pg-test']);
    expect(result).toMatchObject({ exitCode: 0, signal: null, timedOut: false, cancelled: false });
    expect(lines).toEqual([
      ['stdout', 'pgsql-add: running bin/pgsql-add pg-test'],
      ['stdout', 'pgsql-add: ok'],
    ]);
    expect(result.outputTail).toBe('pgsql-add: running bin/pgsql-add pg-test\npgsql-add: ok');
    expect(home.calls()).toEqual([
      { name: 'pgsql-add', argv: ['bin/pgsql-add', 'pg-test'], cwd: home.path, pid: expect.any(Number), pigstyYmlSha256: null },
    ]);
  });

  it('reports a non-zero exit code with stderr lines', async () => {
    home.control('pgsql-user', { fail: 3 });
    const result = await run(['bin/pgsql-user', 'pg-test', 'dbuser_app']);
    expect(result.exitCode).toBe(3);
    expect(result.signal).toBeNull();
    expect(lines).toContainEqual(['stderr', 'pgsql-user: failing with exit code 3']);
  });

  it('reports the signal that ended the process', async () => {
    const result = await run(['sh', '-c', 'kill -KILL $$']);
    expect(result).toMatchObject({ exitCode: null, signal: 'KILL' });
  });

  it('passes names with quotes, spaces, $() and ; intact', async () => {
    const tricky = [`it's "quoted"`, 'with space', '$(touch /tmp/pwned-by-gitops)', 'a;b && c', '`id`', '*', '', 'line\nbreak', 'ünïcødé'];
    const result = await run(['bin/pgsql-db', ...tricky]);
    expect(result.exitCode).toBe(0);
    expect(home.calls()[0]?.argv).toEqual(['bin/pgsql-db', ...tricky]);
    expect(() => readFileSync('/tmp/pwned-by-gitops')).toThrow();
  });

  it('runs in a working directory whose name has quotes and spaces', async () => {
    const dir = mkdtempSync(join(tmpdir(), `it's a "dir" $(x) `));
    try {
      const result = await run(['pwd'], { cwd: dir });
      expect(result.exitCode).toBe(0);
      expect(lines).toEqual([['stdout', dir]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes environment variables and rejects invalid names', async () => {
    const result = await run(['sh', '-c', 'printf "%s\\n" "$PG_NAME"'], { env: { PG_NAME: `x'y $(z)` } });
    expect(result.exitCode).toBe(0);
    expect(lines).toEqual([['stdout', `x'y $(z)`]]);
    await expect(run(['true'], { env: { 'BAD;NAME': 'x' } })).rejects.toMatchObject({ code: 'COMMAND_INVALID' });
  });

  it('splits lines across chunk boundaries and keeps a final line without newline', async () => {
    const result = await run(['sh', '-c', 'printf "ab"; sleep 0.2; printf "c\\nde"; sleep 0.2; printf "f\\n\\nlast"; printf "err1\\nerr2" >&2']);
    expect(result.exitCode).toBe(0);
    expect(lines.filter(([s]) => s === 'stdout').map(([, l]) => l)).toEqual(['abc', 'def', '', 'last']);
    expect(lines.filter(([s]) => s === 'stderr').map(([, l]) => l)).toEqual(['err1', 'err2']);
  });

  it('streams 5 MiB of output while keeping only a bounded tail', async () => {
    home.control('pgsql.yml', { outputMiB: 5 });
    let count = 0;
    let chars = 0;
    const result = await executor.run(['./pgsql.yml', '-l', 'pg-test'], {
      cwd: home.path,
      onLine: (line) => {
        count += 1;
        chars += line.length + 1;
      },
    });
    expect(result.exitCode).toBe(0);
    expect(chars).toBeGreaterThan(5 * 1024 * 1024);
    expect(count).toBeGreaterThan(50_000);
    expect(result.outputTail.length).toBeLessThanOrEqual(64 * 1024);
    expect(result.outputTail.endsWith('pgsql.yml: done\npgsql.yml: ok')).toBe(true);
  });

  it('kills the remote process group on timeout', async () => {
    home.control('pgsql.yml', 'hang');
    const result = await run(['./pgsql.yml', '-l', 'pg-test'], { timeoutMs: 1000 });
    expect(result).toMatchObject({ timedOut: true, cancelled: false, exitCode: null, signal: 'TERM' });
    const call = home.calls()[0];
    expect(call).toBeDefined();
    expect(await waitUntil(() => !processAlive(call?.pid ?? 0))).toBe(true);
    const child = home.hangChildPid();
    expect(child).toBeDefined();
    expect(await waitUntil(() => !processAlive(child ?? 0))).toBe(true);
  });

  it('kills with SIGKILL a process that ignores SIGTERM', async () => {
    const result = await run(['sh', '-c', `trap '' TERM; echo $$ > ${home.path}/ignorer.pid; while :; do sleep 0.1; done`], { timeoutMs: 800 });
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('KILL');
    const pid = Number(readFileSync(join(home.path, 'ignorer.pid'), 'utf8'));
    expect(await waitUntil(() => !processAlive(pid))).toBe(true);
  });

  it('cancels a running command through its AbortSignal', async () => {
    home.control('etcd.yml', 'hang');
    const controller = new AbortController();
    const pending = run(['./etcd.yml'], { signal: controller.signal });
    expect(await waitUntil(() => home.calls().length === 1)).toBe(true);
    controller.abort();
    const result = await pending;
    expect(result).toMatchObject({ cancelled: true, timedOut: false, signal: 'TERM' });
    expect(await waitUntil(() => !processAlive(home.calls()[0]?.pid ?? 0))).toBe(true);
  });

  it('reuses one connection for many runs', async () => {
    const before = sshd.acceptedLogins();
    for (let i = 0; i < 10; i += 1) expect((await run(['true'])).exitCode).toBe(0);
    expect(executor.handshakes).toBe(1);
    expect(await waitUntil(() => sshd.acceptedLogins() === before + 1)).toBe(true);
  });

  it('uploads a file over SFTP with its mode', async () => {
    const content = 'all:\n  vars: { admin_ip: 10.10.10.10 }\n';
    await executor.upload(content, join(home.path, 'pigsty.yml.tmp'), { mode: 0o600 });
    expect(readFileSync(join(home.path, 'pigsty.yml.tmp'), 'utf8')).toBe(content);
    const result = await run(['stat', '-c', '%a', 'pigsty.yml.tmp']);
    expect(lines).toEqual([['stdout', '600']]);
    expect(result.exitCode).toBe(0);
    await expect(executor.upload('x', '/nonexistent-dir/pigsty.yml')).rejects.toMatchObject({ code: 'UPLOAD_FAILED' });
  });
});

describeSsh('SshExecutor connection failures', () => {
  let sshd: TestSshd;
  let other: TestSshd;
  beforeAll(async () => {
    sshd = await startSshd();
    other = await startSshd();
  });
  afterAll(async () => {
    await sshd.stop();
    await other.stop();
  });

  it('refuses a changed host key (known_hosts pins another key)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-'));
    const knownHostsPath = join(dir, 'known_hosts');
    // The entry for sshd's address carries the other server's key: as if the host key had changed.
    writeFileSync(knownHostsPath, other.knownHostsLine.replace(`[127.0.0.1]:${other.port}`, `[127.0.0.1]:${sshd.port}`) + '\n');
    const executor = new SshExecutor(optionsFor(sshd, { knownHostsPath }));
    const error = await executor.run(['true'], { cwd: '/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostKeyMismatchError);
    expect((error as HostKeyMismatchError).message).toContain(sshd.hostKeyFingerprint);
    expect(sshd.acceptedLogins()).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a host key that does not match the pinned fingerprint', async () => {
    const executor = new SshExecutor(optionsFor(sshd, { knownHostsPath: undefined, hostKeyFingerprint: other.hostKeyFingerprint }));
    await expect(executor.run(['true'], { cwd: '/' })).rejects.toBeInstanceOf(HostKeyMismatchError);
  });

  it('accepts the pinned fingerprint', async () => {
    const executor = new SshExecutor(optionsFor(sshd, { knownHostsPath: undefined, hostKeyFingerprint: sshd.hostKeyFingerprint }));
    expect((await executor.run(['true'], { cwd: '/' })).exitCode).toBe(0);
    await executor.close();
  });

  it('refuses an unknown host (no entry in known_hosts)', async () => {
    const executor = new SshExecutor(optionsFor(sshd, { knownHostsPath: other.knownHostsPath }));
    const error = await executor.run(['true'], { cwd: '/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownHostKeyError);
    expect((error as UnknownHostKeyError).code).toBe('SSH_HOST_KEY_UNKNOWN');
  });

  it('refuses to connect without any host key pin', async () => {
    const executor = new SshExecutor(optionsFor(sshd, { knownHostsPath: undefined }));
    await expect(executor.run(['true'], { cwd: '/' })).rejects.toBeInstanceOf(UnknownHostKeyError);
  });

  it('reports a wrong client key as AuthenticationError', async () => {
    const executor = new SshExecutor(optionsFor(sshd, { privateKeyPath: other.clientKeyPath }));
    const error = await executor.run(['true'], { cwd: '/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toBe(`authentication as ${sshd.user} on ${sshd.user}@127.0.0.1:${sshd.port} failed (tried publickey (key file))`);
  });

  it('reports a closed port as SshConnectError', async () => {
    const executor = new SshExecutor({ ...optionsFor(sshd), port: 1 });
    await expect(executor.run(['true'], { cwd: '/' })).rejects.toBeInstanceOf(SshConnectError);
  });
});

describeSsh('SshExecutor with a key passphrase and a jump host', () => {
  it('decrypts the client key with its passphrase', async () => {
    const sshd = await startSshd({ clientKeyPassphrase: 'correct horse' });
    try {
      const executor = new SshExecutor(optionsFor(sshd, { passphrase: 'correct horse' }));
      expect((await executor.run(['true'], { cwd: '/' })).exitCode).toBe(0);
      await executor.close();
      const wrong = new SshExecutor(optionsFor(sshd, { passphrase: 'wrong' }));
      const error = await wrong.run(['true'], { cwd: '/' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SshConnectError);
      expect(String((error as Error).message)).not.toContain('wrong');
    } finally {
      await sshd.stop();
    }
  });

  it('connects through a jump host, pinning both host keys', async () => {
    const jump = await startSshd();
    const target = await startSshd();
    try {
      const executor = new SshExecutor(
        optionsFor(target, {
          jump: { host: jump.host, port: jump.port, user: jump.user, privateKeyPath: jump.clientKeyPath, knownHostsPath: jump.knownHostsPath },
        }),
      );
      const lines: string[] = [];
      const result = await executor.run(['echo', 'through the jump'], { cwd: '/', onLine: (line) => lines.push(line) });
      expect(result.exitCode).toBe(0);
      expect(lines).toEqual(['through the jump']);
      expect(jump.acceptedLogins()).toBe(1);
      expect(target.acceptedLogins()).toBe(1);
      await executor.close();

      const badJump = new SshExecutor(
        optionsFor(target, { jump: { host: jump.host, port: jump.port, user: jump.user, privateKeyPath: jump.clientKeyPath, hostKeyFingerprint: target.hostKeyFingerprint } }),
      );
      await expect(badJump.run(['true'], { cwd: '/' })).rejects.toBeInstanceOf(HostKeyMismatchError);
    } finally {
      await jump.stop();
      await target.stop();
    }
  });
});

describeSsh('SshExecutor when sshd dies mid-step', () => {
  it('rejects the running step with a clear SshConnectError and reconnects afterwards', async () => {
    const sshd = await startSshd();
    const home = createFakePigstyHome();
    home.control('pgsql.yml', 'hang');
    const executor = new SshExecutor({ ...optionsFor(sshd), keepaliveMs: 500 });
    try {
      const lines: string[] = [];
      const pending = executor.run(['./pgsql.yml', '-l', 'pg-test'], { cwd: home.path, onLine: (line) => lines.push(line) });
      expect(await waitUntil(() => lines.length > 0)).toBe(true);
      await sshd.kill();
      const error = await pending.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SshConnectError);
      expect((error as SshConnectError).message).toContain('connection lost while running ./pgsql.yml -l pg-test');
      expect((error as SshConnectError).message).toContain('pgsql.yml: running pgsql.yml -l pg-test');
      await expect(executor.run(['true'], { cwd: '/' })).rejects.toBeInstanceOf(SshConnectError);
    } finally {
      for (const call of home.calls()) signalProcess(call.pid, 'SIGKILL');
      const child = home.hangChildPid();
      if (child !== undefined) signalProcess(child, 'SIGKILL');
      await executor.close();
      await sshd.stop();
      home.remove();
    }
  });
});
