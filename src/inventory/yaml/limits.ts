/** Bounds applied while reading inventory files. */
export interface LoadOptions {
  /** Largest accepted file, in bytes. Default 32 MiB. */
  maxFileBytes?: number;
  /**
   * Most nodes that aliases (`*name`) may expand to in one file, counting every node of each
   * aliased subtree each time it is referenced. Default 1,000,000: real inventories use a few
   * dozen; a billion-laughs file passes it within a few levels and is refused at once.
   */
  maxAliasNodes?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;
export const DEFAULT_MAX_ALIAS_NODES = 1_000_000;

export interface ResolvedLimits {
  maxFileBytes: number;
  maxAliasNodes: number;
}

export function resolveLimits(options: LoadOptions | undefined): ResolvedLimits {
  return {
    maxFileBytes: options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    maxAliasNodes: options?.maxAliasNodes ?? DEFAULT_MAX_ALIAS_NODES,
  };
}
