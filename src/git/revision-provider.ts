import type { ContentProvider } from '../inventory/content-provider.js';
import { GitRepo, INDEX_REV, type TreeEntry } from './repo.js';

type DirEntry = { name: string; type: 'file' | 'dir' };

/**
 * Reads an inventory from a git revision (or the index) without a checkout; works in bare
 * repositories. Paths are posix, relative to the repository root. The tree is listed once
 * (`git ls-tree -r -t` or `git ls-files --stage`), blobs are read on demand.
 *
 * `label` is the short commit id (`abc1234`) or `INDEX`; file labels read `abc1234:environments/prod/pigsty.yml`.
 */
export class GitRevisionProvider implements ContentProvider {
  readonly label: string;
  private entries: Promise<Map<string, TreeEntry>> | undefined;

  private constructor(
    private readonly repo: GitRepo,
    /** Full commit id, or INDEX_REV. */
    readonly commit: string,
  ) {
    this.label = commit === INDEX_REV ? INDEX_REV : commit.slice(0, 7);
  }

  /** Opens `rev` (any revision git understands, or `INDEX` for staged content) of the repository at `repoDir`. */
  static async open(repoDir: string | GitRepo, rev: string, env: NodeJS.ProcessEnv = process.env): Promise<GitRevisionProvider> {
    const repo = typeof repoDir === 'string' ? await GitRepo.open(repoDir, env) : repoDir;
    const commit = rev === INDEX_REV || rev === ':0' ? INDEX_REV : await repo.resolveCommit(rev);
    return new GitRevisionProvider(repo, commit);
  }

  /** `abc1234:path` — how diagnostics name a file read from this revision. */
  displayPath(path: string): string {
    return `${this.label}:${normalize(path)}`;
  }

  async fileSize(path: string): Promise<number | undefined> {
    const entry = (await this.tree()).get(normalize(path));
    if (entry === undefined || entry.type !== 'file') return undefined;
    return entry.size ?? this.repo.blobSize(entry.object);
  }

  async readFile(path: string): Promise<string | undefined> {
    const entry = (await this.tree()).get(normalize(path));
    if (entry === undefined || entry.type !== 'file') return undefined;
    return this.repo.readBlob(entry.object);
  }

  async list(dir: string): Promise<DirEntry[] | undefined> {
    const prefix = normalize(dir);
    const tree = await this.tree();
    if (prefix !== '' && tree.get(prefix)?.type !== 'dir') return undefined;
    const start = prefix === '' ? '' : `${prefix}/`;
    const out: DirEntry[] = [];
    for (const entry of tree.values()) {
      if (!entry.path.startsWith(start)) continue;
      const name = entry.path.slice(start.length);
      if (name.includes('/')) continue;
      out.push({ name, type: entry.type });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private tree(): Promise<Map<string, TreeEntry>> {
    this.entries ??= (this.commit === INDEX_REV ? this.repo.listIndex() : this.repo.listTree(this.commit)).then(
      (list) => new Map(list.map((e) => [e.path, e])),
    );
    return this.entries;
  }
}

/** `./a//b/` → `a/b`; `.` → `` (the root). */
function normalize(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}
