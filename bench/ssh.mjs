#!/usr/bin/env node
// SSH executor benchmark: 20 sequential steps on one host.
//   ours:    SshExecutor from dist/ (one reused connection: 1 handshake, 20 exec channels)
//   openssh: a loop of `ssh -p PORT host CMD` (20 handshakes), against the same sshd
// Goal: ours / openssh <= 1.0. Exit 0 when met, 1 when missed. Needs `npm run build` and /usr/sbin/sshd.
//
//   node bench/ssh.mjs [steps]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SshExecutor } from '../dist/executor/ssh-executor.js';
import { median } from './support/median.mjs';
import { startSshd } from './support/sshd.mjs';

const STEPS = Number(process.argv[2] ?? 20);
const ROUNDS = 3;
// A small real step: work in a directory, print a couple of lines.
const ARGV = ['sh', '-c', 'echo step; uname -n; echo done'];

if (!existsSync('/usr/sbin/sshd')) {
  console.log('ssh bench: /usr/sbin/sshd missing (run scripts/setup-test-deps.sh)');
  process.exit(2);
}

const sshd = await startSshd();
try {
  const ours = async () => {
    const executor = new SshExecutor({
      host: sshd.host, port: sshd.port, user: sshd.user,
      privateKeyPath: sshd.clientKeyPath, knownHostsPath: sshd.knownHostsPath,
    });
    const start = performance.now();
    for (let i = 0; i < STEPS; i += 1) {
      const result = await executor.run(ARGV, { cwd: '/tmp', onLine: () => {} });
      if (result.exitCode !== 0) throw new Error(`step ${i} failed: ${result.outputTail}`);
    }
    const ms = performance.now() - start;
    await executor.close();
    return ms;
  };
  const openssh = () => {
    const start = performance.now();
    for (let i = 0; i < STEPS; i += 1) {
      const result = spawnSync('ssh', [
        '-p', String(sshd.port), '-i', sshd.clientKeyPath,
        '-o', `UserKnownHostsFile=${sshd.knownHostsPath}`, '-o', 'StrictHostKeyChecking=yes',
        '-o', 'BatchMode=yes', '-o', 'ControlMaster=no', '-o', 'ControlPath=none',
        '-F', '/dev/null', `${sshd.user}@${sshd.host}`, 'cd /tmp && exec sh -c "echo step; uname -n; echo done"',
      ], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`ssh step ${i} failed: ${result.stderr}`);
    }
    return performance.now() - start;
  };

  await ours(); // warm-up (module loading, key parsing)
  openssh();
  const oursRuns = [];
  const sshRuns = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    oursRuns.push(await ours());
    sshRuns.push(openssh());
  }
  const o = median(oursRuns);
  const s = median(sshRuns);
  const ratio = o / s;
  console.log(`${STEPS} sequential steps on one host (median of ${ROUNDS} rounds)`);
  console.log(`  SshExecutor, one reused connection: ${o.toFixed(0)} ms  (${(o / STEPS).toFixed(1)} ms/step)`);
  console.log(`  OpenSSH ssh loop, ${STEPS} handshakes:   ${s.toFixed(0)} ms  (${(s / STEPS).toFixed(1)} ms/step)`);
  console.log(`  ratio ours/openssh: ${ratio.toFixed(2)}x (goal <= 1.0x) ${ratio <= 1 ? 'ok' : 'MISSED'}`);
  process.exitCode = ratio <= 1 ? 0 : 1;
} finally {
  await sshd.stop();
}
