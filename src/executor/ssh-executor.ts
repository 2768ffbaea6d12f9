import { randomBytes } from 'node:crypto';
import type { Client, ClientChannel, SFTPWrapper } from 'ssh2';
import { SshConnectError, UploadError } from './errors.js';
import type { Executor, RunOptions, RunResult } from './executor.js';
import { RunMonitor } from './run-monitor.js';
import { connectSsh, endpointName, type SshEndpoint } from './ssh-connect.js';
import { buildShellCommand } from './shell-quote.js';

export interface SshExecutorOptions extends SshEndpoint {
  /** Connect through this host first (its `forwardOut` carries the connection). */
  jump?: SshEndpoint | undefined;
  /** Handshake timeout. Default 10 s. */
  connectTimeoutMs?: number | undefined;
  /** Keepalive interval; 3 missed answers close the connection. Default 15 s. */
  keepaliveMs?: number | undefined;
  /** After SIGTERM to the remote process group, wait this long before SIGKILL. Default 5 s. */
  killGraceMs?: number | undefined;
}

interface Connection {
  client: Client;
  jump: Client | undefined;
  sftp: Promise<SFTPWrapper> | undefined;
}

/**
 * Runs commands on one host over a single reused SSH connection (ssh2).
 * The host key must match its pin; commands run without a pty and without sudo, as
 * `cd <cwd> && exec <argv>` with every word single-quoted. On timeout or cancel the remote
 * process group is sent SIGTERM, then SIGKILL, by a second command on the same connection.
 */
export class SshExecutor implements Executor {
  readonly target: string;
  /** Number of SSH handshakes made to the target (1 when the connection was reused throughout). */
  handshakes = 0;
  private connection: Promise<Connection> | undefined;
  private readonly active = new Set<(error: Error) => void>();

  constructor(private readonly options: SshExecutorOptions) {
    this.target = endpointName(options);
  }

  async run(argv: readonly string[], options: RunOptions): Promise<RunResult> {
    const marker = `__pigsty_gitops_pid_${randomBytes(6).toString('hex')}:`;
    const command = buildShellCommand(argv, options.cwd, options.env, marker);
    const { client } = await this.connect();
    const channel = await new Promise<ClientChannel>((resolve, reject) => {
      client.exec(command, (err, stream) => (err ? reject(new SshConnectError(this.target, `cannot start a command: ${err.message}`, { cause: err })) : resolve(stream)));
    });

    return new Promise<RunResult>((resolve, reject) => {
      let pid: number | undefined;
      let killSent = false;
      let exitCode: number | null = null;
      let exitSignal: string | null = null;
      let forceClose: NodeJS.Timeout | undefined;
      const killRemote = (): void => {
        if (pid === undefined || killSent) return;
        killSent = true;
        void this.killProcessGroup(client, pid).finally(() => {
          // A grandchild outside the group may still hold the channel open: give up on it.
          forceClose = setTimeout(() => channel.close(), 2000);
        });
      };
      const monitor = new RunMonitor(options, killRemote, (line) => {
        if (pid !== undefined || !line.startsWith(marker)) return false;
        pid = Number(line.slice(marker.length));
        if (monitor.stopping) killRemote();
        return true;
      });
      const lost = (error: Error): void => {
        this.active.delete(lost);
        monitor.dispose();
        if (forceClose !== undefined) clearTimeout(forceClose);
        reject(
          new SshConnectError(
            this.target,
            `connection lost while running ${argv.join(' ')} (${error.message}); the remote command may still be running. Last output:\n${monitor.outputTail}`,
            { cause: error },
          ),
        );
      };
      this.active.add(lost);
      channel.on('data', (chunk: Buffer) => monitor.stdout.push(chunk));
      channel.stderr.on('data', (chunk: Buffer) => monitor.stderr.push(chunk));
      channel.on('exit', (code: number | null, signal?: string) => {
        exitCode = code;
        // ssh2 reports `SIGKILL` where OpenSSH sends `KILL`: report the bare name, like LocalExecutor.
        exitSignal = signal === undefined || signal === null ? null : signal.replace(/^SIG/, '');
      });
      channel.on('close', () => {
        // When the connection dies, the client's 'close' (and so `lost`) comes before the channels' close.
        if (!this.active.has(lost)) return;
        this.active.delete(lost);
        if (forceClose !== undefined) clearTimeout(forceClose);
        resolve(monitor.finish(exitCode, exitSignal));
      });
      monitor.start();
    });
  }

