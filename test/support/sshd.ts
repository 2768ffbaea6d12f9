/**
 * A real OpenSSH server for tests: fresh host and client keys, its own config in a temp dir,
 * listening on a free loopback port. Run as root it needs the privilege-separation dir /run/sshd.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './global-setup.js';
import { descendantsOf, signalProcess } from './processes.js';

export const SSHD_PATH = '/usr/sbin/sshd';

export interface TestSshd {
  host: string;
  port: number;
  user: string;
  dir: string;
  /** `SHA256:...` of the server's host key. */
  hostKeyFingerprint: string;
  /** `[127.0.0.1]:port ssh-ed25519 AAAA...` */
  knownHostsLine: string;
  /** Path of a known_hosts file holding `knownHostsLine`. */
  knownHostsPath: string;
  /** Private key authorized for `user`. */
  clientKeyPath: string;
  logPath: string;
  /** Number of successful authentications logged by sshd so far. */
  acceptedLogins(): number;
  /** Stops the server (SIGTERM) and removes its directory. */
  stop(): Promise<void>;
  /** SIGKILLs the server and every process it started (its sessions included): a crashed admin node. */
  kill(): Promise<void>;
}

export interface TestSshdOptions {
  /** Passphrase of the generated client key. */
  clientKeyPassphrase?: string;
  /** Host key type. Default ed25519. */
  hostKeyType?: 'ed25519' | 'ecdsa' | 'rsa';
}

export function sshdAvailable(): boolean {
  return existsSync(SSHD_PATH);
}

export async function startSshd(options: TestSshdOptions = {}): Promise<TestSshd> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-gitops-sshd-'));
  const hostKey = join(dir, `ssh_host_${options.hostKeyType ?? 'ed25519'}_key`);
  execFileSync('ssh-keygen', ['-q', '-t', options.hostKeyType ?? 'ed25519', '-N', '', '-f', hostKey, '-C', 'test-host']);
  const clientKeyPath = join(dir, 'client_key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', options.clientKeyPassphrase ?? '', '-f', clientKeyPath, '-C', 'test-client']);
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${clientKeyPath}.pub`));
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  const port = await freePort();
  const logPath = join(dir, 'sshd.log');
  const configPath = join(dir, 'sshd_config');
  writeFileSync(
    configPath,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin prohibit-password',
      'AllowTcpForwarding yes',
      'MaxStartups 100',
      'MaxSessions 100',
      'LogLevel VERBOSE',
      'Subsystem sftp internal-sftp',
      '',
    ].join('\n'),
  );
  const child = spawn(SSHD_PATH, ['-D', '-f', configPath, '-E', logPath], { stdio: 'ignore' });
  await waitForPort(port, child, logPath);

  const publicKey = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/);
  const keyType = publicKey[0] ?? '';
  const keyBase64 = publicKey[1] ?? '';
  const hostKeyFingerprint = `SHA256:${createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('base64').replace(/=+$/, '')}`;
  const knownHostsLine = `[127.0.0.1]:${port} ${keyType} ${keyBase64}`;
  const knownHostsPath = join(dir, 'known_hosts');
  writeFileSync(knownHostsPath, `${knownHostsLine}\n`);

  let stopped = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    host: '127.0.0.1',
    port,
    user: userInfo().username,
    dir,
    hostKeyFingerprint,
    knownHostsLine,
    knownHostsPath,
    clientKeyPath,
    logPath,
    acceptedLogins: () => (existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').filter((l) => l.includes('Accepted publickey')).length : 0),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.pid !== undefined) for (const pid of descendantsOf(child.pid)) signalProcess(pid, 'SIGKILL');
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
    async kill() {
      if (child.pid !== undefined) {
        for (const pid of [child.pid, ...descendantsOf(child.pid)]) signalProcess(pid, 'SIGKILL');
      }
      await exited;
    },
  };
}

async function waitForPort(port: number, child: ChildProcess, logPath: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) {
      throw new Error(`sshd exited with ${child.exitCode}: ${existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sshd did not listen on port ${port}`);
}
