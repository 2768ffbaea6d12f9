import type { ContentProvider } from '../inventory/content-provider.js';
import { MAIN_FILE_NAMES } from '../inventory/load.js';
import { InputError } from '../util/errors.js';
import type { ResolvedInventory } from './resolve-inventory-arg.js';

/** The folder that holds one directory per environment. */
export const ENVIRONMENTS_DIR = 'environments';

function join(dir: string, name: string): string {
  return dir === '.' || dir === '' ? name : `${dir}/${name}`;
}

/** True when `dir` directly holds `pigsty.yml` or `hosts.yml` (or their `.yaml` spelling). */
export async function isEnvironmentDir(provider: ContentProvider, dir: string): Promise<boolean> {
  const entries = await provider.list(dir);
  if (entries === undefined) return false;
  return entries.some((e) => e.type === 'file' && (MAIN_FILE_NAMES as readonly string[]).includes(e.name));
}

/**
 * A file or an environment directory stays as it is. A directory holding environment
 * directories (like `environments/`) expands to each of them, in name order. Anything
 * else is an InputError that says what an inventory looks like.
 */
export async function expandInventoryTarget(target: ResolvedInventory): Promise<ResolvedInventory[]> {
  const { provider, path } = target;
  const entries = await provider.list(path);
  if (entries === undefined) return [target];
  if (await isEnvironmentDir(provider, path)) return [target];
  const expanded: ResolvedInventory[] = [];
  for (const entry of entries) {
    if (entry.type !== 'dir') continue;
    const child = join(path, entry.name);
    if (await isEnvironmentDir(provider, child)) {
      expanded.push({ provider, path: child, display: provider.displayPath?.(child) ?? child });
    }
  }
  if (expanded.length === 0) {
    throw new InputError(
      `not an inventory: ${target.display} (a directory needs pigsty.yml or hosts.yml, or environment directories that have one)`,
      { path: target.display },
    );
  }
  return expanded;
}

/** Looks like an Ansible inventory file: a top-level `all:` key. */
export function looksLikeInventory(text: string): boolean {
  return /^all\s*:/m.test(text);
}

/**
 * The inventories a set of changed paths touches, for hooks: every `environments/<env>/` with
 * a changed file that still is an environment directory, plus any other changed `.yml`/`.yaml`
 * file outside environments/ whose content is an inventory. Deleted paths are skipped.
 */
export async function changedInventories(provider: ContentProvider, changed: readonly string[]): Promise<string[]> {
  const envs = new Set<string>();
  const files: string[] = [];
  for (const path of changed) {
    const parts = path.split('/');
    if (parts[0] === ENVIRONMENTS_DIR && parts.length >= 3) {
      envs.add(`${ENVIRONMENTS_DIR}/${parts[1] ?? ''}`);
      continue;
    }
    if (!/\.ya?ml$/.test(path) || parts[0] === ENVIRONMENTS_DIR) continue;
    const text = await provider.readFile(path);
    if (text !== undefined && looksLikeInventory(text)) files.push(path);
  }
  const out: string[] = [];
  for (const env of [...envs].sort()) if (await isEnvironmentDir(provider, env)) out.push(env);
  return [...out, ...files.sort()];
}