  async upload(content: Buffer | string, remotePath: string, options: { mode?: number } = {}): Promise<void> {
    const connection = await this.connect();
    connection.sftp ??= new Promise<SFTPWrapper>((resolve, reject) => {
      connection.client.sftp((err, sftp) => (err ? reject(err) : resolve(sftp)));
    });
    let sftp: SFTPWrapper;
    try {
      sftp = await connection.sftp;
    } catch (err) {
      connection.sftp = undefined;
      throw new UploadError(this.target, remotePath, `SFTP unavailable: ${(err as Error).message}`, { cause: err });
    }
    await new Promise<void>((resolve, reject) => {
      const writeOptions = options.mode === undefined ? {} : { mode: options.mode };
      sftp.writeFile(remotePath, content, writeOptions, (err) => {
        if (err) reject(new UploadError(this.target, remotePath, err.message, { cause: err }));
        else if (options.mode === undefined) resolve();
        // writeFile's mode only applies to a new file: set it explicitly for an existing one.
        else sftp.chmod(remotePath, options.mode, (chmodErr) => (chmodErr ? reject(new UploadError(this.target, remotePath, chmodErr.message)) : resolve()));
      });
    });
  }

  async close(): Promise<void> {
    const pending = this.connection;
    this.connection = undefined;
    if (pending === undefined) return;
    const connection = await pending.catch(() => undefined);
    connection?.client.end();
    connection?.jump?.end();
  }

  private connect(): Promise<Connection> {
    if (this.connection === undefined) {
      const pending = this.open();
      this.connection = pending;
      pending.catch(() => {
        if (this.connection === pending) this.connection = undefined;
      });
    }
    return this.connection;
  }

  private async open(): Promise<Connection> {
    const connectTimeoutMs = this.options.connectTimeoutMs ?? 10_000;
    const keepaliveMs = this.options.keepaliveMs ?? 15_000;
    let jump: Client | undefined;
    let sock: ClientChannel | undefined;
    if (this.options.jump !== undefined) {
      const via = this.options.jump;
      jump = await connectSsh(via, { connectTimeoutMs, keepaliveMs });
      const jumpClient = jump;
      sock = await new Promise<ClientChannel>((resolve, reject) => {
        jumpClient.forwardOut('127.0.0.1', 0, this.options.host, this.options.port, (err, stream) => {
          if (err) {
            jumpClient.end();
            reject(new SshConnectError(this.target, `jump host ${endpointName(via)} cannot reach ${this.options.host}:${this.options.port}: ${err.message}`, { cause: err }));
          } else resolve(stream);
        });
      });
    }
    let client: Client;
    try {
      client = await connectSsh(this.options, { connectTimeoutMs, keepaliveMs, sock });
    } catch (err) {
      jump?.end();
      throw err;
    }
    this.handshakes += 1;
    const connection: Connection = { client, jump, sftp: undefined };
    client.on('close', () => {
      jump?.end();
      // The next run opens a fresh connection; runs in flight learn that theirs is gone.
      if (this.connection !== undefined) this.connection = undefined;
      for (const lost of [...this.active]) lost(new Error('connection closed'));
    });
    return connection;
  }

  /** SIGTERM to the remote process group `pid`, SIGKILL after the grace period if it is still there. */
  private killProcessGroup(client: Client, pid: number): Promise<void> {
    const rounds = Math.max(1, Math.ceil((this.options.killGraceMs ?? 5000) / 100));
    const script =
      `kill -TERM -- -${pid} 2>/dev/null || kill -TERM ${pid} 2>/dev/null; i=0; ` +
      `while kill -0 -- -${pid} 2>/dev/null && [ $i -lt ${rounds} ]; do sleep 0.1; i=$((i+1)); done; ` +
      `kill -KILL -- -${pid} 2>/dev/null; kill -KILL ${pid} 2>/dev/null; true`;
    return new Promise<void>((resolve) => {
      try {
        client.exec(script, (err, stream) => {
          if (err) return resolve();
          stream.resume();
          stream.stderr.resume();
          stream.on('close', () => resolve());
        });
      } catch {
        resolve();
      }
    });
  }
}
