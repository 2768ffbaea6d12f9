/**
 * fastScan gives exactly js-yaml's packed events or declines: on real inventories, generated
 * ones, a corpus of tricky snippets, and randomly mutated real files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CHOMPING_MODE,
  COLLECTION_STYLE,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  SCALAR_STYLE,
} from 'js-yaml';
import * as codes from '../../src/inventory/yaml/fast-scan-events.js';
import { fastScan } from '../../src/inventory/yaml/fast-scan.js';
import { checkAgainstJsYaml, checkPlainConstructor, jsYamlSlots } from './fast-scan-oracle.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const confDir = path.resolve(repoRoot, '..', 'shared', 'pigsty-conf');
const generator = path.join(repoRoot, 'bench', 'generate-inventory.mjs');

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(entry.name) && statSync(p).isFile() ? [p] : [];
  });
}

function generated(clusters: number, mutate = 0): string {
  return execFileSync(process.execPath, [generator, '--clusters', String(clusters), '--mutate', String(mutate)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('fastScan codes', () => {
  it('uses js-yaml event, style and chomping codes', () => {
    expect([codes.EVENT_DOCUMENT, codes.EVENT_SEQUENCE, codes.EVENT_MAPPING, codes.EVENT_SCALAR, codes.EVENT_POP]).toEqual([
      EVENT_DOCUMENT,
      EVENT_SEQUENCE,
      EVENT_MAPPING,
      EVENT_SCALAR,
      EVENT_POP,
    ]);
    expect([codes.SCALAR_PLAIN, codes.SCALAR_SINGLE_QUOTED, codes.SCALAR_DOUBLE_QUOTED, codes.SCALAR_LITERAL, codes.SCALAR_FOLDED]).toEqual([
      SCALAR_STYLE.PLAIN,
      SCALAR_STYLE.SINGLE_QUOTED,
      SCALAR_STYLE.DOUBLE_QUOTED,
      SCALAR_STYLE.LITERAL_BLOCK,
      SCALAR_STYLE.FOLDED_BLOCK,
    ]);
    expect([codes.COLLECTION_BLOCK, codes.COLLECTION_FLOW]).toEqual([COLLECTION_STYLE.BLOCK, COLLECTION_STYLE.FLOW]);
    expect([codes.CHOMP_CLIP, codes.CHOMP_STRIP, codes.CHOMP_KEEP]).toEqual([CHOMPING_MODE.CLIP, CHOMPING_MODE.STRIP, CHOMPING_MODE.KEEP]);
  });
});

describe('fastScan on real inventories', () => {
  const conf = yamlFiles(confDir);
  (conf.length > 0 ? it : it.skip)('matches js-yaml on every pigsty-conf file and accepts all but the two js-yaml rejects', () => {
    const verdicts = conf.map((file) => checkAgainstJsYaml(readFileSync(file, 'utf8')));
    const accepted = verdicts.filter((v) => v === 'accepted').length;
    const rejectedByJsYaml = conf.filter((file) => jsYamlSlots(readFileSync(file, 'utf8')) === undefined).length;
    expect(rejectedByJsYaml).toBe(2); // fat.yml and ha/simu.yml: flow collections indented less than their key
    expect(accepted).toBe(conf.length - rejectedByJsYaml);
    expect(accepted).toBeGreaterThanOrEqual(51);
  });

  it('accepts the environments and test fixture inventories exactly', () => {
    const files = [...yamlFiles(path.join(repoRoot, 'environments')), ...yamlFiles(path.join(repoRoot, 'test', 'fixtures'))];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(checkAgainstJsYaml(readFileSync(file, 'utf8'))).toBe('accepted');
  });

  it('accepts generated inventories exactly, with and without mutations', () => {
    for (const text of [generated(40), generated(40, 12), generated(3, 2)]) expect(checkAgainstJsYaml(text)).toBe('accepted');
  });
});

/** Snippets where fastScan must match js-yaml whenever it answers (and answer undefined when js-yaml throws). */
const SNIPPETS: string[] = [
  '',
  '\n',
  '   ',
  '# only a comment',
  '# one\n# two\n',
  '\n\n# c\n\n',
  'key:',
  'key:\n',
  'key: ',
  "key: ''",
  'key: ""',
  'key: value',
  'key: value   ',
  'key: value # comment',
  'key: value#not-comment',
  'key: a#b',
  'key:value',
  'key :value',
  'key : value',
  'a: 1\nb: 2\nc: 3\n',
  'a:\n  b:\n    c: d\n',
  'a:\n  - 1\n  - 2\n',
  'a:\n- 1\n- 2\nb: 3\n',
  '- a\n- b\n',
  '- \n- b\n',
  '-\n-\n',
  '- - a\n  - b\n- c\n',
  '- - - deep\n',
  '- a: 1\n  b: 2\n- c: 3\n',
  '- a: 1\n b: 2\n',
  '- a: 1\n   b: 2\n',
  '-1',
  '- -1',
  '- -1\n- -2\n',
  ':',
  ': x',
  '? x',
  '? x\n: y\n',
  '? a\n? b\n',
  'key with spaces: value with spaces',
  'url: http://x:80/y',
  'url: http://x:80/y # c',
  'time: 12:30:45',
  "'quoted key': v",
  '"double key": v',
  "k: 'it''s'",
  'k: "say \\"hi\\""',
  'k: "tab\\tnew\\nline"',
  'k: "\\x41\\u00e9\\U0001F600"',
  'k: "bad \\q escape"',
  'k: "bad \\xZZ"',
  "k: 'unterminated",
  'k: "unterminated',
  'k: héllo wörld',
  'k: 日本語',
  'k: "日本語"',
  'k: emoji 😀 here',
  'k: [a, b]',
  'k: [a, b,]',
  'k: [a, b, ]',
  'k: [ a , b ]',
  'k: []',
  'k: {}',
  'k: [ ]',
  'k: { }',
  'k: [[1, 2], [3]]',
  'k: {a: {b: [c, {d: e}]}}',
  'k: {a: 1, b: 2,}',
  'k: { name: dbuser_meta ,password: DBUser.Meta ,pgbouncer: true ,roles: [ dbrole_admin ] ,comment: x }',
  'k: [a, b]  # comment',
  'k: {a: 1} # comment',
  'k: [a, b] trailing',
  'k: [a b]',
  'k: [a,, b]',
  'k: [, a]',
  'k: {a, b}',
  'k: {a: , b: }',
  'k: {a:1}',
  "k: {'a':1}",
  'k: {"a":1, "b": 2}',
  'k: [a: 1]',
  'k: [? a]',
  'k: {? a: 1}',
  'k: [a, b',
  'k: {a: 1',
  'k: [a, b]]',
  'k: [a\n  , b]',
  'k: [a,\n    b]',
  'k: {a: 1,\n    b: 2}',
  'k: [a, # c\n  b]',
  'k: [-1, - 2]',
  'k: [-a, -]',
  'k: [a#b, c #d]',
  'k: [a:b]',
  'k: [http://x:1]',
  'k: {url: http://x:1/y}',
  'k: [ "a\\nb" ]',
  "k: [ 'a''b' ]",
  'k: [ &a x ]',
  'k: [ *a ]',
  'k: [ !t x ]',
  'k: { a: [ ] , b: { } }',
  '[a, b]: c',
  '{a: 1}: c',
  '[a, b]',
  '{a: 1}',
  '- [a, b]\n- {c: d}\n',
  '---\na: 1\n',
  '--- \na: 1\n',
  '--- a\n',
  '--- |\n  text\n',
  '---\n- a\n',
  'a: 1\n...\n',
  'a: 1\n...\n---\nb: 2\n',
  'a: 1\n---\nb: 2\n',
  '---\n---\n',
  '...\n',
  '--- # c\na: 1\n',
  'a: ---\n',
  'a: ...x\n',
  'a:\n---\n',
  '%YAML 1.2\n---\na: 1\n',
  '%TAG ! tag:x,2000:\n---\na: 1\n',
  'a: &anc 1\nb: *anc\n',
  'a: !!str 1\n',
  '&a a: 1',
  '!t a: 1',
  'a: *',
  'a:\n  b: 1\n c: 2\n',
  'a:\n  b: 1\n   c: 2\n',
  'a: 1\n  b: 2\n',
  'a:\n    b: 1\n  c: 2\n',
  'a: b: c',
  'a: - b',
  'a:\n  - b\n  c: d\n',
  'a:\n  c: d\n  - b\n',
  'a:\n\tb: 1\n',
  'a:\tb\n',
  'a: b\t\n',
  '\ta: 1',
  'a: [1,\t2]',
  '- a\n\t- b\n',
  'a:\n  -\tb\n',
  'a: 1\r\nb: 2\r\n',
  'a:\r\n  - x\r\n  - y\r\n',
  'a: 1\rb: 2',
  'a: multi\n  line plain\n',
  'a: multi\n\n  line plain\n',
  'a: multi\nline plain\n',
  "a: 'multi\n  line'\n",
  'a: "multi\n  line"\n',
  'a: "multi\\\n  line"\n',
  "a: 'multi\n\n  line'\n",
  "a: 'multi\nline'\n",
  'a: |\n  line1\n  line2\n',
  'a: |-\n  line1\n\n',
  'a: |+\n  line1\n\n',
  'a: >\n  folded\n  text\n\nb: 1\n',
  'a: |2\n   indented\n',
  'a: |\n\n  after blank\n',
  'a: |\n  x\n b: 1\n',
  'a: | # comment\n  x\n',
  'a: |x\n  y\n',
  'a: |0\n  y\n',
  'a: |\n',
  'a: |\n  x',
  '- |\n  x\n- y\n',
  'a:\n  b: |\n    x\n  c: 1\n',
  'a: |\n    more\n  less\n',
  'a: >-\n  x\n    y\n  z\n',
  'a: 1\na: 2\n',
  'a:\n  b:\n    c:\n      d:\n        e: 1\n',
  '"a\nb": 1',
  'a: "\\',
  'a: "x\u0001"',
  'a: x\u0001y',
  'a: x\u007fy',
  'a: x\u0085y',
  'a: \ud800x',
  'a: x\ufeff',
  '\ufeffa: 1',
  'a: \u0000',
  'a: @b',
  'a: `b`',
  'a: %b',
  'a: |b',
  'a: >b',
  'a: ?b',
  'a: -b',
  'a: - ',
  'a: ? ',
  '- ? a\n',
  '? - a\n',
  'a:\n  # comment\n  b: 1\n',
  'a:\n# comment at 0\n  b: 1\n',
  'a: 1 #c\n#d\nb: 2 #e\n',
  'a:    \n  b: 1\n',
  'a:\n\n\n  b: 1\n',
  'a:\n  \n  b: 1\n',
  '  a: 1\n  b: 2\n',
  '  a: 1\nb: 2\n',
  ' - a\n - b\n',
  'a: b\n  c\n',
  'a:\n  b\n',
  'a:\n  b\n  c: d\n',
  'a: {\n  b: 1\n}\n',
  'a: [\n  1\n]\n',
  'a: [\n1\n]\n',
  '- {a: 1,\n   b: 2}\n',
  'a: x:\n',
  'a: x: y\n',
  'a: "x": y\n',
  "'a' : b",
  "'a'b: c",
  'a\n: b',
  '- a\n  - b\n',
  '- a\n-b\n',
  '--- [a, b]\n',
  '--- {a: 1}\n',
  '---\n[a, b]\n',
  'a: [a, [b, [c, [d, [e]]]]]',
  'a: 0x1F\nb: 1e3\nc: .inf\nd: ~\ne: null\nf: yes\n',
];

