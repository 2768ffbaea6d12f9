import { loadInventoryText } from '../../src/inventory/load.js';

describe('YAML problems become diagnostics with file, line and column', () => {
  it('reports a duplicate key at the second occurrence and names the first', () => {
    const text = 'all:\n  vars:\n    admin_ip: 10.10.10.10\n    region: default\n    admin_ip: 10.10.10.11\n';
    const out = loadInventoryText(text, 'env/pigsty.yml');
    expect(out.diagnostics).toEqual([
      {
        code: 'YAML002',
        severity: 'error',
        message: 'duplicate key "admin_ip" (first defined at line 3, column 5)',
        path: '',
        file: 'env/pigsty.yml',
        line: 5,
        column: 5,
      },
    ]);
    // like PyYAML, the last value is what the document holds
    expect(out.loaded?.document.all.vars?.['admin_ip']).toBe('10.10.10.11');
  });

  it('reports duplicate keys inside flow mappings too', () => {
    const out = loadInventoryText('all:\n  hosts: { 10.0.0.1: { a: 1, a: 2 } }\n', 'f.yml');
    expect(out.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['YAML002', 2, 30]]);
  });

  it('refuses a billion-laughs document quickly, with a clear error and no document', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const text = `all:\n  vars:\n${levels.map((l) => `    ${l}`).join('\n')}\n`;
    const out = loadInventoryText(text, 'bomb.yml');
    expect(out.loaded).toBeUndefined();
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]?.code).toBe('YAML003');
    expect(out.diagnostics[0]?.message).toContain('more than 1000000 nodes');
    expect(out.diagnostics[0]?.file).toBe('bomb.yml');
  });

  it('accepts ordinary aliases and honours a configured alias bound', () => {
    const text = 'all:\n  vars:\n    base: &b [1, 2, 3]\n    copy: *b\n';
    expect(loadInventoryText(text, 'a.yml').diagnostics).toEqual([]);
    const limited = loadInventoryText(text, 'a.yml', { maxAliasNodes: 2 });
    expect(limited.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['YAML003', 4, 11]]);
  });

  it('refuses a file larger than the configured size', () => {
    const out = loadInventoryText(`all:\n  vars:\n    x: ${'a'.repeat(200)}\n`, 'big.yml', { maxFileBytes: 100 });
    expect(out.loaded).toBeUndefined();
    expect(out.diagnostics.map((d) => d.code)).toEqual(['YAML004']);
    expect(out.diagnostics[0]?.message).toBe('file is 221 bytes, larger than the limit of 100 bytes');
  });

  it('reports syntax errors with 1-based line and column', () => {
    const out = loadInventoryText('all:\n  vars:\n    a: [1, 2\n', 'bad.yml');
    expect(out.loaded).toBeUndefined();
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]).toMatchObject({ code: 'YAML001', severity: 'error', file: 'bad.yml', line: 4, column: 1 });
  });

  it('requires a mapping with a top-level all key', () => {
    expect(loadInventoryText('- a\n- b\n', 'list.yml').diagnostics.map((d) => [d.code, d.line])).toEqual([['YAML005', 1]]);
    const extra = loadInventoryText('all: {}\npg-test: {}\n', 'extra.yml');
    expect(extra.diagnostics.map((d) => [d.code, d.message, d.line, d.column])).toEqual([
      ['YAML005', 'unexpected top-level key "pg-test": put groups under `all.children`', 2, 10],
    ]);
    expect(loadInventoryText('', 'empty.yml').diagnostics.map((d) => d.code)).toEqual(['YAML005']);
  });

  it('refuses several documents in one file', () => {
    const out = loadInventoryText('all: {}\n---\nall: {}\n', 'two.yml');
    expect(out.diagnostics.map((d) => d.message)).toEqual(['expected a single YAML document, found 2']);
  });
});

describe('flow collections ignore indentation, as in PyYAML', () => {
  it('accepts a closing bracket at the indentation of its key and keeps positions exact', () => {
    const text = 'all:\n  vars:\n    pkgs: [\n      a, b,\n    c\n    ]\n    after: 1\n';
    const out = loadInventoryText(text, 'flow.yml');
    expect(out.diagnostics).toEqual([]);
    expect(out.loaded?.document.all.vars).toEqual({ pkgs: ['a', 'b', 'c'], after: 1 });
    expect(out.loaded?.locate(['all', 'vars', 'pkgs', 2])).toEqual({ file: 'flow.yml', line: 5, column: 5 });
    expect(out.loaded?.locate(['all', 'vars', 'after'])).toEqual({ file: 'flow.yml', line: 7, column: 12 });
  });

  it('still rejects deficient indentation in block context', () => {
    const out = loadInventoryText('all:\n  vars:\n    a: 1\n   b: 2\n', 'block.yml');
    expect(out.diagnostics.map((d) => d.code)).toEqual(['YAML001']);
  });
});
