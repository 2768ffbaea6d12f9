import type { Inventory, YamlValue } from '../inventory/model.js';
import { createSecretScrubber } from '../inventory/secret-scrubber.js';
import { collectSecretStrings, REDACTED } from '../inventory/secrets.js';

/** Names a plan prints on purpose (argv, summaries): public by definition, never masked. */
function publicNames(inventory: Inventory): string[] {
  const names = [...inventory.groups.keys(), ...inventory.hosts.keys(), ...inventory.redisClusters.keys()];
  for (const cluster of inventory.pgClusters.values()) {
    names.push(cluster.name, ...cluster.users.map((u) => u.name), ...cluster.databases.map((d) => d.name), ...cluster.services.map((s) => s.name));
  }
  return names;
}

/**
 * Last line of defence for renderings: every secret value of either inventory is replaced by
 * `<redacted>` wherever it stands as a whole token in the rendered text (see secret-scrubber.ts).
 */
export function secretScrubber(...inventories: (Inventory | undefined)[]): (text: string) => string {
  const secrets = new Set<string>();
  const names: string[] = [];
  let collected: YamlValue | undefined;
  for (const inventory of inventories) {
    if (inventory === undefined) continue;
    const document = inventory.source.document as unknown as YamlValue;
    // Secrets met while reading (no walk); else a walk, skipping what it shares with the last one walked.
    const known = inventory.source.secrets;
    if (known !== undefined) for (const secret of known) secrets.add(secret);
    else {
      for (const secret of collectSecretStrings(document, collected)) secrets.add(secret);
      collected = document;
    }
    names.push(...publicNames(inventory));
  }
  return createSecretScrubber(secrets, { mask: REDACTED, publicNames: names });
}