describe('fastScan on tricky snippets', () => {
  it.each(SNIPPETS.map((s) => [s]))('keeps its contract on %j', (text) => {
    checkAgainstJsYaml(text);
  });

  it('accepts the common inventory subset', () => {
    const common = [
      'all:\n  children:\n    pg-meta:\n      hosts:\n        10.10.10.10: { pg_seq: 1, pg_role: primary }\n      vars:\n        pg_cluster: pg-meta\n',
      'pg_users:\n  - { name: dbuser_meta ,password: DBUser.Meta ,pgbouncer: true ,roles: [ dbrole_admin ] ,comment: x }\n',
      "a: 'single'\nb: \"double\"\nc: plain words # comment\n\n# full line\nd:\n",
      '---\nall:\n  vars:\n    x: [a, b]  # c\n',
      'a:\n- 1\n- 2\n',
      "a: |\n  line1\n  line2\nb: 'it''s'\n",
    ];
    for (const text of common) expect(checkAgainstJsYaml(text)).toBe('accepted');
  });

  it('reads a flow collection the one-line fast path gives up on midway through the general path', () => {
    const fallbacks = [
      'k: {a: 1, b: [2, 3], c: "e\\tx"}\n',
      'k: [a, b, {c: d}, "q\\"x"]\nnext: [1, 2]\n',
      'k: [a, [b, c], é]\nnext: {x: y}\n',
      'k: {a: [1, 2], b: 3,\n    c: 4}\nnext: [z]\n',
      '- {a: [1, {b: 2}], c: d # comment\n  }\n- [x]\n',
    ];
    for (const text of fallbacks) expect(checkAgainstJsYaml(text)).toBe('accepted');
  });

  it('declines anchors, aliases, tags and directives', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '%YAML 1.1\n---\na: 1\n', 'a: [b: c]\n']) expect(fastScan(text, 200)).toBeUndefined();
  });

  it('declines nesting deeper than maxDepth, as js-yaml throws', () => {
    for (let depth = 1; depth <= 6; depth++) {
      const block = Array.from({ length: 6 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' v\n';
      const flow = `a: ${'['.repeat(6)}x${']'.repeat(6)}\n`;
      const seq = `${'- '.repeat(6)}x\n`;
      for (const text of [block, flow, seq]) checkAgainstJsYaml(text, depth);
      expect(fastScan(flow, depth)).toBeUndefined();
      expect(jsYamlSlots(flow, depth)).toBeUndefined();
    }
    expect(checkAgainstJsYaml(`a: ${'['.repeat(6)}x${']'.repeat(6)}\n`, 8)).toBe('accepted');
  });
});

