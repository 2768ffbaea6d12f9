import { loadInventoryText } from '../../src/inventory/load.js';
import type { LoadedInventory } from '../../src/inventory/model.js';
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
