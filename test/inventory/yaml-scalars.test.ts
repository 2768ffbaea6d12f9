import { loadInventoryText } from '../../src/inventory/load.js';
import type { YamlValue } from '../../src/inventory/model.js';

function varsOf(yaml: string): Record<string, YamlValue> {
  const text = `all:\n  vars:\n${yaml
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
  const out = loadInventoryText(text, 'scalars.yml');
  expect(out.diagnostics).toEqual([]);
  return out.loaded?.document.all.vars ?? {};
}

describe('YAML 1.1 scalars read as PyYAML (Ansible) reads them', () => {
  it('treats yes/no/on/off/true/false in PyYAML case variants as booleans, other spellings as strings', () => {
    const v = varsOf('a: yes\nb: No\nc: ON\nd: off\ne: True\nf: FALSE\ng: y\nh: n\ni: yES\nj: "yes"\nk: Off');
    expect(v).toEqual({ a: true, b: false, c: true, d: false, e: true, f: false, g: 'y', h: 'n', i: 'yES', j: 'yes', k: false });
  });

  it('reads YAML 1.1 integers: octal, hex, binary, underscores, sexagesimal; 0o17 and 08 stay strings', () => {
    const v = varsOf('a: 0755\nb: 0x1F\nc: 0b101\nd: 1_000\ne: 1:30\nf: -42\ng: 0o17\nh: 08\ni: 0\nj: +7');
    expect(v).toEqual({ a: 493, b: 31, c: 5, d: 1000, e: 90, f: -42, g: '0o17', h: '08', i: 0, j: 7 });
  });

  it('reads floats only with a dot, plus .inf and .nan; 1e3 and IPs stay strings', () => {
    const v = varsOf('a: 1.5\nb: 1e3\nc: 1.0e+3\nd: .inf\ne: -.Inf\nf: 10.10.10.10\ng: 1_0.5\nh: 1:30.5');
    expect(v['a']).toBe(1.5);
    expect(v['b']).toBe('1e3');
    expect(v['c']).toBe(1000);
    expect(v['d']).toBe(Infinity);
    expect(v['e']).toBe(-Infinity);
    expect(v['f']).toBe('10.10.10.10');
    expect(v['g']).toBe(10.5);
    expect(v['h']).toBe(90.5);
    expect(Number.isNaN(varsOf('n: .nan')['n'])).toBe(true);
  });

  it('reads ~, null, Null, NULL and empty values as null, quoted ones as strings', () => {
    expect(varsOf("a: ~\nb: null\nc: NULL\nd:\ne: 'null'\nf: nULL")).toEqual({ a: null, b: null, c: null, d: null, e: 'null', f: 'nULL' });
  });

  it('keeps timestamps as their text and honours explicit tags', () => {
    expect(varsOf('a: 2024-01-02\nb: !!str 123\nc: !!int "42"\nd: !unsafe "{{ x }}"\ne: !!float 3')).toEqual({
      a: '2024-01-02',
      b: '123',
      c: 42,
      d: '{{ x }}',
      e: 3,
    });
  });

  it('applies merge keys with explicit keys winning and the first merged mapping winning', () => {
    const v = varsOf('base: &b { x: 1, y: 2 }\nother: &o { y: 3, z: 4 }\nm:\n  <<: [*b, *o]\n  x: 9');
    expect(v['m']).toEqual({ x: 9, y: 2, z: 4 });
  });

  it('turns numeric mapping keys into their text, as redis_instances ports', () => {
    const v = varsOf('ports: { 6379: {}, 6380: { replica_of: "a 6379" } }');
    expect(Object.keys(v['ports'] as object)).toEqual(['6379', '6380']);
  });
});