const INSERTS = [': ', '- ', '#', ' #', '[', ']', '{', '}', ',', "'", '"', '&a ', '*a', '!t ', '\t', '? ', '|', '>', '---', '...', '\\', ' ', ':', '-'];

function mutate(lines: string[], random: () => number): string {
  const out = lines.slice();
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits && out.length > 0; e++) {
    const i = Math.floor(random() * out.length);
    const line = out[i] ?? '';
    switch (Math.floor(random() * 6)) {
      case 0:
        out.splice(i, 1);
        break;
      case 1:
        out.splice(i, 0, line);
        break;
      case 2: {
        const delta = [-2, -1, 1, 2][Math.floor(random() * 4)] ?? 1;
        out[i] = delta > 0 ? ' '.repeat(delta) + line : line.replace(new RegExp(`^ {0,${-delta}}`), '');
        break;
      }
      default: {
        const insert = INSERTS[Math.floor(random() * INSERTS.length)] ?? '';
        const at = Math.floor(random() * (line.length + 1));
        out[i] = line.slice(0, at) + insert + line.slice(at);
      }
    }
  }
  return out.join('\n');
}

describe('fastScan on randomly mutated inventories', () => {
  it('keeps its contract on 3,000 seeded mutations of real files', async () => {
    const sources = [
      ...yamlFiles(confDir).filter((f) => statSync(f).size < 40_000),
      ...yamlFiles(path.join(repoRoot, 'environments')),
    ].map((f) => readFileSync(f, 'utf8'));
    sources.push(generated(4));
    // Windows of ~40 lines keep each case small (js-yaml is the slow half of the comparison).
    const windows = sources.flatMap((text) => {
      const lines = text.split('\n');
      const out: string[][] = [];
      for (let i = 0; i < lines.length; i += 40) out.push(lines.slice(i, i + 40));
      return out;
    });
    // The generator's seeded PRNG (mulberry32), so the mutations are the same on every run.
    const { makeRandom } = (await import(pathToFileURL(generator).href)) as { makeRandom: (seed: number) => () => number };
    const random = makeRandom(20240601);
    let accepted = 0;
    for (let n = 0; n < 3000; n++) {
      const window = windows[Math.floor(random() * windows.length)] ?? [];
      if (checkAgainstJsYaml(mutate(window, random)) === 'accepted') accepted++;
    }
    // Most mutations stay inside the subset (the rest are declined or invalid).
    expect(accepted).toBeGreaterThan(1000);
  });
});

