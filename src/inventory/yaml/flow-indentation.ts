/**
 * PyYAML ignores indentation inside flow collections (`[ … ]`, `{ … }`), and real Pigsty
 * inventories rely on it, e.g. a closing `]` at the indentation of its key. js-yaml refuses
 * that ("deficient indentation"). When that error falls inside a flow collection, the lines
 * of that collection are indented one column deeper than the line that opens it and the text
 * is parsed again; `shifts` records the spaces added per line so positions stay exact.
 */

/** Offset of the innermost unclosed `[` or `{` before `offset`, or -1 when in block context. */
export function flowOpenerBefore(text: string, offset: number): number {
  const stack: number[] = [];
  let i = 0;
  while (i < offset && i < text.length) {
    const c = text[i];
    const prev = i > 0 ? text[i - 1] : '\n';
    if (c === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
      continue;
    }
    const tokenStart = prev === ' ' || prev === '\t' || prev === '\n' || prev === '[' || prev === '{' || prev === ',';
    if ((c === '"' || c === "'") && tokenStart) {
      let j = i + 1;
      while (j < text.length) {
        if (c === '"' && text[j] === '\\') j += 2;
        else if (text[j] === c) {
          if (c === "'" && text[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
      continue;
    }
    if (c === '[' || c === '{') stack.push(i);
    else if ((c === ']' || c === '}') && stack.length > 0) stack.pop();
    i++;
  }
  return stack.length > 0 ? (stack[stack.length - 1] ?? -1) : -1;
}

export interface RelaxedText {
  text: string;
  /** 0-based line → spaces inserted at its start. */
  shifts: Map<number, number>;
}

/**
 * Re-indents the flow collection around `errorOffset`, or returns undefined when the error is
 * not inside a flow collection (then it is a real error, as it is for PyYAML).
 */
export function relaxFlowIndentation(text: string, errorOffset: number, shifts: Map<number, number>): RelaxedText | undefined {
  const opener = flowOpenerBefore(text, errorOffset);
  if (opener < 0) return undefined;
  const openerLineStart = text.lastIndexOf('\n', opener) + 1;
  let openerIndent = 0;
  while (text[openerLineStart + openerIndent] === ' ') openerIndent++;
  const lines = text.split('\n');
  const lineNo = text.slice(0, openerLineStart).split('\n').length - 1;
  const errorLine = text.slice(0, errorOffset).split('\n').length - 1;
  let changed = false;
  for (let l = lineNo + 1; l <= errorLine; l++) {
    const line = lines[l] ?? '';
    let indent = 0;
    while (line[indent] === ' ') indent++;
    if (indent <= openerIndent && line.trim() !== '') {
      const add = openerIndent + 1 - indent;
      lines[l] = ' '.repeat(add) + line;
      shifts.set(l, (shifts.get(l) ?? 0) + add);
      changed = true;
    }
  }
  return changed ? { text: lines.join('\n'), shifts } : undefined;
}
