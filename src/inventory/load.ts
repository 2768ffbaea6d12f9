/**
 * Loads an inventory: a single file (`pigsty.yml`), or an environment directory holding
 * `pigsty.yml` or `hosts.yml` plus optional `group_vars/` and `host_vars/` (read the way
 * Ansible reads a directory inventory). Parse problems are diagnostics; a missing path
 * throws `InputError`.
 */
import * as posix from 'node:path/posix';
import type { Diagnostic } from '../validate/diagnostic.js';
import { InputError } from '../util/errors.js';
import type { ContentProvider } from './content-provider.js';
import { asInventoryDocument } from './document-shape.js';
import { InventoryLocator } from './inventory-locator.js';
import type { InventoryDocument, LoadedInventory, SourceFile } from './model.js';
import { applySplitVars } from './split-vars.js';
import { resolveLimits, type LoadOptions } from './yaml/limits.js';
import { parseYamlFile, type ParsedYamlFile } from './yaml/parse-yaml-file.js';
import type { ShareableReading } from './yaml/shared-entries.js';
import { readBounded } from './read-bounded.js';

export type { LoadOptions } from './yaml/limits.js';

export interface LoadInventoryOptions extends LoadOptions {
  /**
   * An inventory loaded earlier from a similar file (the other side of a plan): entries whose
   * source lines are unchanged take its values instead of being built again. Both inventories'
   * documents are read-only afterwards (they hold the same objects).
   */
  reuse?: LoadedInventory;
}

/**
 * Readings a later load may reuse, by the inventory they produced. Single layout only: a split
 * inventory's group_vars and host_vars are merged into its document after the reading.
 */
const shareableReadings = new WeakMap<LoadedInventory, ShareableReading>();

function reusable(options: LoadInventoryOptions | undefined): ShareableReading | undefined {
  return options?.reuse === undefined ? undefined : shareableReadings.get(options.reuse);
}

function remember(loaded: LoadedInventory, parsed: ParsedYamlFile): void {
  if (parsed.shareable !== undefined) shareableReadings.set(loaded, parsed.shareable);
}

export interface LoadOutcome {
  loaded: LoadedInventory | undefined;
  diagnostics: Diagnostic[];
}

/** Main inventory file names tried in an environment directory, in this order. */
export const MAIN_FILE_NAMES = ['pigsty.yml', 'pigsty.yaml', 'hosts.yml', 'hosts.yaml'] as const;

function documentOf(parsed: ParsedYamlFile, diagnostics: Diagnostic[]): InventoryDocument | undefined {
  diagnostics.push(...parsed.diagnostics);
  if (parsed.value === undefined) return undefined;
  return asInventoryDocument(parsed.value, (p) => parsed.positions.locate(p).position, diagnostics);
}

/** Loads one inventory file from text (single layout). */
export function loadInventoryText(text: string, displayPath: string, options?: LoadInventoryOptions): LoadOutcome {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseYamlFile(text, displayPath, resolveLimits(options), reusable(options));
  const document = documentOf(parsed, diagnostics);
  if (document === undefined) return { loaded: undefined, diagnostics };
  const locator = new InventoryLocator(parsed.positions);
  const loaded: LoadedInventory = {
    origin: displayPath,
    layout: 'single',
    document,
    files: [{ path: displayPath, text }],
    locate: (path) => locator.locate(path),
    secrets: parsed.secrets,
  };
  remember(loaded, parsed);
  return { loaded, diagnostics };
}

async function findMainFile(provider: ContentProvider, dir: string, display: string): Promise<string> {
  const entries = (await provider.list(dir)) ?? [];
  const present = MAIN_FILE_NAMES.filter((name) => entries.some((e) => e.type === 'file' && e.name === name));
  const [first, second] = present;
  if (first === undefined) {
    throw new InputError(`${display}: no inventory found (expected one of ${MAIN_FILE_NAMES.join(', ')})`, { path: display });
  }
  if (second !== undefined) {
    throw new InputError(`${display}: ambiguous inventory, both ${first} and ${second} exist`, { path: display });
  }
  return dir === '.' || dir === '' ? first : posix.join(dir, first);
}

/** Loads an inventory file or environment directory through a content provider. */
export async function loadInventory(provider: ContentProvider, path: string, options?: LoadInventoryOptions): Promise<LoadOutcome> {
  const limits = resolveLimits(options);
  const display = provider.displayPath?.(path) ?? path;
  const asDir = await provider.list(path);
  const mainPath = asDir !== undefined ? await findMainFile(provider, path, display) : path;
  const dir = asDir !== undefined ? path : posix.dirname(path);
  const mainDisplay = provider.displayPath?.(mainPath) ?? mainPath;
  const diagnostics: Diagnostic[] = [];
  const text = await readBounded(provider, mainPath, limits, diagnostics);
  if (text === undefined) {
    if (diagnostics.length > 0) return { loaded: undefined, diagnostics };
    throw new InputError(`${mainDisplay}: no such file or directory`, { path: mainDisplay });
  }
  const siblings = asDir ?? (await provider.list(dir)) ?? [];
  const hasVarsDirs = siblings.some((e) => e.type === 'dir' && (e.name === 'group_vars' || e.name === 'host_vars'));
  const parsed = parseYamlFile(text, mainDisplay, limits, hasVarsDirs ? undefined : reusable(options));
  const document = documentOf(parsed, diagnostics);
  if (document === undefined) return { loaded: undefined, diagnostics };

  const files: SourceFile[] = [{ path: mainDisplay, text }];
  const locator = new InventoryLocator(parsed.positions);
  const secrets = parsed.secrets;
  if (hasVarsDirs) await applySplitVars({ provider, dir, document, locator, files, diagnostics, limits, secrets });
  const loaded: LoadedInventory = {
    origin: asDir !== undefined ? display : mainDisplay,
    layout: hasVarsDirs ? 'split' : 'single',
    document,
    files,
    locate: (p) => locator.locate(p),
    secrets,
  };
  if (!hasVarsDirs) remember(loaded, parsed);
  return { loaded, diagnostics };
}
