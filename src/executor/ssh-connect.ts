import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Client, type ConnectConfig, type ServerHostKeyAlgorithm } from 'ssh2';
import type { GitopsError } from '../util/errors.js';
import { AuthenticationError, SshConnectError } from './errors.js';
import { checkHostKey, hostKeyAlgorithmsFor, type HostKeyPin } from './host-key.js';
import { parseKnownHosts } from './known-hosts.js';

/** One SSH endpoint: where to connect, as whom, and which host key to accept. */
export interface SshEndpoint {
  host: string;
  port: number;
  user: string;
  /** Private key file; read at connect time. */
  privateKeyPath?: string | undefined;
  /** The key's passphrase (already resolved from its environment variable). */
  passphrase?: string | undefined;
  /** SSH agent socket path. */
  agent?: string | undefined;
  /** known_hosts file pinning the host key. */
  knownHostsPath?: string | undefined;
  /** `SHA256:...` fingerprint pinning the host key. */
  hostKeyFingerprint?: string | undefined;
}

export interface SshConnectOptions {
  connectTimeoutMs: number;
  keepaliveMs: number;
  /** An already-open stream to the endpoint (through a jump host). */
  sock?: Readable | undefined;
}

export function endpointName(endpoint: SshEndpoint): string {
  return `${endpoint.user}@${endpoint.host}:${endpoint.port}`;
}

/**
 * Opens an authenticated SSH connection. The host key is checked against the pin before
 * authentication; an unknown or changed key rejects with `UnknownHostKeyError`/`HostKeyMismatchError`.
 */
export async function connectSsh(endpoint: SshEndpoint, options: SshConnectOptions): Promise<Client> {
  const target = endpointName(endpoint);
  const pin = await loadPin(endpoint, target);
  const privateKey = endpoint.privateKeyPath === undefined ? undefined : await readKey(endpoint.privateKeyPath, target);
  if (privateKey === undefined && endpoint.agent === undefined) {
    throw new SshConnectError(target, 'no credentials configured (set a key file or an agent)');
  }
  const client = new Client();
  // Errors after the handshake (or a second one during it) surface as 'close': never crash the process.
  client.on('error', () => undefined);
  let refusal: GitopsError | undefined;
  const config: ConnectConfig = {
    host: endpoint.host,
    port: endpoint.port,
    username: endpoint.user,
    readyTimeout: options.connectTimeoutMs,
    keepaliveInterval: options.keepaliveMs,
    keepaliveCountMax: 3,
    hostVerifier: (key: Buffer): boolean => {
      refusal = checkHostKey(pin, target, endpoint.host, endpoint.port, key);
      return refusal === undefined;
    },
  };
  const algorithms = hostKeyAlgorithmsFor(pin, endpoint.host, endpoint.port);
  if (algorithms !== undefined) config.algorithms = { serverHostKey: algorithms as ServerHostKeyAlgorithm[] };
  if (privateKey !== undefined) config.privateKey = privateKey;
  if (endpoint.passphrase !== undefined) config.passphrase = endpoint.passphrase;
  if (endpoint.agent !== undefined) config.agent = endpoint.agent;
  if (options.sock !== undefined) config.sock = options.sock;

  return new Promise<Client>((resolve, reject) => {
    const onError = (err: Error & { level?: string }): void => {
      client.removeListener('ready', onReady);
      client.end();
      if (refusal !== undefined) reject(refusal);
      else if (err.level === 'client-authentication') {
        const methods = [privateKey !== undefined ? 'publickey (key file)' : '', endpoint.agent !== undefined ? 'agent' : ''].filter(Boolean).join(', ');
        reject(new AuthenticationError(target, endpoint.user, methods));
      } else if (err.level === 'client-timeout') reject(new SshConnectError(target, `no handshake within ${options.connectTimeoutMs} ms`, { cause: err }));
      else if (/passphrase|encrypted|parse/i.test(err.message) && err.level === undefined) reject(new SshConnectError(target, `cannot use the private key: ${err.message}`, { cause: err }));
      else reject(new SshConnectError(target, err.message, { cause: err }));
    };
    const onReady = (): void => {
      client.removeListener('error', onError);
      resolve(client);
    };
    client.once('ready', onReady);
    client.once('error', onError);
    try {
      client.connect(config);
    } catch (err) {
      onError(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

async function loadPin(endpoint: SshEndpoint, target: string): Promise<HostKeyPin> {
  if (endpoint.knownHostsPath === undefined) {
    return { knownHosts: undefined, knownHostsPath: undefined, fingerprint: endpoint.hostKeyFingerprint };
  }
  let text: string;
  try {
    text = await readFile(endpoint.knownHostsPath, 'utf8');
  } catch (err) {
    throw new SshConnectError(target, `cannot read known_hosts file ${endpoint.knownHostsPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return { knownHosts: parseKnownHosts(text), knownHostsPath: endpoint.knownHostsPath, fingerprint: endpoint.hostKeyFingerprint };
}

async function readKey(path: string, target: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw new SshConnectError(target, `cannot read private key file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}