describe('the plain constructor on what the fast scanner accepts', () => {
  it('builds real and generated inventories, and declines duplicate, merge and collection keys for the general constructor', () => {
    const texts = [...yamlFiles(confDir), ...yamlFiles(path.join(repoRoot, 'environments'))].map((f) => readFileSync(f, 'utf8'));
    texts.push(generated(30, 5));
    let built = 0;
    for (const text of texts) {
      const events = fastScan(text, 200);
      if (events !== undefined && checkPlainConstructor(events, text) === 'built') built++;
    }
    expect(built).toBeGreaterThan(texts.length / 2);
    for (const text of ['a: 1\na: 2\n', 'a:\n  <<: {b: 1}\n  c: 2\n', '? [a]\n: b\n', 'k: {x: 1, x: 2}\n']) {
      const events = fastScan(text, 200);
      if (events !== undefined) expect(checkPlainConstructor(events, text)).toBe('declined');
    }
    const events = fastScan('pg_users: [{name: u, password: "S3cret.1"}, {name: v, password: 42}]\n__proto__: {x: 1}\nn: .nan\n', 200);
    if (events === undefined) throw new Error('expected the fast path');
    expect(checkPlainConstructor(events, 'pg_users: [{name: u, password: "S3cret.1"}, {name: v, password: 42}]\n__proto__: {x: 1}\nn: .nan\n')).toBe('built');
  });
});
