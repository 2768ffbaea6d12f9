import { createTwoFilesPatch } from 'diff';
import type { LoadedInventory, SourceFile } from '../inventory/model.js';
import { redactYamlText } from './redact-yaml-text.js';

function relativeTo(origin: string, file: SourceFile): string {
  const path = file.path;
  const stripped = path.startsWith(`${origin}/`) ? path.slice(origin.length + 1) : path.replace(/^.*\//, '');
  return stripped;
}

/** The key that pairs a file with its counterpart: two single-file inventories are one pair whatever their names. */
function pairKeys(inventory: LoadedInventory, bothSingle: boolean): Map<string, SourceFile> {
  if (bothSingle && inventory.files[0] !== undefined) return new Map([['', inventory.files[0]]]);
  return new Map(inventory.files.map((f) => [relativeTo(inventory.origin, f), f]));
}

/**
 * Unified diff of the inventory files, base → target, with secret values redacted (`redact` is
 * applied to both texts first). Files are paired by their path inside the inventory; two single-file
 * inventories (`prod.yml` vs `prod-next.yml`) are compared with each other whatever their names.
 */
export function redactedYamlDiff(base: LoadedInventory | undefined, target: LoadedInventory, redact: (text: string) => string): string {
  const bothSingle = base?.layout === 'single' && target.layout === 'single';
  const baseFiles = base === undefined ? new Map<string, SourceFile>() : pairKeys(base, bothSingle);
  const targetFiles = pairKeys(target, bothSingle);
  const names = [...new Set([...baseFiles.keys(), ...targetFiles.keys()])].sort();
  const parts: string[] = [];
  for (const name of names) {
    const b = baseFiles.get(name);
    const t = targetFiles.get(name);
    const before = b === undefined ? '' : redactYamlText(b.text);
    const after = t === undefined ? '' : redactYamlText(t.text);
    if (before === after) continue;
    const patch = createTwoFilesPatch(b?.path ?? '/dev/null', t?.path ?? '/dev/null', before, after, undefined, undefined, { context: 3 });
    // Drop the "Index:" / "====" header lines the diff package adds.
    // Secret values not on their key's line are scrubbed from the (small) patch, not the whole files.
    parts.push(redact(patch).split('\n').filter((line) => !line.startsWith('Index: ') && !/^=+$/.test(line)).join('\n').trimEnd());
  }
  return parts.join('\n');
}
