// A throwaway OpenSSH server for benchmarks (the JS twin of test/support/sshd.ts):
// fresh host and client keys, its own sshd_config in a temp dir, a free loopback port.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.mjs';

export async function startSshd() {
  const dir = mkdtempSync(join(tmpdir(), 'pg-gitops-bench-sshd-'));
  const hostKey = join(dir, 'ssh_host_ed25519_key');
  const clientKeyPath = join(dir, 'client_key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', clientKeyPath]);
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${clientKeyPath}.pub`));
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const port = await freePort();
  const configPath = join(dir, 'sshd_config');
  writeFileSync(configPath, [
    `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${hostKey}`, `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`, 'StrictModes no', 'UsePAM no', 'PasswordAuthentication no',
    'KbdInteractiveAuthentication no', 'PermitRootLogin prohibit-password', 'MaxStartups 100', 'MaxSessions 100',
    'Subsystem sftp internal-sftp', '',
  ].join('\n'));
  const child = spawn('/usr/sbin/sshd', ['-D', '-f', configPath, '-E', join(dir, 'sshd.log')], { stdio: 'ignore' });
  for (let i = 0; ; i += 1) {
    if (await canConnect(port)) break;
    if (i > 100 || child.exitCode !== null) throw new Error(`sshd did not start: ${readFileSync(join(dir, 'sshd.log'), 'utf8')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const [keyType, keyBase64] = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/);
  const knownHostsPath = join(dir, 'known_hosts');
  writeFileSync(knownHostsPath, `[127.0.0.1]:${port} ${keyType} ${keyBase64}\n`);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    host: '127.0.0.1',
    port,
    user: userInfo().username,
    dir,
    clientKeyPath,
    knownHostsPath,
    hostKeyFingerprint: `SHA256:${createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('base64').replace(/=+$/, '')}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}
