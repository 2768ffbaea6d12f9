import type { GitopsConfig } from '../config/types.js';
import { UsageError } from '../util/errors.js';

export interface CmdbEnvironment {
  name: string;
  /** Inventory path inside the repository. */
  inventoryPath: string;
  pigstyCmdbSync: boolean;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The environment as configured; without a configuration file, any environment `<env>` maps to
 * `environments/<env>` (embedded defaults).
 */
export function resolveEnvironment(config: GitopsConfig, name: string): CmdbEnvironment {
  const configured = config.environments[name];
  if (configured !== undefined) {
    return { name, inventoryPath: configured.inventoryPath, pigstyCmdbSync: configured.pigstyCmdbSync };
  }
  if (config.file === undefined && SAFE_NAME.test(name)) {
    return { name, inventoryPath: `environments/${name}`, pigstyCmdbSync: false };
  }
  const known = Object.keys(config.environments).join(', ') || '(none)';
  throw new UsageError(`unknown environment ${JSON.stringify(name)}; configured: ${known}`);
}
