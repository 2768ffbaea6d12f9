import { loadInventoryText } from '../../src/inventory/load.js';
import type { LoadedInventory } from '../../src/inventory/model.js';
import { redactYamlText } from '../../src/plan/redact-yaml-text.js';
import { redactedYamlDiff } from '../../src/plan/yaml-diff.js';

function loaded(text: string, path: string): LoadedInventory {
  const outcome = loadInventoryText(text, path);
  if (outcome.loaded === undefined) throw new Error(`not loaded: ${JSON.stringify(outcome.diagnostics)}`);
  return outcome.loaded;
}

const BASE = 'all:\n  vars:\n    admin_ip: 10.10.10.10\n    pg_admin_password: Old.Secret.1\n  children: {}\n';
const TARGET = 'all:\n  vars:\n    admin_ip: 10.10.10.11\n    pg_admin_password: New.Secret.2\n  children: {}\n';

describe('redactedYamlDiff', () => {
  it('compares two single-file inventories line by line even when their file names differ', () => {
    const diff = redactedYamlDiff(loaded(BASE, 'prod.yml'), loaded(TARGET, 'prod-next.yml'), (text) => text);
    expect(diff).toContain('--- prod.yml');
    expect(diff).toContain('+++ prod-next.yml');
    expect(diff).toContain('-    admin_ip: 10.10.10.10');
    expect(diff).toContain('+    admin_ip: 10.10.10.11');
    // Only the changed lines and their context, not the whole file removed and added.
    expect(diff).not.toContain('-all:');
    expect(diff).not.toContain('Old.Secret.1');
    expect(diff).not.toContain('New.Secret.2');
  });

  it('shows a whole new file against /dev/null when there is no base', () => {
    const diff = redactedYamlDiff(undefined, loaded(TARGET, 'prod.yml'), (text) => text);
    expect(diff).toContain('--- /dev/null');
    expect(diff).toContain('+    admin_ip: 10.10.10.11');
    expect(diff).not.toContain('New.Secret.2');
  });
});

describe('redactYamlText', () => {
  const SECRET_TEXT = [
    'all:',
    '  vars:',
    '    admin_ip: 10.10.10.10',
    "    a_password: 'quoted secret'",
    '    b_password: "wraps over',
    '      two lines"',
    '    c_password: |',
    '      BlockLineOne',
    '      BlockLineTwo',
    '    d_secret_key: >-',
    '      folded one',
    '      folded two',
    '    e_secret: { user: shown_key_value, list: [ x1, y2 ] }',
    '    pg_users: [ { name: dbuser_app, password: App.Secret.2 } ]',
    '    node_tune: oltp',
    '',
  ].join('\n');

  it('redacts every secret value as YAML reads it: quoted, wrapped, block, folded, nested; keys and other values stay', () => {
    const out = redactYamlText(SECRET_TEXT);
    for (const secret of ['quoted secret', 'wraps over', 'two lines', 'BlockLineOne', 'BlockLineTwo', 'folded one', 'folded two', 'shown_key_value', 'x1', 'y2', 'App.Secret.2']) expect(out).not.toContain(secret);
    expect(out.split('\n')).toEqual([
      'all:',
      '  vars:',
      '    admin_ip: 10.10.10.10',
      "    a_password: '<redacted>'",
      '    b_password: "<redacted>',
      '      <redacted>"',
      '    c_password: |',
      '      <redacted>',
      '      <redacted>',
      '    d_secret_key: >-',
      '      <redacted>',
      '      <redacted>',
      '    e_secret: { user: <redacted>, list: [ <redacted>, <redacted> ] }',
      '    pg_users: [ { name: dbuser_app, password: <redacted> } ]',
      '    node_tune: oltp',
      '',
    ]);
  });

  it('still redacts a block value, line by line, in text it cannot read as YAML', () => {
    const broken = 'all:\n  vars:\n    c_password: |\n      BlockLineOne\n    admin_ip: [ 10.10.10.10\n';
    const out = redactYamlText(broken);
    expect(out).not.toContain('BlockLineOne');
    expect(out).toContain('    c_password: <redacted>\n      <redacted>\n    admin_ip: [ 10.10.10.10');
  });
});
