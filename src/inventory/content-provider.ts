/**
 * Where inventory files come from: a directory on disk, a git revision, or memory.
 * Paths are posix, relative to the provider's root; `undefined` means "does not exist".
 */
export interface ContentProvider {
  /** Shown in messages, e.g. the root directory or `HEAD`. */
  readonly label: string;
  readFile(path: string): Promise<string | undefined>;
  list(dir: string): Promise<{ name: string; type: 'file' | 'dir' }[] | undefined>;
  /**
   * Optional: the size in bytes of a file without reading it, so oversized files are
   * refused before they are loaded into memory. `undefined` = missing or unknown.
   */
  fileSize?(path: string): Promise<number | undefined>;
  /**
   * Optional: how a provider-relative path is shown in diagnostics (e.g. `REV:path`).
   * Defaults to the path itself.
   */
  displayPath?(path: string): string;
}
