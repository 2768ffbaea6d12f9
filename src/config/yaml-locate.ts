import { isMap, isNode, isScalar, type Document, type LineCounter } from 'yaml';

export interface Position {
  line: number | undefined;
  column: number | undefined;
}

/**
 * Line and column (1-based) of the value at `path` in `doc`; with `key`, of that key inside the map
 * at `path`. Falls back to the nearest existing ancestor.
 */
export function locate(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[], key?: string): Position {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (!isNode(node)) continue;
    if (key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (pair !== undefined && isNode(pair.key) && pair.key.range) return position(lineCounter, pair.key.range[0]);
    }
    if (node.range) return position(lineCounter, node.range[0]);
  }
  return { line: undefined, column: undefined };
}

function position(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
