import { GitopsError } from '../util/errors.js';

/** A held per-environment apply lock; `release` is idempotent. */
export interface EnvironmentLock {
  readonly environment: string;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Wait for the holder to release (polling), or give up at once. */
  wait: boolean;
  /** With `wait`, give up after this long (default: forever). */
  timeoutMs?: number;
}

/** Takes per-environment locks; one implementation per backend. */
export interface EnvironmentLocker {
  /** Resolves undefined when another holder has the lock (and `wait` is false or timed out). */
  tryLock(environment: string, options: LockOptions): Promise<EnvironmentLock | undefined>;
}

/** Another process holds the environment's apply lock. */
export class LockBusyError extends GitopsError {
  constructor(environment: string) {
    super('LOCK_BUSY', `environment ${environment} is locked by another apply`, { environment });
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** 32-bit FNV-1a of the environment name: the advisory lock's second key (collisions only over-serialise). */
export function lockKey(environment: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(environment, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
