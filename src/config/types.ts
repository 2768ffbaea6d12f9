/**
 * The operator's service configuration (`pigsty-gitops.yml`, outside the watched repository).
 * Validated against `schemas/config.schema.json`. Secrets are referenced (file or env var), never inlined.
 * Nothing in the watched repository can change these values.
 */
export interface GitopsConfig {
  /** Absolute path of the file it was read from, or undefined for embedded defaults. */
  file: string | undefined;
  repo: {
    /** Local clone (or working tree) of the watched repository. Absolute. */
    path: string;
    /** Branch whose commits are applied. Default `main`. */
    branch: string;
  };
  cmdb: {
    /** PostgreSQL URL (`METADB_URL`); when absent the embedded PGlite store is used. */
    url: string | undefined;
    /** PGlite data directory. Absolute. Default `<repo>/.pigsty-gitops/cmdb`. */
    dataDir: string;
  };
  environments: Record<string, EnvironmentConfig>;
}

export interface EnvironmentConfig {
  name: string;
  /** Inventory path inside the repository: an environment directory or a file. Default `environments/<name>`. */
  inventoryPath: string;
  /** Pigsty home on the admin node (absolute), where `bin/*` and the playbooks live. Required for ssh; for local defaults to `<repo>/.pigsty-gitops/pigsty-home`. */
  pigstyHome: string;
  /** Inventory file name written in the Pigsty home. Default `pigsty.yml`. */
  inventoryFile: string;
  executor: SshExecutorConfig | LocalExecutorConfig;
  timeouts: {
    /** SSH connect/handshake timeout. */
    connectMs: number;
    /** Per-step timeout. */
    stepMs: number;
  };
  /** Load the applied inventory into Pigsty's own `pigsty.*` CMDB tables after each successful apply. */
  pigstyCmdbSync: boolean;
}

export interface SshExecutorConfig {
  type: 'ssh';
  host: string;
  port: number;
  user: string;
  /** Private key file path; or use the SSH agent. */
  privateKeyPath: string | undefined;
  /** Name of an environment variable holding the key's passphrase. */
  passphraseEnv: string | undefined;
  /** Path of the agent socket, or `env` to use SSH_AUTH_SOCK. */
  agent: string | undefined;
  /** Host key pinning: at least one of these. */
  knownHostsPath: string | undefined;
  /** `SHA256:...` fingerprint of the admin node's host key. */
  hostKeyFingerprint: string | undefined;
  keepaliveMs: number;
  jump: Omit<SshExecutorConfig, 'type' | 'jump' | 'keepaliveMs'> | undefined;
}

export interface LocalExecutorConfig {
  type: 'local';
}
