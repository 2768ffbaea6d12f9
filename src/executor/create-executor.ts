import type { EnvironmentConfig, SshExecutorConfig } from '../config/types.js';
import { SshConnectError } from './errors.js';
import type { Executor } from './executor.js';
import { LocalExecutor } from './local-executor.js';
import type { SshEndpoint } from './ssh-connect.js';
import { SshExecutor } from './ssh-executor.js';

export interface CreateExecutorOptions {
  /** Where passphrases (`passphrase_env`) and `SSH_AUTH_SOCK` are read; the base environment of local commands. */
  env: NodeJS.ProcessEnv;
  /** After SIGTERM on timeout/cancel, wait this long before SIGKILL. Default 5 s. */
  killGraceMs?: number | undefined;
}

/**
 * The executor of an environment, from the operator's configuration only (never from the repository).
 * Secrets are resolved here: the passphrase from its environment variable, the agent from `SSH_AUTH_SOCK`.
 * Nothing connects until the first `run`/`upload`.
 */
export function createExecutor(environment: EnvironmentConfig, options: CreateExecutorOptions): Executor {
  const executor = environment.executor;
  if (executor.type === 'local') return new LocalExecutor({ env: options.env, killGraceMs: options.killGraceMs });
  return new SshExecutor({
    ...endpointOf(executor, options.env),
    jump: executor.jump === undefined ? undefined : endpointOf(executor.jump, options.env),
    connectTimeoutMs: environment.timeouts.connectMs,
    keepaliveMs: executor.keepaliveMs,
    killGraceMs: options.killGraceMs,
  });
}

function endpointOf(config: Omit<SshExecutorConfig, 'type' | 'jump' | 'keepaliveMs'>, env: NodeJS.ProcessEnv): SshEndpoint {
  const target = `${config.user}@${config.host}:${config.port}`;
  let passphrase: string | undefined;
  if (config.passphraseEnv !== undefined) {
    passphrase = env[config.passphraseEnv];
    if (passphrase === undefined) throw new SshConnectError(target, `the key passphrase variable ${config.passphraseEnv} is not set`);
  }
  let agent = config.agent;
  if (agent === 'env') {
    agent = env.SSH_AUTH_SOCK;
    if (agent === undefined || agent === '') throw new SshConnectError(target, 'agent: true but SSH_AUTH_SOCK is not set');
  }
  return {
    host: config.host,
    port: config.port,
    user: config.user,
    privateKeyPath: config.privateKeyPath,
    passphrase,
    agent,
    knownHostsPath: config.knownHostsPath,
    hostKeyFingerprint: config.hostKeyFingerprint,
  };
}
