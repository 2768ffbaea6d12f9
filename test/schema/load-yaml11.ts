/**
 * Test helper: reads YAML the way Ansible does (YAML 1.1) without depending on the inventory loader.
 * js-yaml first; the `yaml` package (1.1 mode) for the few files js-yaml's flow-collection
 * indentation check refuses but PyYAML accepts.
 */
import { load, YAML11_SCHEMA } from 'js-yaml';
import { parse } from 'yaml';

export function loadYaml11(text: string): unknown {
  try {
    return load(text, { schema: YAML11_SCHEMA });
  } catch {
    return parse(text, { version: '1.1', maxAliasCount: 10_000 }) as unknown;
  }
}
