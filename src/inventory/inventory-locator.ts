/**
 * Maps a JSON path of the merged document back to the file that supplies the value:
 * an overlay file (group_vars/…, host_vars/…) when it defines the key, else the main file.
 */
import type { JsonPath } from './json-path.js';
import type { SourcePosition } from './model.js';
import type { FilePositions } from './yaml/positions.js';

export interface Overlay {
  /** Where the file's top-level mapping is mounted in the merged document. */
  prefix: JsonPath;
  /** Top-level keys this file defines. */
  keys: ReadonlySet<string>;
  positions: FilePositions;
}

function startsWith(path: JsonPath, prefix: JsonPath): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

export class InventoryLocator {
  /** Overlays in the order they were applied (later ones win). */
  private readonly overlays: Overlay[] = [];

  constructor(private readonly main: FilePositions) {}

  add(overlay: Overlay): void {
    this.overlays.push(overlay);
  }

  locate(path: JsonPath): SourcePosition | undefined {
    for (let i = this.overlays.length - 1; i >= 0; i--) {
      const o = this.overlays[i];
      if (o === undefined || path.length <= o.prefix.length || !startsWith(path, o.prefix)) continue;
      const key = path[o.prefix.length];
      if (typeof key === 'string' && o.keys.has(key)) return o.positions.locate(path.slice(o.prefix.length)).position;
    }
    const inMain = this.main.locate(path);
    if (inMain.matched === path.length) return inMain.position;
    // Not (fully) in the main file: the deepest overlay mounted on this path, if any.
    let best: Overlay | undefined;
    for (const o of this.overlays) {
      if (startsWith(path, o.prefix) && o.prefix.length > inMain.matched && (best === undefined || o.prefix.length > best.prefix.length)) best = o;
    }
    if (best !== undefined) return best.positions.locate(path.slice(best.prefix.length)).position;
    return inMain.position;
  }
}
