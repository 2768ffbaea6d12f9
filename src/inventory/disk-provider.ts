import { readFile, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { ContentProvider } from './content-provider.js';

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Reads inventory files from a directory on disk. Paths given to it are relative to `rootDir`
 * (posix separators); absolute paths are also accepted. Display paths are the paths as given,
 * joined to `rootDir` when it is not the current directory.
 */
export class DiskContentProvider implements ContentProvider {
  readonly label: string;
  private readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = rootDir;
    this.label = rootDir;
  }

  private resolve(p: string): string {
    return path.resolve(this.rootDir, p);
  }

  displayPath(p: string): string {
    if (path.isAbsolute(p) || this.rootDir === '.' || this.rootDir === '') return p;
    return path.posix.join(this.rootDir.split(path.sep).join('/'), p);
  }

  async readFile(p: string): Promise<string | undefined> {
    try {
      return await readFile(this.resolve(p), 'utf8');
    } catch (error) {
      if (isMissing(error) || (error as { code?: unknown }).code === 'EISDIR') return undefined;
      throw error;
    }
  }

  async fileSize(p: string): Promise<number | undefined> {
    try {
      const s = await stat(this.resolve(p));
      return s.isFile() ? s.size : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async list(dir: string): Promise<{ name: string; type: 'file' | 'dir' }[] | undefined> {
    try {
      const entries = await readdir(this.resolve(dir), { withFileTypes: true });
      const out: { name: string; type: 'file' | 'dir' }[] = [];
      for (const entry of entries) {
        if (entry.isDirectory()) out.push({ name: entry.name, type: 'dir' });
        else if (entry.isFile() || entry.isSymbolicLink()) out.push({ name: entry.name, type: 'file' });
      }
      out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return out;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }
}
