import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Names of the directories under `<repo>/environments/` (sorted); none when the folder is absent. */
export async function discoverEnvironments(repoPath: string): Promise<string[]> {
  try {
    const entries = await readdir(join(repoPath, 'environments'), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && NAME.test(e.name)).map((e) => e.name).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
