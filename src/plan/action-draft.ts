import type { Risk } from './types.js';

/**
 * Execution phases, in Pigsty's own install order (deploy.yml: infra → node → etcd → minio → pgsql):
 * infra first (infra.yml initialises its own nodes and serves the repo other nodes install from),
 * then the other nodes, then the modules on them; removals run last in reverse dependency order.
 */
export const PHASE = {
  infraAdd: 5,
  nodeAdd: 10,
  etcdAdd: 30,
  minioAdd: 40,
  pgClusterAdd: 50,
  pgInstanceAdd: 51,
  redisAdd: 55,
  users: 60,
  databases: 70,
  config: 80,
  review: 90,
  dbDrop: 100,
  userDrop: 110,
  redisRemove: 120,
  pgInstanceRemove: 130,
  /** The remaining members' services, after instances left (as bin/pgsql-rm instructs). */
  pgServiceAfterRemove: 131,
  pgClusterRemove: 132,
  minioRemove: 140,
  etcdRemove: 150,
  infraRemove: 160,
  nodeRemove: 170,
} as const;

/** An action before merging, ordering and numbering. */
export interface ActionDraft {
  phase: number;
  /** Orders drafts within a phase (cluster, group or IP). */
  sortKey: string;
  kind: string;
  argv: string[];
  risk: Risk;
  reason: string;
  changes: string[];
  review: boolean;
  inventory: 'base' | 'target';
}

export function draft(d: Omit<ActionDraft, 'review' | 'inventory'> & Partial<Pick<ActionDraft, 'review' | 'inventory'>>): ActionDraft {
  return { review: false, inventory: 'target', ...d };
}
