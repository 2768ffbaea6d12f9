/**
 * Applies `group_vars/` and `host_vars/` of a split inventory to the merged document, the way
 * Ansible does for a directory inventory: `group_vars/all` → `all.vars`; `group_vars/<g>` →
 * the group's vars; `host_vars/<host>` → the host's vars in every group that lists it. Files
 * win over vars written inline in the inventory file (top-level keys replaced). A file may be
 * `<name>.yml`, `<name>.yaml`, `<name>.json`, or a `<name>/` directory of such files (sorted).
 * Vars for a group or host the inventory does not list are ignored, as Ansible does, with a
 * warning (`INV001` host, `INV002` group) so the mistake stays visible.
 */
import * as posix from 'node:path/posix';
import type { Diagnostic } from '../validate/diagnostic.js';
import type { ContentProvider } from './content-provider.js';
import { asVars, isMapping } from './document-shape.js';
import type { InventoryLocator } from './inventory-locator.js';
import type { JsonPath } from './json-path.js';
import type { GroupDocument, InventoryDocument, SourceFile, Vars, YamlValue } from './model.js';
import { readBounded } from './read-bounded.js';
import type { ResolvedLimits } from './yaml/limits.js';
import { parseYamlFile } from './yaml/parse-yaml-file.js';
import type { FilePositions } from './yaml/positions.js';

const VAR_EXTENSIONS = ['.yml', '.yaml', '.json'];

export interface SplitContext {
  provider: ContentProvider;
  dir: string;
  document: InventoryDocument;
  locator: InventoryLocator;
  files: SourceFile[];
  diagnostics: Diagnostic[];
  limits: ResolvedLimits;
  /** Receives the secret values of every vars file read. */
  secrets: Set<string>;
}

interface VarsFile {
  vars: Vars;
  positions: FilePositions;
  display: string;
}

function stripExtension(name: string): string | undefined {
  for (const ext of VAR_EXTENSIONS) if (name.endsWith(ext) && name.length > ext.length) return name.slice(0, -ext.length);
  return undefined;
}

async function listFilesRecursively(provider: ContentProvider, dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await provider.list(dir)) ?? []) {
    const p = posix.join(dir, e.name);
    if (e.type === 'dir') out.push(...(await listFilesRecursively(provider, p)));
    else if (stripExtension(e.name) !== undefined) out.push(p);
  }
  return out;
}

/** Entity name → its var files, in load order, for `group_vars` or `host_vars`. */
async function varFilesByName(ctx: SplitContext, sub: string): Promise<Map<string, string[]>> {
  const base = ctx.dir === '.' || ctx.dir === '' ? sub : posix.join(ctx.dir, sub);
  const byName = new Map<string, string[]>();
  const entries = (await ctx.provider.list(base)) ?? [];
  for (const e of entries) {
    const name = e.type === 'dir' ? e.name : stripExtension(e.name);
    if (name === undefined || name.startsWith('.')) continue;
    const p = posix.join(base, e.name);
    const list = byName.get(name) ?? [];
    if (e.type === 'dir') list.push(...(await listFilesRecursively(ctx.provider, p)));
    else list.unshift(p); // the `<name>.yml` file before the `<name>/` directory
    byName.set(name, list);
  }
  return byName;
}

async function readVarsFile(ctx: SplitContext, path: string): Promise<VarsFile | undefined> {
  const display = ctx.provider.displayPath?.(path) ?? path;
  const text = await readBounded(ctx.provider, path, ctx.limits, ctx.diagnostics);
  if (text === undefined) return undefined;
  ctx.files.push({ path: display, text });
  const parsed = parseYamlFile(text, display, ctx.limits);
  ctx.diagnostics.push(...parsed.diagnostics);
  for (const secret of parsed.secrets) ctx.secrets.add(secret);
  if (parsed.value === undefined) return undefined;
  const vars = asVars(parsed.value, parsed.positions.locate([]).position, ctx.diagnostics);
  return vars === undefined ? undefined : { vars, positions: parsed.positions, display };
}

/** Every group defined anywhere under `all.children`, with its document path. */
function findGroups(document: InventoryDocument): Map<string, { group: GroupDocument; path: string[]; parent: Record<string, GroupDocument | null>; }> {
  const found = new Map<string, { group: GroupDocument; path: string[]; parent: Record<string, GroupDocument | null> }>();
  const visit = (children: YamlValue | undefined, path: string[], depth: number): void => {
    if (!isMapping(children) || depth > 32) return;
    for (const [name, raw] of Object.entries(children)) {
      const group = (isMapping(raw) ? raw : {}) as GroupDocument;
      if (!found.has(name)) found.set(name, { group, path: [...path, name], parent: children as Record<string, GroupDocument | null> });
      visit((group as { children?: YamlValue }).children, [...path, name, 'children'], depth + 1);
    }
  };
  visit(document.all.children as YamlValue | undefined, ['all', 'children'], 0);
  return found;
}

function warn(ctx: SplitContext, code: string, message: string, file: VarsFile): void {
  ctx.diagnostics.push({ code, severity: 'warning', message, path: '', file: file.display, line: 1, column: 1 });
}

export async function applySplitVars(ctx: SplitContext): Promise<void> {
  const groups = findGroups(ctx.document);
  for (const [name, paths] of await varFilesByName(ctx, 'group_vars')) {
    for (const p of paths) {
      const file = await readVarsFile(ctx, p);
      if (file === undefined) continue;
      let prefix: JsonPath;
      if (name === 'all') {
        const current = isMapping(ctx.document.all.vars as YamlValue | undefined) ? ctx.document.all.vars : {};
        ctx.document.all.vars = { ...current, ...file.vars };
        prefix = ['all', 'vars'];
      } else {
        const found = groups.get(name);
        if (found === undefined) {
          warn(ctx, 'INV002', `group_vars for "${name}", a group the inventory does not define; Ansible ignores it`, file);
          continue;
        }
        const current = isMapping(found.group.vars as YamlValue | undefined) ? found.group.vars : {};
        found.group.vars = { ...current, ...file.vars };
        const groupName = found.path[found.path.length - 1] ?? name;
        found.parent[groupName] = found.group;
        prefix = [...found.path, 'vars'];
      }
      ctx.locator.add({ prefix, keys: new Set(Object.keys(file.vars)), positions: file.positions });
    }
  }

  // Host occurrences: every `hosts:` mapping (all.hosts and each group's) that lists the host.
  const occurrences = new Map<string, { hosts: Record<string, Vars | null>; path: string[] }[]>();
  const addHosts = (hosts: YamlValue | undefined, path: string[]): void => {
    if (!isMapping(hosts)) return;
    for (const ip of Object.keys(hosts)) {
      const list = occurrences.get(ip) ?? [];
      list.push({ hosts: hosts as Record<string, Vars | null>, path: [...path, ip] });
      occurrences.set(ip, list);
    }
  };
  addHosts(ctx.document.all.hosts as YamlValue | undefined, ['all', 'hosts']);
  for (const { group, path } of groups.values()) addHosts(group.hosts as YamlValue | undefined, [...path, 'hosts']);

  for (const [host, paths] of await varFilesByName(ctx, 'host_vars')) {
    for (const p of paths) {
      const file = await readVarsFile(ctx, p);
      if (file === undefined) continue;
      const where = occurrences.get(host);
      if (where === undefined) {
        warn(ctx, 'INV001', `host_vars for "${host}", a host no group lists; Ansible ignores it`, file);
        continue;
      }
      for (const o of where) {
        const current = o.hosts[host];
        o.hosts[host] = { ...(isMapping(current ?? undefined) ? current : {}), ...file.vars };
        ctx.locator.add({ prefix: o.path, keys: new Set(Object.keys(file.vars)), positions: file.positions });
      }
    }
  }
}
